import Foundation

/// A run over one or more project folders: every project is built, on up to
/// `jobs` threads, the ones without errors are written, and all diagnostics
/// are kept in folder order, so the result is the same whatever `jobs`.
public struct Batch {
    public struct Outcome: Sendable {
        public var log = DiagnosticLog()
        /// Set when the run was refused before any project was read or anything written
        /// (an output folder over a project folder); the CLI exits 2.
        public var usageError: String?
        /// False when the templates or the schema did not load: the projects
        /// were checked, but nothing was rendered or written.
        public var rendered = true
        public var projects: [ProjectResult] = []
        public var built: Int { rendered ? projects.count { !$0.log.hasErrors } : 0 }
        public var failed: [String] { projects.filter { $0.log.hasErrors }.map(\.folder) }
        public var hasErrors: Bool { usageError != nil || log.hasErrors || projects.contains { $0.log.hasErrors } }
        public var diagnostics: [Diagnostic] { log.all + projects.flatMap(\.log.all) }
        /// Diagnostics counted but not kept (beyond `DiagnosticLog.kept` in a project).
        public var dropped: (errors: Int, warnings: Int) {
            (log.droppedErrors + projects.reduce(0) { $0 + $1.log.droppedErrors },
             log.droppedWarnings + projects.reduce(0) { $0 + $1.log.droppedWarnings })
        }
    }

    /// Called as each project is done: (done, total, folder). Calls come one at a time.
    public typealias Progress = @Sendable (Int, Int, String) -> Void

    public let options: BuildOptions
    public let templatesFolder: String
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var progress: Progress?
    var outputCalls = OutputCalls.system

    public init(options: BuildOptions, templatesFolder: String) {
        self.options = options
        self.templatesFolder = templatesFolder
    }

    /// Builds every project under `paths`; writes outputs only when `write`.
    public func run(paths: [String], write: Bool) -> Outcome {
        var outcome = Outcome()
        let (templates, templateLog) = TemplateSet.load(folder: templatesFolder)
        outcome.log.append(contentsOf: templateLog)
        let validator = templates.flatMap { schemaValidator($0, log: &outcome.log) }
        let folders = ProjectDiscovery.folders(for: paths, log: &outcome.log)
        if write, let clash = OutputPlace.clash(output: options.outputFolder, projects: folders) {
            return Outcome(usageError: clash)
        }
        // Without templates nothing can be rendered, but the data can be
        // checked: one run shows every error, and says what it did not do.
        if templates == nil || validator == nil {
            outcome.rendered = false
            outcome.log.note(.notRendered, "the templates have errors: no report was rendered or written; the projects' data were checked all the same",
                             at: SourceLocation(file: templatesFolder, line: 1, column: 1))
        }
        let writes = write && outcome.rendered
        let lang = options.lang

        // First every project.yaml, so that two projects claiming one id are
        // found the same way whatever the order threads finish in.
        let loaded = parallelMap(folders.count, jobs: jobs) { ProjectLoader.read(folder: folders[$0], lang: lang) }
        var firstFolderOfID: [String: String] = [:]
        var duplicates: [Int: Diagnostic] = [:]
        for (i, read) in loaded.enumerated() {
            guard let id = read.valid?.id else { continue }
            if let first = firstFolderOfID[id] {
                duplicates[i] = Diagnostic(.error, .duplicateProjectID, "project id '\(id)' is also used by \(first)",
                                           at: SourceLocation(file: folders[i].appendingPathComponent("project.yaml"), line: 1, column: 1))
            } else {
                firstFolderOfID[id] = folders[i]
            }
        }

        // A large participants.csv is read on several threads; with more
        // projects than jobs, the projects themselves keep the threads busy.
        let pipeline = ProjectPipeline(options: options, templates: templates, validator: validator,
                                       readThreads: max(1, jobs / max(1, folders.count)))
        let tracker = ProgressTracker(total: folders.count, report: progress)
        let outputFolder = options.outputFolder
        let calls = outputCalls
        if writes { OutputWriter.removeStale(in: outputFolder, calls: calls) }
        let duplicateOf = duplicates
        outcome.projects = parallelMap(folders.count, jobs: jobs) { i in
            var result: ProjectResult
            if let duplicate = duplicateOf[i] {
                result = ProjectResult(folder: folders[i], id: loaded[i].valid?.id, log: loaded[i].log, files: [], figures: nil, indexRow: nil)
                result.log.error(duplicate.code, duplicate.message, at: duplicate.location)
            } else {
                result = pipeline.build(folder: folders[i], loaded: loaded[i])
            }
            let inputErrors = result.log.hasErrors
            if writes, let id = result.id, !result.log.hasErrors {
                do throws(OutputWriter.Failure) {
                    let target = outputFolder.appendingPathComponent(id)
                    // Notes, never warnings: what a person keeps there never fails a build, not even with --strict.
                    for kept in try OutputWriter.write(result.files, to: target, calls: calls) {
                        result.log.note(.outputKept, kept.message, at: SourceLocation(file: kept.path, line: 1, column: 1))
                    }
                } catch {
                    result.log.error(error.code, error.message,
                                     at: SourceLocation(file: outputFolder.appendingPathComponent(id), line: 1, column: 1))
                }
            }
            // A failed rebuild leaves the earlier report in place (SPEC §2, "nothing lost"): say it is out of date (issue 25).
            if write, let id = result.id, inputErrors,
               OutputMarker.occupant(folder: outputFolder.appendingPathComponent(id)) == .ours {
                let target = outputFolder.appendingPathComponent(id)
                result.log.note(.outputOutOfDate, "\(target) still holds the report of an earlier build, now out of date: "
                                + "nothing was written, since the project has errors", at: SourceLocation(file: target, line: 1, column: 1))
            }
            result.files = []  // written; the batch need not hold every report in memory
            tracker.done(folders[i])
            return result
        }
        // A batch (more than one project) gets an index; one project alone leaves it be.
        if writes && folders.count > 1, let templates {
            let index = IndexView(outcome, lang: ReportSettings.language(commandLine: options.lang, project: nil)) { id in
                OutputMarker.occupant(folder: "\(outputFolder)/\(id)") == .ours
                    && FileManager.default.fileExists(atPath: "\(outputFolder)/\(id)/\(OutputFormat.html.fileName)")
            }
            let files = FormatWriters.index(templates: templates).flatMap { $0.files(index, log: &outcome.log) }
            OutputWriter.writeIndex(files, to: outputFolder, calls: calls, log: &outcome.log)
        }
        return outcome
    }

    /// The schema the XML is checked against; nil, with its errors in `log`, when it does not load.
    private func schemaValidator(_ templates: TemplateSet, log: inout DiagnosticLog) -> XMLSchemaValidator? {
        do { return try XMLSchemaValidator(schemaPath: templates.schemaPath) } catch {
            for p in error.problems.isEmpty ? [.init(line: 1, column: 1, message: "cannot read the schema")] : error.problems {
                log.error(.xmlInvalid, "slutrapport.xsd: \(p.message)",
                          at: SourceLocation(file: templates.schemaPath, line: max(1, p.line), column: max(1, p.column)))
            }
            return nil
        }
    }
}

private final class ProgressTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private let total: Int
    private let report: Batch.Progress?

    init(total: Int, report: Batch.Progress?) {
        self.total = total
        self.report = report
    }

    func done(_ folder: String) {
        guard let report else { return }
        lock.withLock {
            count += 1
            report(count, total, folder)
        }
    }
}
