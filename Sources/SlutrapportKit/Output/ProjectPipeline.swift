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
        // Every format at once, on the threads a large file was read on: the
        // XML first, always, for it is checked against the schema.
        let formats = [OutputFormat.xml] + options.formats.filter { $0 != .xml }
        let texts = parallelMap(formats.count, jobs: readThreads) { templates.render(view, template: "report.\(formats[$0].rawValue)") }
        let xml = texts[0]
        let xmlPath = options.outputFolder.appendingPathComponent(project.id).appendingPathComponent(OutputFormat.xml.fileName)
        for problem in validator.validate(xml) {
            log.error(.xmlInvalid, "the XML from \(templates.folder.appendingPathComponent("report.xml.mustache")) does not validate against slutrapport.xsd: \(problem.message)",
                      at: SourceLocation(file: xmlPath, line: max(1, problem.line), column: max(1, problem.column)))
        }
        result.log = log
        guard !log.hasErrors else { return result }
        // The charts and the narrative's images the Markdown links to.
        if options.formats.contains(.md) {
            for chart in view.sections.flatMap(\.figures).flatMap(\.charts) { result.files.append((chart.file, Array(chart.svgFile.utf8))) }
            let images = Dictionary(project.sections.flatMap(\.images.values).map { ($0.file, $0.bytes) }, uniquingKeysWith: { first, _ in first })
            for (file, bytes) in images.sorted(by: { $0.key < $1.key }) { result.files.append((file, bytes)) }
        }
        for format in options.formats {
            var text = texts[formats.firstIndex(of: format) ?? 0]
            if !text.hasSuffix("\n") { text += "\n" }
            result.files.append((format.fileName, Array(text.utf8)))
        }
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
