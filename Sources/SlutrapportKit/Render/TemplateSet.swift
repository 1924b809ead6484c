import Foundation
import Mustache

/// The templates of one run: `report.md`, `report.html` and `report.xml`
/// with their partials, plus `slutrapport.xsd` and the Word styles of
/// `reference.docx`, all from one folder.
public struct TemplateSet: Sendable {
    public static let reports = ["report.md", "report.html", "report.xml", "index.md", "index.html"]

    public let folder: String
    let library: MustacheLibrary
    /// The styles slutrapport.docx takes; nil when the folder has no reference.docx.
    let reference: DocxReference?

    /// swift-mustache reads each tag in time proportional to the rest of the
    /// template (`Parser.read(count:)` measures the distance to the end), so
    /// loading grows with the square of a template's length: 10,000 tags took
    /// 7 s, 40,000 took two minutes. A template of this size loads in a
    /// fraction of a second whatever it holds; the default ones are under 5 KiB.
    static let maximumTemplateBytes = 64 * 1024
    /// All of a folder's templates together.
    static let maximumTotalTemplateBytes = 1024 * 1024

    public var schemaPath: String { folder.appendingPathComponent("slutrapport.xsd") }

    /// Loads every `*.mustache` in `folder`. A syntax error names the file,
    /// line and column; a partial that no file provides is an error too,
    /// since swift-mustache would silently render it as nothing.
    public static func load(folder: String) -> (TemplateSet?, DiagnosticLog) {
        _ = ContentTypes.registered
        var log = DiagnosticLog()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        var library = MustacheLibrary()
        let boundary = FolderBoundary(folder)
        var loaded: [LoadedTemplate] = []
        var totalBytes = 0
        for file in names {
            let path = folder.appendingPathComponent(file)
            let name = String(file.dropLast(".mustache".count))
            // A template is a file of this folder: a link out of it is refused.
            guard let resolved = boundary.contained(URL(fileURLWithPath: path)) else {
                log.error(.templateOutsideFolder, "template \(file) links to a file outside the template folder",
                          at: SourceLocation(file: path, line: 1, column: 1))
                continue
            }
            // Measured before reading, which a FIFO would block: the parser's time grows with the square of the size.
            guard let size = FileBytes.regularFileSize(resolved) else {
                log.error(.fileUnreadable, "cannot read template: not a regular file", at: SourceLocation(file: path, line: 1, column: 1))
                continue
            }
            totalBytes += size
            guard size <= maximumTemplateBytes, totalBytes <= maximumTotalTemplateBytes else {
                let limit = size > maximumTemplateBytes
                    ? "a template may be at most \(maximumTemplateBytes / 1024) KiB"
                    : "the templates of a folder may be at most \(maximumTotalTemplateBytes / 1024) KiB together"
                log.error(.templateTooLarge, "template \(file) is too large: \(limit)", at: SourceLocation(file: path, line: 1, column: 1))
                continue
            }
            guard let read = FileBytes.text(path), let text = read else {
                log.error(.fileUnreadable, "cannot read template", at: SourceLocation(file: path, line: 1, column: 1))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                loaded.append(LoadedTemplate(name: name, path: path, bytes: text.utf8.count, partials: partialTags(in: text)))
            } catch let error as MustacheTemplate.ParserError {
                log.error(.templateSyntax, "template syntax: \(describe(error.error))",
                          at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber))
            } catch {
                log.error(.templateSyntax, "template syntax error", at: SourceLocation(file: path, line: 1, column: 1))
            }
        }
        for name in reports where library.getTemplate(named: name) == nil && !log.hasErrors {
            log.error(.templateMissing, "the template folder has no \(name).mustache",
                      at: SourceLocation(file: folder.appendingPathComponent("\(name).mustache"), line: 1, column: 1))
        }
        for template in loaded {
            for tag in template.partials where !tag.dynamic && library.getTemplate(named: tag.name) == nil {
                log.error(.templateMissing, "partial '\(tag.name)' has no file \(tag.name).mustache",
                          at: SourceLocation(file: template.path, line: tag.line, column: tag.column))
            }
        }
        checkPartials(loaded, log: &log)
        let xsd = URL(fileURLWithPath: folder.appendingPathComponent("slutrapport.xsd"))
        if FileManager.default.fileExists(atPath: FolderBoundary.resolve(xsd)) && boundary.contained(xsd) == nil {
            log.error(.templateOutsideFolder, "slutrapport.xsd links to a file outside the template folder",
                      at: SourceLocation(file: folder.appendingPathComponent("slutrapport.xsd"), line: 1, column: 1))
        }
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("slutrapport.xsd")) {
            log.error(.templateMissing, "the template folder has no slutrapport.xsd",
                      at: SourceLocation(file: folder.appendingPathComponent("slutrapport.xsd"), line: 1, column: 1))
        }
        let reference = DocxReference.load(folder: folder, boundary: boundary, log: &log)
        return (log.hasErrors ? nil : TemplateSet(folder: folder, library: library, reference: reference), log)
    }

    /// Renders a `ReportView` (report.*) or an `IndexView` (index.*).
    public func render(_ view: Any, template: String) -> String {
        library.render(view, withTemplate: template) ?? ""
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened"
        case .unfinishedName: "a tag is not closed"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: "illegal tag inside an inherited partial"
        case .textInsideInheritSection: "text inside an inherited partial"
        case .invalidConfigVariableSyntax: "malformed pragma"
        case .unrecognisedConfigVariable: "unknown pragma"
        case nil: "\(error)"
        }
    }

    /// Where the default templates are: `--templates`, else next to the
    /// installed binary (`share/slutrapport/templates` or `templates`), else
    /// the repository the binary was built in.
    public static func defaultFolder(executable: String) -> String? {
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = ["templates", "../share/slutrapport/templates"]
        for candidate in candidates {
            let path = dir.appendingPathComponent(candidate).standardizedFileURL.path
            if FileManager.default.fileExists(atPath: path.appendingPathComponent("report.xml.mustache")) { return path }
        }
        for _ in 0..<6 {
            dir = dir.deletingLastPathComponent()
            let path = dir.appendingPathComponent("templates").path
            if FileManager.default.fileExists(atPath: path.appendingPathComponent("report.xml.mustache")) { return path }
        }
        return nil
    }
}
