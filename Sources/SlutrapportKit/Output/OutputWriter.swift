import CSlutrapportSys
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes one project's files so that a reader never sees half of them: into
/// a temporary folder beside the target, then swapped in. Where the system
/// allows, the swap is one atomic exchange, so a build killed at any moment
/// leaves the earlier output whole; temporary folders a killed build left
/// are removed by the next one.
public enum OutputWriter {
    public struct Failure: Error, Sendable {
        public var message: String
    }

    public static func write(_ files: [(name: String, contents: [UInt8])], to target: String) throws(Failure) {
        let fm = FileManager.default
        let parent = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        // The process id names the owner, so that a later build knows whether it is still running.
        let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(base).new-\(unique)")
        do {
            try fm.createDirectory(atPath: parent.isEmpty ? "." : parent, withIntermediateDirectories: true)
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
            for file in files {
                let path = staging.appendingPathComponent(file.name)
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if let error = writeFile(path, file.contents) {
                    throw Failure(message: "cannot write \(path): \(String(cString: strerror(error)))")
                }
            }
        } catch {
            try? fm.removeItem(atPath: staging)
            throw (error as? Failure) ?? Failure(message: "cannot write the output: \(error.localizedDescription)")
        }
        // Another build may put the folder in place between any two steps: try
        // the atomic exchange, else a plain rename where there is nothing yet,
        // and start over when the other build got there first.
        for _ in 0..<8 {
            if slutrapport_exchange(staging, target) == 0 {
                try? fm.removeItem(atPath: staging)  // now the earlier output
                return
            }
            switch errno {
            case ENOENT:
                if rename(staging, target) == 0 { return }
                if errno == ENOTEMPTY || errno == EEXIST { continue }
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(atPath: staging)
                throw Failure(message: "cannot move the new output in place: \(reason)")
            case ENOSYS, EINVAL:
                try swapByRenames(staging, target, parent: parent, base: base, unique: unique)
                return
            default:
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(atPath: staging)
                throw Failure(message: "cannot replace the earlier output: \(reason)")
            }
        }
        try? fm.removeItem(atPath: staging)
        throw Failure(message: "cannot move the new output in place: other builds keep replacing it")
    }

    /// Where the system has no atomic exchange: the old aside, the new in, the old away.
    private static func swapByRenames(_ staging: String, _ target: String, parent: String, base: String, unique: String) throws(Failure) {
        let fm = FileManager.default
        let retired = parent.appendingPathComponent(".\(base).old-\(unique)")
        guard rename(target, retired) == 0 else {
            try? fm.removeItem(atPath: staging)
            throw Failure(message: "cannot replace the earlier output: \(String(cString: strerror(errno)))")
        }
        guard rename(staging, target) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(retired, target)
            try? fm.removeItem(atPath: staging)
            throw Failure(message: "cannot move the new output in place: \(reason)")
        }
        try? fm.removeItem(atPath: retired)
    }

    /// Removes what builds killed earlier left in `folder`: staging folders
    /// and files named `.NAME.new-PID-…` or `.NAME.old-PID-…` whose process
    /// is gone. A build runs it once, before writing (listing a folder of
    /// thousands of projects once for each project made a batch quadratic).
    public static func removeStale(in folder: String) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(".") {
            guard let mark = name.range(of: ".new-", options: .backwards) ?? name.range(of: ".old-", options: .backwards),
                  let pid = Int32(name[mark.upperBound...].prefix { $0.isNumber }) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? fm.removeItem(atPath: folder.appendingPathComponent(name))
            }
        }
    }

}

/// Writes a file in the staging folder with plain system calls: the folder
/// is swapped in whole, so Foundation's atomic write (a temporary file, a
/// rename and a sync for each file) would only be slower. Returns the errno
/// of a failure. (Outside `OutputWriter`, whose `write` hides the system's.)
private func writeFile(_ path: String, _ contents: [UInt8]) -> Int32? {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return errno }
    defer { close(fd) }
    return contents.withUnsafeBufferPointer { bytes -> Int32? in
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += n
        }
        return nil
    }
}
