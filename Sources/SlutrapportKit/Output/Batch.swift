import Foundation

/// A run over one or more project folders: every project is built, on up to
/// `jobs` threads, the ones without errors are written, and all diagnostics
/// are kept in folder order, so the result is the same whatever `jobs`.
public struct Batch {
    public struct Outcome: Sendable {
        public var log = DiagnosticLog()
        public var projects: [ProjectResult] = []
        public var built: Int { projects.count { !$0.log.hasErrors } }
        public var failed: [String] { projects.filter { $0.log.hasErrors }.map(\.folder) }
        public var hasErrors: Bool { log.hasErrors || projects.contains { $0.log.hasErrors } }
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

    public init(options: BuildOptions, templatesFolder: String) {
        self.options = options
        self.templatesFolder = templatesFolder
    }

    /// Builds every project under `paths`; writes outputs only when `write`.
    public func run(paths: [String], write: Bool) -> Outcome {
        var outcome = Outcome()
        let (templates, templateLog) = TemplateSet.load(folder: templatesFolder)
        outcome.log.append(contentsOf: templateLog)
        guard let templates else { return outcome }
        let validator: XMLSchemaValidator
        do { validator = try XMLSchemaValidator(schemaPath: templates.schemaPath) } catch {
            for p in error.problems.isEmpty ? [.init(line: 1, column: 1, message: "cannot read the schema")] : error.problems {
                outcome.log.error(.xmlInvalid, "slutrapport.xsd: \(p.message)",
                                  at: SourceLocation(file: templates.schemaPath, line: max(1, p.line), column: max(1, p.column)))
            }
            return outcome
        }
        let folders = ProjectDiscovery.folders(for: paths, log: &outcome.log)
        let lang = options.lang

        // First every project.yaml, so that two projects claiming one id are
        // found the same way whatever the order threads finish in.
        let loaded = parallelMap(folders.count, jobs: jobs) { ProjectLoader.load(folder: folders[$0], lang: lang) }
        var firstFolderOfID: [String: String] = [:]
        var duplicates: [Int: Diagnostic] = [:]
        for (i, (project, _)) in loaded.enumerated() {
            guard let id = project?.id else { continue }
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
        if write { OutputWriter.removeStale(in: outputFolder) }
        let duplicateOf = duplicates
        outcome.projects = parallelMap(folders.count, jobs: jobs) { i in
            var result: ProjectResult
            if let duplicate = duplicateOf[i] {
                result = ProjectResult(folder: folders[i], id: loaded[i].0?.id, log: loaded[i].1, files: [], figures: nil, indexRow: nil)
                result.log.error(duplicate.code, duplicate.message, at: duplicate.location)
            } else {
                result = pipeline.build(folder: folders[i], loaded: loaded[i])
            }
            if write, let id = result.id, !result.log.hasErrors {
                do throws(OutputWriter.Failure) {
                    try OutputWriter.write(result.files, to: outputFolder.appendingPathComponent(id))
                } catch {
                    result.log.error(.outputFailed, error.message,
                                     at: SourceLocation(file: outputFolder.appendingPathComponent(id), line: 1, column: 1))
                }
            }
            result.files = []  // written; the batch need not hold every report in memory
            tracker.done(folders[i])
            return result
        }
        // A batch (more than one project) gets an index; one project alone leaves it be.
        if write && folders.count > 1 {
            do throws(OutputWriter.Failure) {
                try BatchIndex.write(BatchIndex.view(outcome, lang: options.lang ?? .sv, outputFolder: outputFolder),
                                     templates: templates, to: outputFolder)
            } catch {
                outcome.log.error(.outputFailed, error.message, at: SourceLocation(file: outputFolder.appendingPathComponent("index.html"), line: 1, column: 1))
            }
        }
        return outcome
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
