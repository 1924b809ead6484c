import Foundation

/// What building one project gave: its diagnostics and, when it had no
/// errors, the files to write (name → bytes).
public struct ProjectResult: Sendable {
    public var folder: String
    public var id: String?
    public var log: DiagnosticLog
    public var files: [OutputFile]
    public var figures: Figures?
    /// The project's line in a batch's index.
    public var indexRow: IndexView.Row?
}

/// The pipeline for one project folder: project.yaml and the participant
/// data (`ParticipantSource`) read and checked, settings resolved once
/// (`ReportSettings`), figures aggregated, one view model built, every
/// format made by its writer (`FormatWriters`). It writes nothing;
/// `OutputWriter` does. Without templates it checks the data only.
public struct ProjectPipeline: Sendable {
    public let options: BuildOptions
    public let templates: TemplateSet?
    public let validator: XMLSchemaValidator?
    let markdown = MarkdownRenderer()
    /// Threads a large participants.csv may be read on (see
    /// `ParticipantReader.read`), and the formats rendered on.
    public let readThreads: Int

    public init(options: BuildOptions, templates: TemplateSet?, validator: XMLSchemaValidator?, readThreads: Int = 1) {
        self.readThreads = readThreads
        self.options = options
        self.templates = templates
        self.validator = validator
    }

    public func build(folder: String) -> ProjectResult {
        build(folder: folder, loaded: ProjectLoader.read(folder: folder, lang: options.lang))
    }

    /// Builds a project whose project.yaml has been read already.
    func build(folder: String, loaded: ProjectLoader.Partial) -> ProjectResult {
        var log = loaded.log
        log.limit = options.diagnosticsKept
        var result = ProjectResult(folder: folder, id: nil, log: log, files: [], figures: nil, indexRow: nil)
        guard let project = loaded.valid else {
            result.log.append(contentsOf: participantDiagnosticsDespiteErrors(folder: folder, partial: loaded))
            if options.strict { result.log.promoteWarnings() }
            return result
        }
        result.id = project.id
        let settings = settings(for: project)

        let (tally, dataLog) = readParticipants(folder: folder, project: project, settings: settings)
        log.append(contentsOf: dataLog)
        var figures = tally.map { Figures.compute(project: project, tally: $0, asOf: settings.asOf) }
        figures?.suppress(below: settings.suppressBelow)
        result.figures = figures
        result.indexRow = IndexView.Row(project: project, figures: figures, lang: settings.lang, narrativeLang: settings.narrativeLang)
        if options.strict { log.promoteWarnings() }
        guard !log.hasErrors, let templates, let validator else {
            result.log = log
            return result
        }

        let view = ReportViewBuilder(project: project, figures: figures, settings: settings, markdown: markdown)
            .build(generated: options.generated)
        let document = ReportDocument(view: view, images: project.sections.flatMap(\.images.values),
                                      outputFolder: options.outputFolder.appendingPathComponent(project.id))
        // Every asked-for format at once, on the threads a large file was read
        // on; the XML always, for it is checked against the schema.
        let writers = FormatWriters.report(templates: templates, validator: validator)
            .filter { options.formats.contains($0.format) || $0.format == .xml }
        let written = parallelMap(writers.count, jobs: readThreads) { i in
            var writerLog = DiagnosticLog()
            return (files: writers[i].writer.files(document, log: &writerLog), log: writerLog)
        }
        for w in written { log.append(contentsOf: w.log) }
        result.log = log
        guard !log.hasErrors else { return result }
        result.files = zip(writers, written).filter { options.formats.contains($0.0.format) }.flatMap(\.1.files)
        return result
    }

    /// The project's settings, resolved once from the command line and project.yaml.
    func settings(for project: Project, periodKnown: Bool = true) -> ReportSettings {
        var settings = ReportSettings(commandLine: options.reportChoices, project: project, periodKnown: periodKnown)
        settings.diagnosticsKept = options.diagnosticsKept
        return settings
    }

    /// Reads the project's participant data (`ParticipantSource`), if it has
    /// any; the tally is nil without, or when it may not be read.
    func readParticipants(folder: String, project: Project, settings: ReportSettings) -> (Tally?, DiagnosticLog) {
        var log = DiagnosticLog(keeping: settings.diagnosticsKept)
        guard let (source, path) = ParticipantSource.find(in: folder, project: project, log: &log) else { return (nil, log) }
        if InputFile.report(InputFile.problem(path, inside: folder), path: path, log: &log) { return (nil, log) }
        if !source.holdsParticipants, let first = project.breakdowns.first {
            // SPEC §3.6: a breakdown is counted from each participant's row; tallies have none.
            let what = first.esf != nil ? "'esf_plus: true' declares breakdowns, which need" : "breakdowns need"
            log.error(.breakdownNeedsParticipants, "\(what) one row per participant (participants.csv or participants.xlsx), not counts (\((path as NSString).lastPathComponent))",
                      at: first.location)
        }
        let (tally, readLog) = source.read(project, path, settings, readThreads)
        log.append(contentsOf: readLog)
        if settings.diagnosticsKept != .max { log.groupRows(of: path) { Self.accepted($0, in: project) } }
        return (tally, log)
    }

    /// What a code column takes, for "one problem, one message" (SPEC §2): codes with their names.
    static func accepted(_ code: DiagnosticCode, in project: Project) -> String? {
        let pairs: [(String, String)] = switch code {
        case .unknownSubproject: project.subprojects.map { ($0.id, $0.name) }
        case .unknownExitReason: project.exitReasons.map { ($0.code, $0.label) }
        case .unknownActivity: project.activities.map { ($0.code, $0.label) }
        default: []
        }
        guard !pairs.isEmpty else { return nil }
        let shown = pairs.prefix(12).map { $0.1.isEmpty || $0.1 == $0.0 ? $0.0 : "\($0.0) (\($0.1))" }
        return shown.joined(separator: ", ") + (pairs.count > 12 ? " and \(pairs.count - 12) more" : "")
    }

    /// A project whose project.yaml has errors gets no output, but its
    /// participant data are still checked against what could be read, unless that would
    /// mislead: then a note says why it was not.
    func participantDiagnosticsDespiteErrors(folder: String, partial: ProjectLoader.Partial) -> DiagnosticLog {
        var log = DiagnosticLog(keeping: options.diagnosticsKept)
        var found = DiagnosticLog()
        guard let data = ParticipantSource.find(in: folder, project: partial.project, log: &found) else { return log }
        guard let project = partial.project, partial.damagedLists.isEmpty else {
            let lists = partial.damagedLists.map { "'\($0)'" }.joined(separator: " and ")
            let why = partial.project == nil ? "project.yaml could not be read as a project"
                : "its codes are checked against \(lists) in project.yaml, which \(partial.damagedLists.count == 1 ? "has" : "have") errors"
            log.note(.csvNotChecked, "\((data.path as NSString).lastPathComponent) was not checked: \(why)",
                     at: SourceLocation(file: data.path, line: 1, column: 1))
            return log
        }
        let settings = settings(for: project, periodKnown: partial.hasPeriod)
        return readParticipants(folder: folder, project: project, settings: settings).1
    }
}
