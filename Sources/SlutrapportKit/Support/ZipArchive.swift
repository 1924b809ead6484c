import Foundation
import CSlutrapportSys
#if canImport(Glibc)
import Glibc
#endif

/// The zip container of an Office file slutrapport reads (a workbook, the
/// templates' reference.docx), read from its central directory.
///
/// Our own reader, not ZIPFoundation's: its `extract` asks zlib for more
/// output with no input left at the end of the file, so a member whose
/// deflate stream never ends (a crafted last member) loops forever, and an
/// entry's data offset is not public, so it cannot be inflated by other
/// means. This reads the directory, checks each member against the file,
/// and inflates with zlib (`slutrapport_inflate`) straight into the
/// scanner's buffer, counting the bytes actually inflated.
final class ZipArchive {
    struct Member {
        var name: String
        var method: UInt16
        var flags: UInt16
        var compressedSize: Int
        var localHeaderOffset: Int
        /// What the directory says the member inflates to, checked as it inflates (issue 24).
        var crc: UInt32 = 0
        var uncompressedSize: Int = 0
    }

    let fd: Int32
    let size: Int
    let limits: WorkbookLimits
    private(set) var members: [String: Member] = [:]

    /// Opens the file at `path`: a zip with a central directory, or the
    /// error that says what it is instead (an old .xls, an encrypted workbook).
    init(path: String, limits: WorkbookLimits) throws(WorkbookError) {
        guard let fd = InputFile.openRegular(path) else { throw .damaged("the file cannot be opened") }
        self.fd = fd
        self.limits = limits
        var st = stat()
        fstat(fd, &st)
        size = Int(st.st_size)
        do throws(WorkbookError) {
            let head = try read(at: 0, count: min(size, 8))
            if head == CompoundFile.magic { throw CompoundFile.kind(of: self) }
            guard head.count >= 4, head[0] == 0x50, head[1] == 0x4B else { throw .notZip }
            try readDirectory()
        } catch {
            close(fd)
            throw error
        }
    }

    deinit { close(fd) }

    /// `count` bytes at `offset`, or fewer at the end of the file.
    func read(at offset: Int, count: Int) throws(WorkbookError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        let got = out.withUnsafeMutableBytes { readFully($0.baseAddress, count, offset) }
        guard got >= 0 else { throw .damaged("the file cannot be read") }
        return Array(out[..<got])
    }

    /// Reads up to `count` bytes at `offset` into `buffer`; -1 on an error.
    func readFully(_ buffer: UnsafeMutableRawPointer?, _ count: Int, _ offset: Int) -> Int {
        guard let buffer else { return 0 }
        var done = 0
        while done < count {
            let n = pread(fd, buffer + done, count - done, off_t(offset + done))
            if n < 0 { if errno == EINTR { continue }; return -1 }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// The end-of-central-directory record, then every entry of the directory.
    private func readDirectory() throws(WorkbookError) {
        let tailCount = min(size, 22 + 65_535)
        let tail = try read(at: size - tailCount, count: tailCount)
        var eocd = -1
        var i = tail.count - 22
        while i >= 0 {
            if tail.u32(i) == 0x0605_4B50 && i + 22 + Int(tail.u16(i + 20)) <= tail.count { eocd = i; break }
            i -= 1
        }
        // A zip's first member but no end record: the file was cut short.
        guard eocd >= 0 else { throw try read(at: 0, count: 4) == [0x50, 0x4B, 3, 4] ? .damaged("the zip is cut short (its directory is missing)") : .notZip }
        let count = Int(tail.u16(eocd + 10))
        let directorySize = Int(tail.u32(eocd + 12)), directoryOffset = Int(tail.u32(eocd + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw .damaged("a zip64 archive (over 4 GB) is not read")
        }
        guard count <= limits.entries else { throw .damaged("the zip has more than \(limits.entries) members") }
        guard directoryOffset + directorySize <= size else { throw .damaged("the zip's directory lies past the end of the file") }
        let directory = try read(at: directoryOffset, count: directorySize)
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, directory.u32(at) == 0x0201_4B50 else {
                throw .damaged("the zip's directory is damaged")
            }
            let nameLength = Int(directory.u16(at + 28)), extra = Int(directory.u16(at + 30)), comment = Int(directory.u16(at + 32))
            guard at + 46 + nameLength <= directory.count else { throw .damaged("the zip's directory is damaged") }
            let name = String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            let member = Member(name: name, method: directory.u16(at + 10), flags: directory.u16(at + 8),
                                compressedSize: Int(directory.u32(at + 20)), localHeaderOffset: Int(directory.u32(at + 42)),
                                crc: directory.u32(at + 16), uncompressedSize: Int(directory.u32(at + 24)))
            // Part names are case-insensitive (ECMA-376 Part 2); the first of two alike wins.
            let key = name.lowercased()
            if members[key] == nil { members[key] = member }
            at += 46 + nameLength + extra + comment
        }
    }

    /// The member named `name` (case-insensitive, without a leading `/`), if any.
    func member(_ name: String) -> Member? {
        members[(name.hasPrefix("/") ? String(name.dropFirst()) : name).lowercased()]
    }

    /// A stream of the member's inflated bytes.
    func open(_ member: Member) throws(WorkbookError) -> MemberStream {
        guard member.flags & 1 == 0 else { throw .damaged("\(member.name) is encrypted") }
        guard member.method == 0 || member.method == 8 else {
            throw .damaged("\(member.name) uses a compression method other than deflate")
        }
        let header = try read(at: member.localHeaderOffset, count: 30)
        guard header.count == 30, header.u32(0) == 0x0403_4B50 else { throw .damaged("\(member.name) has no local header") }
        let start = member.localHeaderOffset + 30 + Int(header.u16(26)) + Int(header.u16(28))
        guard start + member.compressedSize <= size else { throw .damaged("\(member.name) is cut short") }
        return try MemberStream(archive: self, name: member.name, start: start, compressedSize: member.compressedSize,
                                stored: member.method == 0, crc: member.crc, size: member.uncompressedSize)
    }

    /// The whole member, for the small parts: at most `limits.smallPartBytes`.
    func readWhole(_ member: Member) throws(WorkbookError) -> [UInt8] {
        let stream = try open(member)
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try chunk.withUnsafeMutableBufferPointer { b throws(WorkbookError) in
                // The base address exists: the array is not empty.
                try stream.read(into: b.baseAddress!, capacity: b.count)
            }
            if n == 0 { break }
            guard out.count + n <= limits.smallPartBytes else {
                throw .tooLarge(part: member.name, reason: "is larger than \(limits.smallPartBytes) bytes")
            }
            out.append(contentsOf: chunk[..<n])
        }
        return out
    }
}

/// A member's bytes as they inflate, counted against the limits.
final class MemberStream {
    private unowned let archive: ZipArchive
    let name: String
    private let start: Int
    private let compressedSize: Int
    private let stored: Bool
    private var inflater: OpaquePointer?
    private let input: UnsafeMutablePointer<UInt8>
    private static let inputSize = 1 << 18
    private var inputStart = 0, inputEnd = 0
    /// Compressed bytes read from the file, and bytes handed out.
    private var taken = 0
    private(set) var produced = 0
    private var ended = false
    /// The CRC-32 and size the directory states, and the CRC-32 of what was handed out.
    private let expectedCRC: UInt32
    private let expectedSize: Int
    private var crc: UInt32 = 0

