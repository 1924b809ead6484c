/// A format made by a Mustache template of the template folder:
/// `report.md.mustache` gives slutrapport.md, `report.html.mustache` slutrapport.html.
struct TemplateWriter: FormatWriter {
    let templates: TemplateSet
    let format: OutputFormat

    func files(_ document: ReportDocument, log: inout DiagnosticLog) -> [OutputFile] {
        [(format.fileName, [UInt8](renderedText: templates.render(document.view, template: "report.\(format.rawValue)")))]
    }
}

/// slutrapport.xml, checked against the folder's slutrapport.xsd: a report
/// that does not validate is an error at its line, and nothing is written.
struct XMLWriter: FormatWriter {
    let templates: TemplateSet
    let validator: XMLSchemaValidator

    func files(_ document: ReportDocument, log: inout DiagnosticLog) -> [OutputFile] {
        let xml = templates.render(document.view, template: "report.xml")
        let path = document.outputFolder.appendingPathComponent(OutputFormat.xml.fileName)
        for problem in validator.validate(xml) {
            log.error(.xmlInvalid, "the XML from \(templates.folder.appendingPathComponent("report.xml.mustache")) does not validate against slutrapport.xsd: \(problem.message)",
                      at: SourceLocation(file: path, line: max(1, problem.line), column: max(1, problem.column)))
        }
        return [(OutputFormat.xml.fileName, [UInt8](renderedText: xml))]
    }
}

/// OUT/index.md or OUT/index.html: every project of a batch with its key figures.
struct IndexWriter: FormatWriter {
    let templates: TemplateSet
    let format: OutputFormat

    func files(_ index: IndexView, log: inout DiagnosticLog) -> [OutputFile] {
        [("index.\(format.rawValue)", [UInt8](renderedText: templates.render(index, template: "index.\(format.rawValue)")))]
    }
}
