import Foundation

/// What the libFuzzer harnesses in `Fuzz/` drive: a project folder in a
/// private temporary place, built through the whole pipeline (read, check,
/// aggregate, render, validate) without writing reports. Any input must end
/// in figures or diagnostics, never in a crash or a hang.
public final class FuzzHarness: @unchecked Sendable {
    private let folder: String
    private let pipeline: ProjectPipeline?

    /// `projectYAML`: a fixed project.yaml for inputs that are only a CSV.
    public init(projectYAML: String?) {
        folder = NSTemporaryDirectory() + "slutrapport-fuzz-\(getpid())-\(UUID().uuidString.prefix(8))/fuzz"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let projectYAML { try? Data(projectYAML.utf8).write(to: URL(fileURLWithPath: folder + "/project.yaml")) }
        var templates = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { templates.deleteLastPathComponent() }
        let (set, _) = TemplateSet.load(folder: templates.path + "/templates")
        pipeline = set.flatMap { set in
            (try? XMLSchemaValidator(schemaPath: set.schemaPath)).map { ProjectPipeline(options: BuildOptions(), templates: set, validator: $0) }
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent)
    }

    public func run(files: [String: Data]) {
        for (name, data) in files { try? data.write(to: URL(fileURLWithPath: folder + "/" + name)) }
        let result = pipeline?.build(folder: folder)
        // Every diagnostic must point into a file of the project, at a real position.
        for d in result?.log.all ?? [] {
            precondition(d.location.line >= 1 && d.location.column >= 1, "diagnostic without a position: \(d.code)")
        }
        checkPartsReadLikeExact()
    }

    /// Reading participants.csv in parts must give what reading it exactly
    /// gives: the same counts and the same diagnostics, whatever the bytes.
    private func checkPartsReadLikeExact() {
        let path = folder + "/participants.csv"
        guard FileManager.default.fileExists(atPath: path), let project = ProjectLoader.load(folder: folder, lang: nil).0 else { return }
        let settings = ReportSettings(commandLine: ReportChoices(), project: project)
        let exact = ParticipantReader.read(project: project, asOf: settings.asOf, path: path, lang: settings.lang, parts: 1, minimumPartBytes: .max)
        for parts in [2, 3] {
            let read = ParticipantReader.read(project: project, asOf: settings.asOf, path: path, lang: settings.lang, parts: parts, minimumPartBytes: 1)
            precondition(read.0.sameCounts(as: exact.0), "\(parts) parts counted otherwise than exact reading")
            precondition(read.1.all == exact.1.all && read.1.dropped == exact.1.dropped,
                         "\(parts) parts gave other diagnostics than exact reading")
        }
    }
}