    fileprivate init(archive: ZipArchive, name: String, start: Int, compressedSize: Int, stored: Bool,
                     crc: UInt32, size: Int) throws(WorkbookError) {
        expectedCRC = crc
        expectedSize = size
        self.archive = archive
        self.name = name
        self.start = start
        self.compressedSize = compressedSize
        self.stored = stored
        input = .allocate(capacity: Self.inputSize)
        if !stored {
            inflater = slutrapport_inflater_new()
            if inflater == nil { input.deallocate(); throw .damaged("out of memory") }
        }
    }

    deinit {
        slutrapport_inflater_free(inflater)
        input.deallocate()
    }

    /// Fills up to `capacity` bytes of `out`; 0 at the end of the member.
    func read(into out: UnsafeMutablePointer<UInt8>, capacity: Int) throws(WorkbookError) -> Int {
        if ended || capacity == 0 { return 0 }
        var made = 0
        if stored {
            let n = archive.readFully(out, min(capacity, compressedSize - taken), start + taken)
            guard n >= 0 else { throw .damaged("the file cannot be read") }
            taken += n
            made = n
            if n == 0 { ended = true }
        } else {
            while made == 0 {
                if inputStart == inputEnd {
                    let n = archive.readFully(input, min(Self.inputSize, compressedSize - taken), start + taken)
                    guard n >= 0 else { throw .damaged("the file cannot be read") }
                    taken += n
                    inputStart = 0
                    inputEnd = n
                }
                var consumed = 0, got = 0
                let status = slutrapport_inflate(inflater, input + inputStart, inputEnd - inputStart, &consumed, out, capacity, &got)
                inputStart += consumed
                made = got
                if status < 0 { throw .damaged("\(name) is not valid deflate data") }
                if status == 1 { ended = true; break }
                // No progress with all the member's input read: its stream is cut short.
                if got == 0 && consumed == 0 && taken == compressedSize && inputStart == inputEnd {
                    throw .damaged("\(name) is cut short")
                }
            }
        }
        produced += made
        crc = slutrapport_crc32(crc, out, made)
        // Checked as it inflates: a member past its stated size stops at once,
        // and one whose bytes changed is refused before its end is read.
        if produced > expectedSize {
            throw .damaged("\(name) inflates to more bytes than the zip's directory says: the file is damaged")
        }
        if ended {
            if produced != expectedSize { throw .damaged("\(name) inflates to fewer bytes than the zip's directory says: the file is damaged") }
            if crc != expectedCRC { throw .damaged("\(name) fails its CRC-32 check: the file is damaged") }
        }
        let limits = archive.limits
        if produced > limits.memberBytes {
            throw .tooLarge(part: name, reason: "inflates to more than \(limits.memberBytes) bytes")
        }
        // Against the compressed bytes zlib took, not those read ahead of it.
        if produced > limits.ratioFloor && produced / max(1, taken - (inputEnd - inputStart)) > limits.ratio {
            throw .tooLarge(part: name, reason: "inflates to more than \(limits.ratio) times its compressed size (a zip bomb?)")
        }
        return made
    }
}

extension [UInt8] {
    /// Little-endian integers at `i`, as zip and compound files store them.
    func u16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
}

/// zlib's CRC-32 of `bytes`, as a zip member's header states it.
package func zipCRC32(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer { slutrapport_crc32(0, $0.baseAddress, $0.count) }
}
