import Foundation
import SlutrapportKit

/// What the libFuzzer harnesses `fuzz-csv`, `fuzz-yaml` and `fuzz-pipeline`
/// drive: a project folder in a private temporary place, built through the
/// whole pipeline (read, check, aggregate, render, validate) without
/// writing reports. Any input must end in figures or diagnostics, never in
/// a crash or a hang, and keep the promises `run` checks.
public final class FuzzHarness: @unchecked Sendable {
    private let folder: String
    private let pipeline: ProjectPipeline?

    /// The project fuzz-csv reads its participants.csv against.
    public static let csvProject = """
        name: Fuzz
        period: {start: 2020-01-01, end: 2023-12-31}
        subprojects: [{id: a, name: A, group: G}, {id: b, name: B}]
        activities: [{code: coaching, label: Coaching}, {code: praktik, label: Praktik}]
        goals: [{id: g, metric: exit_share, reasons: [arbete], target: 50%}]
        """

    /// Tests/Fixtures/esf-hand's project, with the ESF+ columns and two
    /// breakdowns, one of several codes a cell and one sensitive (its CSV is
    /// a seed): fuzz-csv reads each input against this one too.
    public static let esfCSVProject: String = {
        let path = (defaultTemplates as NSString).deletingLastPathComponent + "/Tests/Fixtures/esf-hand/project.yaml"
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    /// `projectYAML`: a fixed project.yaml for inputs that are only a CSV.
    public init(projectYAML: String?) {
        folder = NSTemporaryDirectory() + "slutrapport-fuzz-\(getpid())-\(UUID().uuidString.prefix(8))/fuzz"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let projectYAML { try? Data(projectYAML.utf8).write(to: URL(fileURLWithPath: folder + "/project.yaml")) }
        let (set, _) = TemplateSet.load(folder: FuzzHarness.defaultTemplates)
        pipeline = set.flatMap { set in
            (try? XMLSchemaValidator(schemaPath: set.schemaPath)).map { ProjectPipeline(options: BuildOptions(), templates: set, validator: $0) }
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent)
    }

    /// The repository's default templates (the harness runs from a build of it).
    static let defaultTemplates: String = {
        var repository = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { repository.deleteLastPathComponent() }
        return repository.path + "/templates"
    }()

    /// What one input came to.
    public struct Outcome: Sendable {
        /// The promises broken: none, always (the fuzzers stop on one).
        public var broken: [String] = []
        /// Each diagnostic as `FILE:LINE:COL CODE`, FILE its name in the project.
        public var diagnostics: [String] = []
    }

    /// `fuzz-csv`: the bytes of a participants.csv, against `csvProject`.
    public func runCSV(_ data: Data) -> Outcome {
        run(files: ["participants.csv": data])
    }

    /// `fuzz-yaml`: the bytes of a project.yaml, the project without participant data.
    public func runYAML(_ data: Data) -> Outcome {
        run(files: ["project.yaml": data])
    }

    /// `fuzz-pipeline`: a project.yaml, a participants.csv and a counts.csv,
    /// split at NUL bytes; a part that is empty or absent is no file.
    public func runPipeline(_ data: Data) -> Outcome {
        let parts = data.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        var files: [String: Data?] = [:]
        for (i, name) in ["project.yaml", "participants.csv", "counts.csv"].enumerated() {
            files[name] = i < parts.count && !parts[i].isEmpty ? Data(parts[i]) : nil
        }
        return run(files: files)
    }

    /// Writes the files (nil: removes it) and builds the project.
    public func run(files: [String: Data?]) -> Outcome {
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            let path = folder + "/" + name
            if let data { try? data.write(to: URL(fileURLWithPath: path)) } else { try? FileManager.default.removeItem(atPath: path) }
        }
        guard let result = pipeline?.build(folder: folder) else { return Outcome(broken: ["the default templates did not load"]) }
        var outcome = Outcome()
        for d in result.log.all {
            let file = d.location.file.hasPrefix(folder + "/") ? String(d.location.file.dropFirst(folder.count + 1)) : d.location.file
            outcome.diagnostics.append("\(file):\(d.location.line):\(d.location.column) \(d.code.rawValue)")
            // Every diagnostic must point at a real position.
            if d.location.line < 1 || d.location.column < 1 { outcome.broken.append("diagnostic without a position: \(d.code.rawValue)") }
        }
        if !result.log.hasErrors, result.files.isEmpty { outcome.broken.append("no error, and no report either") }
        outcome.broken += partsReadLikeExact()
        return outcome
    }

    /// Reading participants.csv in parts must give what reading it exactly
    /// gives: the same counts and the same diagnostics, whatever the bytes.
    private func partsReadLikeExact() -> [String] {
        let path = folder + "/participants.csv"
        guard FileManager.default.fileExists(atPath: path), let project = ProjectLoader.load(folder: folder, lang: nil).0 else { return [] }
        let settings = ReportSettings(commandLine: ReportChoices(), project: project)
        let exact = ParticipantReader.read(project: project, asOf: settings.asOf, path: path, lang: settings.lang, parts: 1, minimumPartBytes: .max)
        var broken: [String] = []
        for parts in [2, 3] {
            let read = ParticipantReader.read(project: project, asOf: settings.asOf, path: path, lang: settings.lang, parts: parts, minimumPartBytes: 1)
            if !read.0.sameCounts(as: exact.0) { broken.append("\(parts) parts counted otherwise than exact reading") }
            if read.1.all != exact.1.all || read.1.dropped != exact.1.dropped {
                broken.append("\(parts) parts gave other diagnostics than exact reading")
            }
        }
        return broken
    }
}
