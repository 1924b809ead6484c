import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes one project's files so that a reader never sees half of them: into
/// a marked temporary folder beside the target, then swapped in. Where the
/// system allows, the swap is one atomic exchange, so a build killed at any
/// moment leaves the earlier output whole. Only a folder holding the marker
/// (`OutputMarker`) is ever replaced or removed; anything else in the way is
/// an error naming it.
public enum OutputWriter {
    public struct Failure: Error, Sendable {
        /// `outputFailed`, or `outputNotOurs` where something slutrapport did not write is in the way.
        public var code: DiagnosticCode
        public var message: String

        static func failed(_ message: String) -> Failure { Failure(code: .outputFailed, message: message) }

        static func notOurs(_ path: String) -> Failure {
            Failure(code: .outputNotOurs, message: "\(path) was not written by slutrapport (it holds no \(OutputMarker.fileName) marker); "
                + "move it away or choose another --out")
        }
    }

    /// Returns what a person had put in the earlier output, now carried into the new one.
    @discardableResult
    public static func write(_ files: [OutputFile], to target: String) throws(Failure) -> [Kept] {
        try write(files, to: target, calls: .system)
    }

    @discardableResult
    package static func write(_ files: [OutputFile], to target: String, calls: OutputCalls) throws(Failure) -> [Kept] {
        let parent = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        // Checked before any work, and again before each step of the swap.
        if OutputMarker.occupant(folder: target) == .foreign { throw .notOurs(target) }
        let (staging, unique) = try makeStaging(in: parent, named: base, marker: OutputMarker.contents(listing: files), calls: calls)
        for file in files {
            do throws(Failure) {
                _ = try stage(file, in: staging, calls: calls)
            } catch {
                discard(staging)
                throw error
            }
        }
        // What a person put in the earlier output goes into the new one
        // before the swap, so that the swap shows both at once.
        var done: Set<String> = []
        var kept: [Kept] = []
        var times: [(String, stat)] = []
        if OutputMarker.occupant(folder: target) == .ours {
            _ = carry(from: target, into: staging, shown: target, owned: Owned(folder: target), calls: calls, done: &done, kept: &kept, times: &times)
            kept.removeAll { $0.earlierOutput != nil }  // tried again on the folder swapped out
        }
        guard let old = try swapIn(staging, target, retired: parent.appendingPathComponent(".\(base).old-\(unique)"), calls: calls) else {
            for (path, st) in times.reversed() { setTimes(target + "/" + path, st) }
            return kept
        }
        // Anything that came in while the build ran, or could not be linked before.
        var late: [Kept] = []
        let whole = carry(from: old, into: target, shown: target, owned: Owned(folder: old), calls: calls, done: &done, kept: &late, times: &times)
        for (path, st) in times.reversed() { setTimes(target + "/" + path, st) }
        if whole {
            discard(old)
        } else {
            let earlier = keepEarlier(old, target: target, calls: calls)
            for i in late.indices where late[i].earlierOutput != nil { late[i].earlierOutput = earlier }
        }
        return (kept + late).sorted { $0.path < $1.path }
    }

