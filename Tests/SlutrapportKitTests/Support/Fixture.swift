import Foundation
import Testing
@testable import SlutrapportKit

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

let templatesFolder = repositoryRoot + "/templates"

/// One folder for everything a test run writes, removed when the run ends.
let scratchRoot: String = {
    let root = NSTemporaryDirectory() + "slutrapport-tests-\(getpid())"
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: scratchRoot) }
    return root
}()

/// A fresh path under `scratchRoot`, named for what it holds.
func scratch(_ name: String) -> String {
    scratchRoot + "/" + name + "-" + UUID().uuidString
}

/// A throw-away project folder with the given files.
struct Fixture {
    let folder: String

    init(_ files: [String: String], name: String = "proj") throws {
        let base = scratch("tests")
        folder = base + "/" + name
        for (path, text) in files {
            let full = folder + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    var parent: String { (folder as NSString).deletingLastPathComponent }

    func load(lang: Language? = nil) -> (Project?, DiagnosticLog) {
        ProjectLoader.load(folder: folder, lang: lang)
    }
}

/// `file:line:col code` of each diagnostic, with the fixture folder cut off, for exact comparison.
func positions(_ log: DiagnosticLog, relativeTo folder: String) -> [String] {
    log.all.map { d in
        let file = d.location.file.hasPrefix(folder + "/") ? String(d.location.file.dropFirst(folder.count + 1)) : d.location.file
        return "\(file):\(d.location.line):\(d.location.column) \(d.severity.rawValue) \(d.code.rawValue)"
    }
}

/// A minimal valid project.yaml, to which tests add lines.
let minimalYAML = """
id: test
name: Test
period: {start: 2021-01-01, end: 2022-12-31}

"""

func figures(yaml: String, csv: String, asOf: Day? = nil) throws -> (Figures?, DiagnosticLog) {
    let fixture = try Fixture(["project.yaml": yaml, "participants.csv": csv])
    let (project, log) = fixture.load()
    guard let project else { return (nil, log) }
    let settings = ReportSettings(commandLine: ReportChoices(asOf: asOf), project: project)
    let (tally, csvLog) = ParticipantReader.read(project: project, asOf: settings.asOf, path: fixture.folder + "/participants.csv", lang: settings.lang)
    var all = log
    all.append(contentsOf: csvLog)
    return (Figures.compute(project: project, tally: tally, asOf: settings.asOf), all)
}

/// Builds `paths` with the given templates into `out` (a fresh temporary
/// folder unless given), with options changed by `configure`.
func buildReports(_ paths: [String], templates: String = templatesFolder, out: String? = nil,
                  _ configure: (inout BuildOptions) -> Void = { _ in }) -> (out: String, outcome: Batch.Outcome) {
    var options = BuildOptions()
    options.outputFolder = out ?? scratch("out")
    configure(&options)
    return (options.outputFolder, Batch(options: options, templatesFolder: templates).run(paths: paths, write: true))
}

/// The view model of the project in `folder` (participants.csv), as a build
/// makes it, with disclosure control applied; and the figures it came from.
func reportView(folder: String, _ choices: ReportChoices) throws -> (ReportView, Figures) {
    let project = try #require(ProjectLoader.load(folder: folder, lang: choices.lang).0)
    let settings = ReportSettings(commandLine: choices, project: project)
    let (tally, _) = ParticipantReader.read(project: project, asOf: settings.asOf, path: folder + "/participants.csv", lang: settings.lang)
    var figures = Figures.compute(project: project, tally: tally, asOf: settings.asOf)
    figures.suppress(below: settings.suppressBelow)
    let view = ReportViewBuilder(project: project, figures: figures, settings: settings, markdown: MarkdownRenderer()).build(generated: "2022-12-01")
    return (view, figures)
}
