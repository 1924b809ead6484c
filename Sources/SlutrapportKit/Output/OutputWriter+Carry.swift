import CSlutrapportSys
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Carrying what a person put inside `OUT/<id>/` into the new build (SPEC §2,
/// issue 24). A file or folder slutrapport did not write is hard-linked into
/// the staging folder before the swap (same inode: same bytes, same times, no
/// copy, however large), so the swap stays one atomic exchange and a build
/// killed at any moment leaves the person's file in the folder at `OUT/<id>`.
/// The folder swapped out is looked at again after the swap, for a file that
/// came in while the build ran. Where a link cannot be made, the file is
/// copied with its times; where neither works, the earlier output is kept
/// whole, unmarked, beside the new one: nothing a person put there is deleted,
/// and nothing of theirs blocks the build.
extension OutputWriter {
    /// One thing a person put in `OUT/<id>/`, carried into the new build:
    /// at `path`, or at `keptAs` when the new build writes a file of that name.
    public struct Kept: Equatable, Sendable {
        public var path: String
        public var keptAs: String?
        /// Set when it could not be carried: the earlier output is kept whole there instead.
        public var earlierOutput: String?

        public var message: String {
            if let earlierOutput {
                return "\(path) was not written by slutrapport and cannot be carried into the new build; the earlier output is kept whole at \(earlierOutput)"
            }
            if let keptAs { return "\(path) was not written by slutrapport; it is kept as \(keptAs)" }
            return "\(path) was not written by slutrapport; it is carried into the new build unchanged"
        }
    }

    /// What slutrapport wrote in an output folder, read from its marker.
    struct Owned {
        /// Relative path → (size, CRC-32); nil for a folder marked before
        /// issue 24, whose files are known by name (`legacyNames`).
        var files: [String: (size: Int, crc: UInt32)]?
        var folders: Set<String>

        init(folder: String) {
            guard let manifest = OutputMarker.manifest(folder: folder) else {
                files = nil
                folders = ["charts"]
                return
            }
            files = manifest
            var folders: Set<String> = []
            for path in manifest.keys {
                var parts = path.split(separator: "/").dropLast()
                while !parts.isEmpty {
                    folders.insert(parts.joined(separator: "/"))
                    parts = parts.dropLast()
                }
            }
            self.folders = folders
        }

        static let legacyNames: Set<String> = Set(OutputFormat.allCases.map(\.fileName))

        /// True for a regular file slutrapport wrote there, as it wrote it.
        func owns(_ relative: String, at path: String, _ st: stat) -> Bool {
            guard st.st_mode & S_IFMT == S_IFREG else { return false }
            guard let files else {
                if Self.legacyNames.contains(relative) { return true }
                let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
                return parts.count == 2 && parts[0] == "charts" && parts[1].hasSuffix(".svg")
            }
            guard let entry = files[relative], entry.size == Int(st.st_size) else { return false }
            return crcOfFile(path) == entry.crc
        }
    }

    /// The CRC-32 of a regular file, read without following a link; nil when it cannot be read.
    static func crcOfFile(_ path: String) -> UInt32? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var crc: UInt32 = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return crc }
            crc = buffer.withUnsafeBufferPointer { slutrapport_crc32(crc, $0.baseAddress, n) }
        }
    }

    /// Carries every entry of `old` slutrapport did not write into `new`,
    /// except what is there already (the same file, or a file carried
    /// earlier: `done`, relative paths). A folder already in `new` is gone
    /// through entry by entry, so that a file put into it during the build
    /// is found too. Walks folders with a list, not recursion, so no depth
    /// of folders overflows the stack. `shown` is the path the notes name
    /// (the target's). False when something could not be carried.
    static func carry(from old: String, into new: String, shown: String, owned: Owned, calls: OutputCalls,
                      done: inout Set<String>, kept: inout [Kept], times: inout [(String, stat)]) -> Bool {
        var whole = true
        var pending = [""]
        while let folder = pending.popLast() {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: old.appendingPathComponent(folder))) ?? []).sorted()
            var inner: [String] = []
            for name in names {
                let relative = folder.isEmpty ? name : folder + "/" + name
                if relative == OutputMarker.fileName || done.contains(relative) { continue }
                let from = old + "/" + relative
                var st = stat()
                guard lstat(from, &st) == 0 else { continue }  // gone meanwhile: nothing to carry
                var there = stat()
                let exists = lstat(new + "/" + relative, &there) == 0
                if exists && there.st_dev == st.st_dev && there.st_ino == st.st_ino { continue }  // carried already
                let isFolder = st.st_mode & S_IFMT == S_IFDIR
                if isFolder && (exists ? there.st_mode & S_IFMT == S_IFDIR : owned.folders.contains(relative)) {
                    inner.append(relative)
                    continue
                }
                if !isFolder && owned.owns(relative, at: from, st) { continue }
                // The person's: at its own name, or beside the new build's file of that name.
                let destination = exists ? keptName(relative, in: new) : relative
                guard makeParents(of: destination, in: new),
                      carryEntry(from, to: new, as: destination, relative: relative, calls: calls, done: &done, times: &times) else {
                    whole = false
                    kept.append(Kept(path: shown + "/" + relative, keptAs: nil, earlierOutput: ""))
                    continue
                }
                kept.append(Kept(path: shown + "/" + relative, keptAs: destination == relative ? nil : shown + "/" + destination))
            }
            pending.append(contentsOf: inner.reversed())
        }
        return whole
    }

    /// `dir/stem.kept.ext`, or `dir/stem.kept-N.ext`, the first free in `new`.
    static func keptName(_ relative: String, in new: String) -> String {
        let ns = relative as NSString
        let folder = ns.deletingLastPathComponent
        let name = ns.lastPathComponent
        let dot = name.dropFirst().lastIndex(of: ".")
        let stem = dot.map { String(name[..<$0]) } ?? name
        let ext = dot.map { String(name[$0...]) } ?? ""
        var n = 1
        while true {
            let candidate = (folder.isEmpty ? "" : folder + "/") + stem + (n == 1 ? ".kept" : ".kept-\(n)") + ext
            var st = stat()
            if lstat(new + "/" + candidate, &st) != 0 { return candidate }
            n += 1
        }
    }

    /// Makes the plain folders between `new` and `relative`'s parent.
    static func makeParents(of relative: String, in new: String) -> Bool {
        var path = new
        for part in relative.split(separator: "/").dropLast() {
            path += "/" + part
            if mkdir(path, 0o755) != 0 && errno != EEXIST { return false }
            var st = stat()
            guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return false }
        }
        return true
    }

    /// One entry, a folder with all it holds: folders made anew (their
    /// times set once everything is in, `times`, by relative path: the
    /// folder they were made in is at the target by then), everything else linked,
    /// else copied, its relative path put in `done`. A link is carried as
    /// the link, never followed.
    static func carryEntry(_ from: String, to new: String, as shownRelative: String, relative: String, calls: OutputCalls,
                           done: inout Set<String>, times: inout [(String, stat)]) -> Bool {
        var pending = [(from, shownRelative, relative)]
        var whole = true
        while let (source, there, path) = pending.popLast() {
            let destination = new + "/" + there
            var st = stat()
            guard lstat(source, &st) == 0 else { continue }
            if st.st_mode & S_IFMT == S_IFDIR {
                guard mkdir(destination, st.st_mode & 0o7777 | 0o700) == 0,
                      let names = try? FileManager.default.contentsOfDirectory(atPath: source) else {
                    whole = false
                    continue
                }
                times.append((there, st))
                for name in names.sorted().reversed() { pending.append((source + "/" + name, there + "/" + name, path + "/" + name)) }
                continue
            }
            if calls.link(source, destination) == 0 || copyEntry(source, to: destination, st) {
                done.insert(path)
            } else {
                whole = false
            }
        }
        return whole
    }

    /// A copy where a link cannot be made (a file system without hard links):
    /// a regular file byte for byte with its times, a link as the same link,
    /// a FIFO as a FIFO. Anything else cannot be carried.
    static func copyEntry(_ source: String, to destination: String, _ st: stat) -> Bool {
        switch st.st_mode & S_IFMT {
        case S_IFLNK:
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: source) else { return false }
            return symlink(target, destination) == 0
        case S_IFIFO:
            guard mkfifo(destination, st.st_mode & 0o777) == 0 else { return false }
        case S_IFREG:
            let input = open(source, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard input >= 0 else { return false }
            defer { close(input) }
            let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, st.st_mode & 0o777)
            guard output >= 0 else { return false }
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var good = true
            copying: while true {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
                if n < 0 { if errno == EINTR { continue }; good = false; break }
                if n == 0 { break }
                var done = 0
                while done < n {
                    let w = buffer.withUnsafeBytes { Glibc.write(output, $0.baseAddress! + done, n - done) }
                    if w < 0 { if errno == EINTR { continue }; good = false; break copying }
                    done += w
                }
            }
            if close(output) != 0 { good = false }
            guard good else {
                unlink(destination)
                return false
            }
        default:
            return false
        }
        setTimes(destination, st)
        return true
    }

    static func setTimes(_ path: String, _ st: stat) {
        var times = [st.st_atim, st.st_mtim]
        _ = utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW)
    }

    /// The earlier output, which holds something that could not be carried,
    /// is kept whole: unmarked (so no build removes it) and renamed to a
    /// visible `OUT/<id>.earlier-XXXXXXXX`. Returns where it now is.
    static func keepEarlier(_ old: String, target: String, calls: OutputCalls) -> String {
        unlink(old + "/" + OutputMarker.fileName)
        var n = 0
        while true {
            let name = target + ".earlier-" + String(UUID().uuidString.prefix(8))
            var st = stat()
            if lstat(name, &st) != 0, calls.rename(old, name) == 0 { return name }
            n += 1
            if n > 8 { return old }
        }
    }
}
