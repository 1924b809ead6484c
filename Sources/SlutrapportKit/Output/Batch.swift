import Foundation

/// A run over one or more project folders: every project is built, the
/// ones without errors are written, and all diagnostics are kept in order.
public struct Batch {
    public struct Outcome: Sendable {
        public var log = DiagnosticLog()
        public var projects: [ProjectResult] = []
        public var built: Int { projects.count { !$0.log.hasErrors } }
        public var failed: Int { projects.count { $0.log.hasErrors } }
        public var hasErrors: Bool { log.hasErrors || projects.contains { $0.log.hasErrors } }
        public var diagnostics: [Diagnostic] { log.all + projects.flatMap(\.log.all) }
    }

    public let options: BuildOptions
    public let templatesFolder: String

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
        let pipeline = ProjectPipeline(options: options, templates: templates, validator: validator)
        var firstFolderOfID: [String: String] = [:]
        for folder in folders {
            var result = pipeline.build(folder: folder)
            if let id = result.id {
                if let first = firstFolderOfID[id] {
                    result.log.error(.duplicateProjectID, "project id '\(id)' is also used by \(first)",
                                     at: SourceLocation(file: folder.appendingPathComponent("project.yaml"), line: 1, column: 1))
                    result.files = []
                } else {
                    firstFolderOfID[id] = folder
                }
            }
            if write, let id = result.id, !result.log.hasErrors {
                do throws(OutputWriter.Failure) {
                    try OutputWriter.write(result.files, to: options.outputFolder.appendingPathComponent(id))
                } catch {
                    result.log.error(.outputFailed, error.message,
                                     at: SourceLocation(file: options.outputFolder.appendingPathComponent(id), line: 1, column: 1))
                }
            }
            outcome.projects.append(result)
        }
        return outcome
    }
}