    /// Creates `file` in a staging folder, with the folders its name holds,
    /// and returns its path; a failure names `shownAs`, else the staged path.
    static func stage(_ file: OutputFile, in staging: String, shownAs: String? = nil, calls: OutputCalls) throws(Failure) -> String {
        let path = staging.appendingPathComponent(file.name)
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw .failed("cannot write the output: \(error.localizedDescription)")
        }
        let error = calls.createFile(path, file.contents)
        guard error == 0 else { throw .failed("cannot write \(shownAs ?? path): \(reason(error))") }
        return path
    }

    /// A new folder `.NAME.new-PID-XXXXXXXX` in `parent`, marked before
    /// anything else goes in. The process id names the owner, so that a
    /// later build knows whether it is still running.
    static func makeStaging(in parent: String, named base: String, marker: String = OutputMarker.contents,
                            calls: OutputCalls) throws(Failure) -> (path: String, unique: String) {
        let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(base).new-\(unique)")
        do {
            try FileManager.default.createDirectory(atPath: parent.isEmpty ? "." : parent, withIntermediateDirectories: true)
        } catch {
            throw .failed("cannot write the output: \(error.localizedDescription)")
        }
        guard mkdir(staging, 0o755) == 0 else { throw .failed("cannot write the output: \(reason(errno))") }
        let error = calls.createFile(staging.appendingPathComponent(OutputMarker.fileName), Array(marker.utf8))
        guard error == 0 else {
            // Made by this process a moment ago: a half-written marker and the folder go.
            unlink(staging.appendingPathComponent(OutputMarker.fileName))
            rmdir(staging)
            throw .failed("cannot write the output: \(reason(error))")
        }
        return (staging, unique)
    }

    /// Another build may put the folder in place between any two steps: try
    /// the atomic exchange, else a plain rename where there is nothing yet,
    /// and start over when the other build got there first. Returns the
    /// earlier output, now swapped out, for the caller to look at and remove.
    private static func swapIn(_ staging: String, _ target: String, retired: String, calls: OutputCalls) throws(Failure) -> String? {
        for _ in 0..<8 {
            if OutputMarker.occupant(folder: target) == .foreign {
                discard(staging)
                throw .notOurs(target)
            }
            switch calls.exchange(staging, target) {
            case 0:
                // `staging` now holds what was at the target: it goes only if it is ours.
                if OutputMarker.occupant(folder: staging) == .ours { return staging }
                guard calls.exchange(staging, target) == 0 else {
                    throw Failure(code: .outputNotOurs, message: "\(target) was not written by slutrapport and came in during the build; it is now at \(staging)")
                }
                discard(staging)
                throw .notOurs(target)
            case ENOENT:
                let error = calls.rename(staging, target)
                if error == 0 { return nil }
                if error == ENOTEMPTY || error == EEXIST { continue }
                discard(staging)
                throw .failed("cannot move the new output in place: \(reason(error))")
            case ENOSYS, EINVAL:
                return try swapByRenames(staging, target, retired: retired, calls: calls)
            case let error:
                discard(staging)
                throw .failed("cannot replace the earlier output: \(reason(error))")
            }
        }
        discard(staging)
        throw .failed("cannot move the new output in place: other builds keep replacing it")
    }

    /// Where the system has no atomic exchange: the old aside, the new in,
    /// and only then the old away. A build killed between the two renames
    /// leaves the earlier output aside, marked; the next build puts it back
    /// (`removeStale`).
    private static func swapByRenames(_ staging: String, _ target: String, retired: String, calls: OutputCalls) throws(Failure) -> String? {
        switch calls.rename(target, retired) {
        case 0:
            break
        case ENOENT:
            let error = calls.rename(staging, target)
            if error == 0 { return nil }
            discard(staging)
            throw .failed("cannot move the new output in place: \(reason(error))")
        case let error:
            discard(staging)
            throw .failed("cannot replace the earlier output: \(reason(error))")
        }
        guard OutputMarker.occupant(folder: retired) == .ours else {
            _ = calls.rename(retired, target)
            discard(staging)
            throw .notOurs(target)
        }
        let error = calls.rename(staging, target)
        guard error == 0 else {
            _ = calls.rename(retired, target)
            discard(staging)
            throw .failed("cannot move the new output in place: \(reason(error))")
        }
        return retired
    }

    /// Clears what builds killed earlier left in `folder`, and only what it
    /// can prove is its own: a marked staging folder `.NAME.new-PID-…` or
    /// `.NAME.old-PID-…` whose process is gone is removed, except that an
    /// earlier output set aside (`.old-`) with nothing at `NAME` is put back.
    /// So named, an empty folder or one holding only a marker cut short goes
    /// too (a build killed while marking it; nothing is lost). Anything else
    /// is left alone, whatever its name. A
    /// build runs it once, before writing (listing a folder of thousands of
    /// projects once for each project made a batch quadratic).
    public static func removeStale(in folder: String) {
        removeStale(in: folder, calls: .system)
    }

    package static func removeStale(in folder: String, calls: OutputCalls) {
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            guard let staging = StagingName(name), !staging.ownerIsRunning else { continue }
            let path = folder.appendingPathComponent(name)
            guard OutputMarker.occupant(folder: path) == .ours else {
                if OutputMarker.isUnfinished(staging: path) {
                    unlink(path.appendingPathComponent(OutputMarker.fileName))
                    rmdir(path)
                }
                continue
            }
            if staging.setAside {
                switch OutputMarker.occupant(folder: folder.appendingPathComponent(staging.base)) {
                case .nothing:
                    _ = calls.rename(path, folder.appendingPathComponent(staging.base))
                    continue
                case .foreign:
                    continue  // our earlier output stays aside rather than be lost
                case .ours:
                    break
                }
            }
            // A build killed between its swap and its second look leaves here
            // what a person put in the folder meanwhile: carried, never removed.
            let base = folder.appendingPathComponent(staging.base)
            if OutputMarker.occupant(folder: base) == .ours {
                var done: Set<String> = []
                var kept: [Kept] = []
                var times: [(String, stat)] = []
                let whole = carry(from: path, into: base, shown: base, owned: Owned(folder: path), calls: calls, done: &done, kept: &kept, times: &times)
                for (relative, st) in times.reversed() { setTimes(base + "/" + relative, st) }
                if !whole {
                    _ = keepEarlier(path, target: base, calls: calls)
                    continue
                }
            }
            discard(path)
        }
    }

    /// Removes a folder slutrapport made or proved its own, its marker
    /// last: a build killed while removing it leaves a folder still marked,
    /// which the next build clears, not an unmarked one it must leave alone
    /// for good (a kill during `removeItem`, which takes the marker in no
    /// set order, left such folders).
    /// `removing` removes one entry and says whether to go on (a test stops
    /// it, as a kill would).
    package static func discard(_ path: String, removing: (String) -> Bool = { try? FileManager.default.removeItem(atPath: $0); return true }) {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        for name in entries where name != OutputMarker.fileName {
            guard removing(path.appendingPathComponent(name)) else { return }
        }
        unlink(path.appendingPathComponent(OutputMarker.fileName))
        rmdir(path)
    }

    static func reason(_ error: Int32) -> String {
        String(cString: strerror(error))
    }
}

/// `.NAME.new-PID-XXXXXXXX` (a new output being written) or
/// `.NAME.old-PID-XXXXXXXX` (an earlier output set aside), parsed strictly.
package struct StagingName {
    var base: String
    var setAside: Bool
    package var pid: pid_t

    package init?(_ name: String) {
        let tag = name.suffix(9)
        guard tag.count == 9, tag.first == "-", tag.dropFirst().allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
        var rest = name.dropLast(9)
        let digits = rest.reversed().prefix { $0.isASCII && $0.isNumber }.count
        guard (1...9).contains(digits), let pid = pid_t(rest.suffix(digits)) else { return nil }
        rest = rest.dropLast(digits)
        guard rest.hasSuffix(".new-") || rest.hasSuffix(".old-") else { return nil }
        setAside = rest.hasSuffix(".old-")
        rest = rest.dropLast(5)
        guard rest.hasPrefix("."), rest.count > 1 else { return nil }
        base = String(rest.dropFirst())
        self.pid = pid
    }

    /// True unless the process is certainly gone.
    var ownerIsRunning: Bool { pid <= 1 || kill(pid, 0) == 0 || errno != ESRCH }
}
