import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes one project's files so that a reader never sees half of them: into
/// a temporary folder beside the target, then swapped in by rename.
public enum OutputWriter {
    public struct Failure: Error, Sendable {
        public var message: String
    }

    public static func write(_ files: [(name: String, contents: String)], to target: String) throws(Failure) {
        let fm = FileManager.default
        let parent = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        // Unique per process and call, so two builds into one folder never share a staging folder.
        let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(base).new-\(unique)")
        let retired = parent.appendingPathComponent(".\(base).old-\(unique)")
        do {
            try fm.createDirectory(atPath: parent.isEmpty ? "." : parent, withIntermediateDirectories: true)
            try? fm.removeItem(atPath: staging)
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
            for file in files {
                let path = staging.appendingPathComponent(file.name)
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path))
            }
        } catch {
            try? fm.removeItem(atPath: staging)
            throw Failure(message: "cannot write the output: \(error.localizedDescription)")
        }
        let hadOld = fm.fileExists(atPath: target)
        if hadOld && rename(target, retired) != 0 {
            try? fm.removeItem(atPath: staging)
            throw Failure(message: "cannot replace the earlier output: \(String(cString: strerror(errno)))")
        }
        if rename(staging, target) != 0 {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(retired, target) }
            try? fm.removeItem(atPath: staging)
            throw Failure(message: "cannot move the new output in place: \(reason)")
        }
        if hadOld { try? fm.removeItem(atPath: retired) }
    }
}
