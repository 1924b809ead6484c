import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the output folder lies against the project folders. It must be
/// none of them, hold none and lie in none (SPEC §2): `build data/vak2 --out
/// data` made OUT/vak2 the project folder itself, swapped out and removed.
/// Real paths are compared, links resolved, so no spelling gets round it.
enum OutputPlace {
    /// The usage error for the first project folder the output folder
    /// meets, or nil when it meets none.
    static func clash(output: String, projects: [String]) -> String? {
        let out = realPath(output)
        for project in projects {
            let real = realPath(project)
            let relation: String
            if out == real {
                relation = "is"
            } else if real.hasPrefix(out == "/" ? "/" : out + "/") {
                relation = "holds"
            } else if out.hasPrefix(real == "/" ? "/" : real + "/") {
                relation = "lies inside"
            } else {
                continue
            }
            return "--out '\(output)' \(relation) the project folder \(project); choose an output folder outside every project folder"
        }
        return nil
    }

    /// The absolute path with every link resolved, for a path that may not
    /// exist yet: its nearest existing folder is resolved, and the rest, to
    /// be made as plain folders, follows as written (a `..` there undoes
    /// the component before it, as it will once that folder is made).
    static func realPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = "/"
        var missing: [Substring] = []
        for component in absolute.split(separator: "/") where component != "." {
            if !missing.isEmpty {
                if component == ".." { missing.removeLast() } else { missing.append(component) }
                continue
            }
            if let resolved = realpath(existing == "/" ? "/" + component : existing + "/" + component, nil) {
                existing = String(cString: resolved)
                free(resolved)
            } else if component == ".." {
                existing = (existing as NSString).deletingLastPathComponent
            } else {
                missing.append(component)
            }
        }
        return missing.isEmpty ? existing : (existing == "/" ? "" : existing) + "/" + missing.joined(separator: "/")
    }
}
