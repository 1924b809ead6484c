import Foundation

/// Turns the PATH arguments into project folders: a folder holding
/// project.yaml, or a folder whose sub-folders do (sorted by name).
public enum ProjectDiscovery {
    public static func folders(for paths: [String], log: inout DiagnosticLog) -> [String] {
        let fm = FileManager.default
        var result: [String] = []
        for path in paths {
            let clean = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
            if fm.fileExists(atPath: clean.appendingPathComponent("project.yaml")) {
                result.append(clean)
                continue
            }
            let children = ((try? fm.contentsOfDirectory(atPath: clean)) ?? []).sorted()
            let projects = children.filter { !$0.hasPrefix(".") && fm.fileExists(atPath: clean.appendingPathComponent($0).appendingPathComponent("project.yaml")) }
            if projects.isEmpty {
                log.error(.noProject, "no project.yaml here nor in any sub-folder", at: SourceLocation(file: clean, line: 1, column: 1))
            }
            result += projects.map { clean.appendingPathComponent($0) }
        }
        return result
    }
}
