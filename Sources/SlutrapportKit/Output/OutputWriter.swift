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

    public static func write(_ files: [(name: String, contents: String)], to target: String) throws(Failure) {
        let fm = FileManager.default
        let parent = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        removeStale(beside: target)
        // The process id names the owner, so that a later build knows whether it is still running.
        let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(base).new-\(unique)")
        do {
            try fm.createDirectory(atPath: parent.isEmpty ? "." : parent, withIntermediateDirectories: true)
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
            for file in files {
                let path = staging.appendingPathComponent(file.name)
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard fm.createFile(atPath: path, contents: Data(file.contents.utf8)) else {
                    throw Failure(message: "cannot write \(path): \(String(cString: strerror(errno)))")
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

    /// Removes `.<id>.new-PID-…` and `.<id>.old-PID-…` folders whose process
    /// is gone (a build that was killed).
    static func removeStale(beside target: String) {
        let fm = FileManager.default
        let parent = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        let names = (try? fm.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        for name in names where name.hasPrefix(".\(base).new-") || name.hasPrefix(".\(base).old-") {
            let rest = name.dropFirst(base.count + 6)
            guard let pid = Int32(rest.prefix { $0.isNumber }) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? fm.removeItem(atPath: parent.appendingPathComponent(name))
            }
        }
    }
}
