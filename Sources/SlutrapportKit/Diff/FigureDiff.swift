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
        case unreadable(String)
    }

    /// Projects are the sub-folders holding slutrapport.xml.
    public static func compare(old: String, new: String) throws(Failure) -> FigureDiff {
        let oldProjects = try projects(in: old)
        let newProjects = try projects(in: new)
        var diff = FigureDiff()
        diff.added = newProjects.subtracting(oldProjects).sorted()
        diff.removed = oldProjects.subtracting(newProjects).sorted()
        for id in oldProjects.intersection(newProjects).sorted() {
            let a: ReportFigures, b: ReportFigures
            do {
                a = try ReportFigures(path: "\(old)/\(id)/slutrapport.xml")
                b = try ReportFigures(path: "\(new)/\(id)/slutrapport.xml")
            } catch {
                if case .unreadable(let path) = error { throw .unreadable(path) }
                throw .unreadable(id)
            }
            diff.changes += changes(project: id, a, b)
        }
        return diff
    }

    static func projects(in folder: String) throws(Failure) -> Set<String> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { throw .missingFolder(folder) }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Set(children.filter { !$0.hasPrefix(".") && FileManager.default.fileExists(atPath: "\(folder)/\($0)/slutrapport.xml") })
    }

    /// Every figure whose value differs, grouped by element, in the new
    /// report's order, then the figures only the old one has.
    static func changes(project: String, _ a: ReportFigures, _ b: ReportFigures) -> [Change] {
        let old = Dictionary(a.values.map { ($0.key, $0.value) }, uniquingKeysWith: { x, _ in x })
        let newKeys = Set(b.values.map(\.key))
        var result: [Change] = []
        func add(_ key: ReportFigures.Key, _ from: String?, _ to: String?) {
            let figure = Change.Figure(attribute: key.attribute, old: from, new: to)
            if let i = result.firstIndex(where: { $0.path == key.path }) { result[i].figures.append(figure) } else {
                result.append(Change(project: project, path: key.path, figures: [figure]))
            }
        }
        for (key, value) in b.values where old[key] != value { add(key, old[key], value) }
        for (key, value) in a.values where !newKeys.contains(key) { add(key, value, nil) }
        return result
    }
}
