/// The formats `--format` may ask for.
public enum OutputFormat: String, CaseIterable, Sendable {
    case md, html, xml, docx, xlsx

    public var fileName: String { "slutrapport.\(rawValue)" }
}

/// One file of an output folder: its path inside the folder and its bytes.
public typealias OutputFile = (name: String, contents: [UInt8])

/// What a project's writers write from: the view model every format shares,
/// and the narrative's images, read already by the input side.
public struct ReportDocument: Sendable {
    public var view: ReportView
    public var images: [EmbeddedImage]
    /// OUT/<id>, where the files will be: a diagnostic about one points there.
    public var outputFolder: String
}

/// One output format: its files from a view model, a project's
/// `ReportDocument` or a batch's `IndexView`. A writer reads no files and
/// writes none; `OutputWriter` puts what it gives in place.
public protocol FormatWriter<Document>: Sendable {
    associatedtype Document
    /// The format's files; a problem with them (the XML against its schema) goes to `log`.
    func files(_ document: Document, log: inout DiagnosticLog) -> [OutputFile]
}

/// Every writer, in one place: a new output format is a writer and a line here.
enum FormatWriters {
    /// A project's writers, each with the `--format` that asks for its files,
    /// in the order their files are listed.
    static func report(templates: TemplateSet, validator: XMLSchemaValidator) -> [(format: OutputFormat, writer: any FormatWriter<ReportDocument>)] {
        [(.md, ChartWriter()),
         (.md, ImageCopyWriter()),
         (.md, TemplateWriter(templates: templates, format: .md)),
         (.html, TemplateWriter(templates: templates, format: .html)),
         (.xml, XMLWriter(templates: templates, validator: validator)),
         (.docx, DocxWriter(templates: templates)),
         (.xlsx, XlsxWriter())]
    }

    /// A batch's index, written by every build of more than one project, whatever `--format`.
    static func index(templates: TemplateSet) -> [any FormatWriter<IndexView>] {
        [IndexWriter(templates: templates, format: .md), IndexWriter(templates: templates, format: .html)]
    }
}

extension [UInt8] {
    /// A rendered text as a file's bytes, ending in a line break.
    init(renderedText text: String) {
        self.init((text.hasSuffix("\n") ? text : text + "\n").utf8)
    }
}
