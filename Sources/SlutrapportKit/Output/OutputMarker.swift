import CSlutrapportSys
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How slutrapport proves it wrote something before it replaces or removes
/// it, in the manner of cargo's CACHEDIR.TAG: every output and staging
/// folder holds `.slutrapport-output` with fixed bytes, and each index file
/// ends in a fixed line. A link is never taken for either.
package enum OutputMarker {
    package static let fileName = ".slutrapport-output"
    /// The first line, which alone is checked: later wording may change.
    static let signature = "Signature: slutrapport output folder 1\n"
    package static let contents = signature
        + "# slutrapport wrote this folder and replaces or removes it whole on its next build.\n"
        + "# Delete this file, and slutrapport will leave the folder alone.\n"
    /// The marker of a project's output folder: `contents`, then a line for
    /// each file it holds (bytes, CRC-32, path), so that a later build tells
    /// what slutrapport wrote from what a person put there or changed since
    /// (issue 24). The numbers are written in hexadecimal with the letters
    /// a–p for 0–f: no digit in the marker that a search of the outputs for
    /// personal data (birth years) could take for one.
    package static func contents(listing files: [OutputFile]) -> String {
        var text = contents + manifestHeader
        for file in files.sorted(by: { $0.name < $1.name }) {
            let crc = file.contents.withUnsafeBufferPointer { slutrapport_crc32(0, $0.baseAddress, $0.count) }
            text += "\(letters(UInt64(file.contents.count))) \(letters(UInt64(crc), width: 8)) \(file.name)\n"
        }
        return text
    }

    static let manifestHeader = "# It wrote these files (bytes, CRC-32, path); anything else here is carried into its next build:\n"

    /// `value` in hexadecimal with the letters a–p for the digits 0–f.
    static func letters(_ value: UInt64, width: Int = 1) -> String {
        var out: [UInt8] = []
        var v = value
        repeat {
            out.append(UInt8(ascii: "a") + UInt8(v & 0xF))
            v >>= 4
        } while v > 0
        while out.count < width { out.append(UInt8(ascii: "a")) }
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    static func number(letters text: Substring) -> UInt64? {
        guard !text.isEmpty, text.count <= 16 else { return nil }
        var v: UInt64 = 0
        for c in text.utf8 {
            guard (UInt8(ascii: "a")...UInt8(ascii: "p")).contains(c) else { return nil }
            v = v << 4 | UInt64(c - UInt8(ascii: "a"))
        }
        return v
    }

    /// The files a marked folder's marker lists; nil for a marker without a
    /// list (written before issue 24) or one that cannot be read.
    static func manifest(folder: String) -> [String: (size: Int, crc: UInt32)]? {
        let path = folder + "/" + fileName
        guard let size = size(of: path), size <= 1 << 20,
              let bytes = bytes(of: path, count: size, atEnd: false),
              let text = String(validating: bytes, as: UTF8.self),
              let header = text.range(of: manifestHeader) else { return nil }
        var files: [String: (size: Int, crc: UInt32)] = [:]
        for line in text[header.upperBound...].split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let size = number(letters: parts[0]), size <= UInt64(Int.max),
                  let crc = number(letters: parts[1]), crc <= UInt64(UInt32.max) else { continue }
            files[String(parts[2])] = (Int(size), UInt32(crc))
        }
        return files
    }

    /// The last line of OUT/index.md and OUT/index.html (a comment in both).
    static let indexLine = "<!-- written by slutrapport: it replaces this file on every batch build -->\n"

    /// What is at a path slutrapport wants to write.
    enum Occupant: Equatable {
        case nothing
        case ours
        /// Anything slutrapport cannot prove it wrote: it is left alone.
        case foreign
    }

    /// A real folder (not a link) holding the marker as a regular file.
    static func occupant(folder path: String) -> Occupant {
        var st = stat()
        guard lstat(path, &st) == 0 else { return errno == ENOENT || errno == ENOTDIR ? .nothing : .foreign }
        guard st.st_mode & S_IFMT == S_IFDIR else { return .foreign }
        return bytes(of: path + "/" + fileName, count: signature.utf8.count, atEnd: false) == Array(signature.utf8) ? .ours : .foreign
    }

    /// A regular file (not a link) ending in `indexLine`.
    static func occupant(index path: String) -> Occupant {
        var st = stat()
        guard lstat(path, &st) == 0 else { return errno == ENOENT || errno == ENOTDIR ? .nothing : .foreign }
        return bytes(of: path, count: indexLine.utf8.count, atEnd: true) == Array(indexLine.utf8) ? .ours : .foreign
    }

    /// A real folder holding nothing, or only a marker cut short (a build
    /// killed between making its staging folder and marking it).
    static func isUnfinished(staging path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        if entries.isEmpty { return true }
        guard entries == [fileName], let size = size(of: path + "/" + fileName), size < contents.utf8.count else { return false }
        // (A marker longer than `contents`, with its list of files, starts with the signature: the folder is ours.)
        return bytes(of: path + "/" + fileName, count: size, atEnd: false) == Array(contents.utf8.prefix(size))
    }

    /// The size of a regular file that is not a link.
    private static func size(of path: String) -> Int? {
        var st = stat()
        guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(st.st_size)
    }

    /// `count` bytes from the start or the end of a regular file, opened
    /// without following a link and without blocking (a FIFO answers nil).
    private static func bytes(of path: String, count: Int, atEnd: Bool) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size >= count else { return nil }
        var buffer = [UInt8](repeating: 0, count: count)
        let offset = atEnd ? off_t(st.st_size) - off_t(count) : 0
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, offset) }
        return n == count ? buffer : nil
    }
}

