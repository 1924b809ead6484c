import Foundation

/// What building one project gave: its diagnostics and, when it had no
/// errors, the files to write (name → bytes).
public struct ProjectResult: Sendable {
    public var folder: String
    public var id: String?
    public var log: DiagnosticLog
    public var files: [(name: String, contents: String)]
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
        var (loaded, log) = loaded
        var result = ProjectResult(folder: folder, id: nil, log: log, files: [], figures: nil, indexRow: nil)
        guard var project = loaded else { return result }
        result.id = project.id
        if let n = options.suppressBelow { project.report.suppressBelow = n }
        let lang = options.lang ?? project.report.lang ?? .sv
        let asOf = options.asOf ?? project.report.asOf ?? project.period.end

        let participants = folder.appendingPathComponent("participants.csv")
        let counts = folder.appendingPathComponent("counts.csv")
        let fm = FileManager.default
        var tally: Tally?
        switch (fm.fileExists(atPath: participants), fm.fileExists(atPath: counts)) {
        case (true, true):
            log.error(.bothCSVFiles, "the project has both participants.csv and counts.csv; keep one",
                      at: SourceLocation(file: counts, line: 1, column: 1))
        case (true, false):
            let (t, l) = ParticipantReader.read(project: project, asOf: asOf, path: participants, lang: lang, parts: readThreads)
            tally = t
            log.append(contentsOf: l)
        case (false, true):
            let (t, l) = CountsReader.read(project: project, path: counts, lang: lang)
            tally = t
            log.append(contentsOf: l)
        case (false, false):
            break
        }
        var figures = tally.map { Figures.compute(project: project, tally: $0, asOf: asOf) }
        figures?.suppress(below: project.report.suppressBelow ?? 0)
        result.figures = figures
        result.indexRow = IndexView.Row(project: project, figures: figures, lang: lang)
        if options.strict { log.promoteWarnings() }
        guard !log.hasErrors, let templates, let validator else {
            result.log = log
            return result
        }

        let view = ReportViewBuilder(project: project, figures: figures, lang: lang, markdown: markdown)
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
        // The charts the Markdown links to.
        if options.formats.contains(.md) {
            for chart in view.sections.flatMap(\.figures).flatMap(\.charts) { result.files.append((chart.file, chart.svgFile)) }
        }
        for format in options.formats {
            var text = texts[formats.firstIndex(of: format) ?? 0]
            if !text.hasSuffix("\n") { text += "\n" }
            result.files.append((format.fileName, text))
        }
        return result
    }
}
