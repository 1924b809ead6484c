/// slutrapport.docx: the report as a Word document in the look of the
/// template folder's `reference.docx`, with real tables, native charts
/// (`DocxChart`), the project's name in the header and page numbers in the
/// footer. Identical views give identical bytes.
struct DocxWriter: FormatWriter {
    let templates: TemplateSet

    /// A4 with the HTML report's print margins, when the reference has no page of its own.
    static let defaultSection = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        + "<w:pgMar w:top=\"1134\" w:right=\"1021\" w:bottom=\"1247\" w:left=\"1021\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"

    func files(_ document: ReportDocument, log: inout DiagnosticLog) -> [OutputFile] {
        guard let reference = templates.reference else {
            log.error(.templateMissing, "the template folder has no reference.docx, which slutrapport.docx takes its styles from",
                      at: SourceLocation(file: templates.folder.appendingPathComponent("reference.docx"), line: 1, column: 1))
            return []
        }
        let section = Self.section(reference.section ?? Self.defaultSection, references: Self.headerAndFooterReferences(reference))
        let available = Self.textWidth(of: section)
        let images = Dictionary(document.images.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let narrative = DocxNarrative(markdown: MarkdownRenderer(), images: images, available: available)
        var references = DocxReferences()
        let body = DocxBody(view: document.view, narrative: narrative, available: available).xml(&references)
        let package = DocxPackage(view: document.view, reference: reference, references: references)
        do {
            return [(OutputFormat.docx.fileName, try OfficePackage.zip(package.parts(body: body, section: section)))]
        } catch {
            log.error(.outputFailed, "could not make \(OutputFormat.docx.fileName): \(error)",
                      at: SourceLocation(file: document.outputFolder.appendingPathComponent(OutputFormat.docx.fileName), line: 1, column: 1))
            return []
        }
    }

    /// Our header and footer, or the reference's own in their place (as pandoc keeps them, issue 25).
    static func headerAndFooterReferences(_ reference: DocxReference) -> String {
        let ours = "<w:headerReference w:type=\"default\" r:id=\"rId6\"/><w:footerReference w:type=\"default\" r:id=\"rId7\"/>"
        guard !reference.carried.isEmpty else { return ours }
        var out = ""
        for kind in ["header", "footer"] {
            if !reference.carries(kind) { out += "<w:\(kind)Reference w:type=\"default\" r:id=\"rId\(kind == "header" ? 6 : 7)\"/>" }
            for (i, part) in reference.carried.enumerated() where part.kind == kind {
                out += "<w:\(kind)Reference w:type=\"\(part.type)\" r:id=\"rIdReference\(i + 1)\"/>"
            }
        }
        return out
    }

    /// The page's section properties with our header and footer, without the reference's revision ids.
    static func section(_ reference: String, references: String = "<w:headerReference w:type=\"default\" r:id=\"rId6\"/><w:footerReference w:type=\"default\" r:id=\"rId7\"/>") -> String {
        guard let open = reference.range(of: ">"), reference.hasPrefix("<w:sectPr") else { return section(defaultSection, references: references) }
        return "<w:sectPr>" + references + reference[open.upperBound...]
    }

    /// The page width less its left and right margins, in twips.
    /// `DocxReference` has checked each to lie in 0...31680; clamped here
    /// too, so that no sum can overflow whatever reaches it.
    static func textWidth(of section: String) -> Int {
        func twips(_ name: String, _ element: String, _ otherwise: Int) -> Int {
            min(max(attribute(name, of: element, in: section) ?? otherwise, 0), DocxReference.maximumTwips)
        }
        let width = twips("w:w", "<w:pgSz", 11906)
        let margins = twips("w:left", "<w:pgMar", 1021) + twips("w:right", "<w:pgMar", 1021)
        return max(width - margins, 1440)
    }

    static func attribute(_ name: String, of element: String, in xml: String) -> Int? {
        attributeText(name, of: element, in: xml).flatMap { Int($0.prefix(9)) }
    }

    /// The text of attribute `name` on the first `element` of `xml`.
    static func attributeText(_ name: String, of element: String, in xml: String) -> String? {
        guard let start = xml.range(of: element), let end = xml.range(of: ">", range: start.upperBound..<xml.endIndex),
              let value = xml.range(of: " \(name)=\"", range: start.upperBound..<end.lowerBound),
              let close = xml.range(of: "\"", range: value.upperBound..<end.lowerBound) else { return nil }
        return String(xml[value.upperBound..<close.lowerBound])
    }
}
