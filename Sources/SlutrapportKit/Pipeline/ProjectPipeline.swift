import Foundation

/// What building one project gave: its diagnostics and, when it had no
/// errors, the files to write (name → bytes).
public struct ProjectResult: Sendable {
    public var folder: String
    public var id: String?
    public var log: DiagnosticLog
    public var files: [(name: String, contents: [UInt8])]
    public var figures: Figures?
    /// The project's line in a batch's index.
    public var indexRow: IndexView.Row?
}

/// The pipeline for one project folder: read, check, aggregate, render,
/// validate. It writes nothing; `OutputWriter` does. Without templates it
/// checks the data only.
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
        build(folder: folder, loaded: ProjectLoader.load(folder: folder, lang: options.lang))
    }

    /// Builds a project whose project.yaml has been read already.
    public func build(folder: String, loaded: (Project?, DiagnosticLog)) -> ProjectResult {
        let (loaded, yamlLog) = loaded
        var log = yamlLog
        var result = ProjectResult(folder: folder, id: nil, log: log, files: [], figures: nil, indexRow: nil)
        guard let project = loaded else {
            result.log.append(contentsOf: csvDiagnosticsDespiteErrors(folder: folder))
            if options.strict { result.log.promoteWarnings() }
            return result
        }
        result.id = project.id
        let settings = ReportSettings(commandLine: options.reportChoices, project: project)

        let (tally, csvLog) = readCSV(folder: folder, project: project, settings: settings)
        log.append(contentsOf: csvLog)
        var figures = tally.map { Figures.compute(project: project, tally: $0, asOf: settings.asOf) }
        figures?.suppress(below: settings.suppressBelow)
        result.figures = figures
        result.indexRow = IndexView.Row(project: project, figures: figures, lang: settings.lang)
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

    /// Reads the project's participants.csv or counts.csv, if it has one;
    /// the tally is nil without one, or when it may not be read.
    func readCSV(folder: String, project: Project, settings: ReportSettings) -> (Tally?, DiagnosticLog) {
        let participants = folder.appendingPathComponent("participants.csv")
        let counts = folder.appendingPathComponent("counts.csv")
        var log = DiagnosticLog()
        switch (InputFile.exists(participants), InputFile.exists(counts)) {
        case (true, true):
            log.error(.bothCSVFiles, "the project has both participants.csv and counts.csv; keep one",
                      at: SourceLocation(file: counts, line: 1, column: 1))
            return (nil, log)
        case (true, false):
            if InputFile.report(InputFile.problem(participants, inside: folder), path: participants, log: &log) { return (nil, log) }
            return ParticipantReader.read(project: project, asOf: settings.asOf, path: participants, lang: settings.lang, parts: readThreads)
        case (false, true):
            if InputFile.report(InputFile.problem(counts, inside: folder), path: counts, log: &log) { return (nil, log) }
            return CountsReader.read(project: project, path: counts, lang: settings.lang)
        case (false, false):
            return (nil, log)
        }
    }

    /// A project whose project.yaml has errors gets no output, but its CSV
    /// file is still checked against what could be read, unless that would
    /// mislead: then a note says why it was not.
    func csvDiagnosticsDespiteErrors(folder: String) -> DiagnosticLog {
        var log = DiagnosticLog()
        let files = ["participants.csv", "counts.csv"].map { folder.appendingPathComponent($0) }
        guard let csv = files.first(where: InputFile.exists) else { return log }
        let partial = ProjectLoader.loadDespiteErrors(folder: folder, lang: options.lang)
        guard let project = partial.project, partial.damagedLists.isEmpty else {
            let lists = partial.damagedLists.map { "'\($0)'" }.joined(separator: " and ")
            let why = partial.project == nil ? "project.yaml could not be read as a project"
                : "its codes are checked against \(lists) in project.yaml, which \(partial.damagedLists.count == 1 ? "has" : "have") errors"
            log.note(.csvNotChecked, "\(csv.split(separator: "/").last ?? "") was not checked: \(why)",
                     at: SourceLocation(file: csv, line: 1, column: 1))
            return log
        }
        let settings = ReportSettings(commandLine: options.reportChoices, project: project, periodKnown: partial.hasPeriod)
        return readCSV(folder: folder, project: project, settings: settings).1
    }
}
