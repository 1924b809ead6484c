import Foundation

/// What moved between two output folders (`slutrapport diff OLD NEW`).
public struct FigureDiff: Sendable {
    /// The figures of one element that moved.
    public struct Change: Sendable, Equatable {
        public struct Figure: Sendable, Equatable {
            public var attribute: String
            /// Nil when the figure is absent on that side (suppressed, or a new element).
            public var old: String?
            public var new: String?
        }

        public var project: String
        public var path: [String]
        public var figures: [Figure]
    }

    /// How many single figures moved.
    public var figureCount: Int { changes.reduce(0) { $0 + $1.figures.count } }

    public var added: [String] = []
    public var removed: [String] = []
    public var changes: [Change] = []

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changes.isEmpty }

    public enum Failure: Error, Sendable {
        case missingFolder(String)
        /// Holds no report, no marked project folder and no index of slutrapport's: no build to compare.
        case notABuild(String)
        case unreadable(String, reason: String)
        /// A project's output folder without slutrapport.xml (built without the xml format): no figures to compare.
        case noFigures(String)
    }

    /// Projects are the sub-folders holding slutrapport.xml or slutrapport's
    /// marker. A project on both sides is compared by its figures, so each
    /// side must have its slutrapport.xml: "no figure changed" is said only
    /// after figures were compared (issue 24).
    public static func compare(old: String, new: String) throws(Failure) -> FigureDiff {
        let (oldReports, oldMarked) = try projects(in: old)
        let (newReports, newMarked) = try projects(in: new)
        let oldProjects = oldReports.union(oldMarked), newProjects = newReports.union(newMarked)
        var diff = FigureDiff()
        diff.added = newProjects.subtracting(oldProjects).sorted()
        diff.removed = oldProjects.subtracting(newProjects).sorted()
        let both = oldProjects.intersection(newProjects).sorted()
        for id in both {
            if !oldReports.contains(id) { throw .noFigures("\(old)/\(id)") }
            if !newReports.contains(id) { throw .noFigures("\(new)/\(id)") }
        }
        for id in both {
            let a: ReportFigures, b: ReportFigures
            do {
                a = try ReportFigures(path: "\(old)/\(id)/slutrapport.xml")
                b = try ReportFigures(path: "\(new)/\(id)/slutrapport.xml")
            } catch {
                switch error {
                case .unreadable(let path, let reason): throw .unreadable(path, reason: reason)
                }
            }
            diff.changes += changes(project: id, a, b)
        }
        return diff
    }

    /// The ids of the reports in a build folder. A folder is a build when it
    /// holds a report, a project folder with slutrapport's marker or an
    /// index of its own: so a build whose projects all failed still compares,
    /// and `/etc` does not.
    static func projects(in folder: String) throws(Failure) -> (reports: Set<String>, marked: Set<String>) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { throw .missingFolder(folder) }
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
        // Any kind of file: one that is not a regular file is an error when read, not a report quietly missing.
        let reports = Set(children.filter { var st = stat(); return lstat("\(folder)/\($0)/slutrapport.xml", &st) == 0 })
        let marked = Set(children.filter { OutputMarker.occupant(folder: "\(folder)/\($0)") == .ours })
        guard !reports.isEmpty || !marked.isEmpty
            || ["index.md", "index.html"].contains(where: { OutputMarker.occupant(index: "\(folder)/\($0)") == .ours })
        else { throw .notABuild(folder) }
        return (reports, marked)
    }

    /// Every figure whose value differs, grouped by element, in the new
    /// report's order, then the figures only the old one has. Elements are
    /// found by a table, not a search: a report of 300,000 elements took six
    /// minutes when each change looked through the list of the earlier ones.
    static func changes(project: String, _ a: ReportFigures, _ b: ReportFigures) -> [Change] {
        let old = Dictionary(a.values.map { ($0.key, $0.value) }, uniquingKeysWith: { x, _ in x })
        let newKeys = Set(b.values.map(\.key))
        var result: [Change] = []
        var indexOfPath: [[String]: Int] = [:]
        func add(_ key: ReportFigures.Key, _ from: String?, _ to: String?) {
            let figure = Change.Figure(attribute: key.attribute, old: from, new: to)
            if let i = indexOfPath[key.path] {
                result[i].figures.append(figure)
            } else {
                indexOfPath[key.path] = result.count
                result.append(Change(project: project, path: key.path, figures: [figure]))
            }
        }
        for (key, value) in b.values where old[key] != value { add(key, old[key], value) }
        for (key, value) in a.values where !newKeys.contains(key) { add(key, value, nil) }
        return result
    }
}