/// The system calls that put an output in place, as values, so that tests
/// and the fuzzer can make one fail (a file system without atomic exchange,
/// a full disk) without changing anything process-wide. Each answers 0 or
/// the errno.
package struct OutputCalls: Sendable {
    package var exchange: @Sendable (String, String) -> Int32
    package var rename: @Sendable (String, String) -> Int32
    /// Creates a new file and writes it whole (see `createFile`).
    package var createFile: @Sendable (String, [UInt8]) -> Int32
    /// Makes a hard link, never following a symbolic one (carrying a person's file, issue 24).
    package var link: @Sendable (String, String) -> Int32

    package init(exchange: @escaping @Sendable (String, String) -> Int32, rename: @escaping @Sendable (String, String) -> Int32,
                 createFile: @escaping @Sendable (String, [UInt8]) -> Int32,
                 link: @escaping @Sendable (String, String) -> Int32 = OutputCalls.systemLink) {
        self.exchange = exchange
        self.rename = rename
        self.createFile = createFile
        self.link = link
    }

    package static let systemLink: @Sendable (String, String) -> Int32 = { linkat(AT_FDCWD, $0, AT_FDCWD, $1, 0) == 0 ? 0 : errno }

    package static let system = OutputCalls(
        exchange: { slutrapport_exchange($0, $1) == 0 ? 0 : errno },
        rename: { Glibc.rename($0, $1) == 0 ? 0 : errno },
        createFile: { SlutrapportKit.createFile($0, $1) }
    )
}

/// Creates a file that is not there yet and writes `text` to it as UTF-8.
package func createFile(_ path: String, _ text: String) -> Int32 {
    createFile(path, Array(text.utf8))
}

/// Creates a file that is not there yet and writes `contents` to it with
/// plain system calls; never through a link (O_EXCL, O_NOFOLLOW), so nothing
/// outside the folder is written. Returns 0 or the errno.
package func createFile(_ path: String, _ contents: [UInt8]) -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return errno }
    let failure = contents.withUnsafeBufferPointer { bytes -> Int32 in
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += n
        }
        return 0
    }
    // A full disk may show only at close (NFS): that is a failure too.
    return close(fd) != 0 && failure == 0 ? errno : failure
}
