/// The body of word/document.xml: everything the HTML report shows, in its
/// order: title block, project details, each section's narrative, notes,
/// charts and tables. Styles are the reference document's, by id.
struct DocxBody {
    let view: ReportView
    let narrative: DocxNarrative
    /// The page's text width in twips, for the tables.
    let available: Int

    /// The tag Word takes for a view's language code (`sv` → `sv-SE`); nil for nil.
    func languageTag(_ lang: String?) -> String? { lang.map(Language.officeTag) }

    /// Runs of `spans`, each in its own language where it has one (spans of one language in one run).
    func runs(_ spans: [TextSpan], _ properties: String = "") -> String {
        var merged: [TextSpan] = []
        for span in spans {
            if let last = merged.last, last.lang == span.lang { merged[merged.count - 1].text += span.text } else { merged.append(span) }
        }
        return merged.map { DocxXML.inLanguage(DocxXML.runs($0.text, properties), languageTag($0.lang)) }.joined()
    }

    func xml(_ references: inout DocxReferences) -> String {
        var out = titleBlock() + details()
        for section in view.sections {
            out += DocxXML.paragraph("Heading1", "", DocxXML.inLanguage(DocxXML.runs(section.title), languageTag(section.titleLang)))
            if let markdown = section.markdown, !markdown.isEmpty {
                out += DocxXML.inLanguage(narrative.blocks(markdown, references: &references), languageTag(section.textLang))
            }
            for note in section.notes { out += DocxXML.paragraph("SourceNote", "", DocxXML.runs(note)) }
            for block in section.figures { out += figures(block, &references) }
        }
        return out
    }

    func titleBlock() -> String {
        var meta = "\(view.labels.asOf) \(view.asOf)"
        if let generated = view.generated { meta += " · \(view.labels.generated) \(generated)" }
        return DocxXML.paragraph("Kicker", "", DocxXML.runs(view.labels.finalReport))
            + DocxXML.paragraph("Title", "", DocxXML.inLanguage(DocxXML.runs(view.project.name), languageTag(view.project.nameLang)))
            + DocxXML.paragraph("Subtitle", "", DocxXML.runs(meta))
    }

    /// The project's facts as a two-column table without borders, as the HTML's list of terms.
    func details() -> String {
        guard !view.details.isEmpty else { return "" }
        let muted = "<w:color w:val=\"5B5B66\"/>"
        let rows = view.details.map { row in
            DocxTable.Row(cells: [DocxTable.Cell(runs: DocxXML.runs(row.label, muted), text: row.label),
                                  DocxTable.Cell(runs: runs([TextSpan(text: row.value, lang: row.lang)]), text: row.value)])
        }
        let table = DocxTable(style: "DetailsTable", rows: rows, caption: view.labels.projectDetails, available: available)
        // The values take the rest of the line, as the HTML's grid does.
        let labelWidth = table.columnWidths().first ?? 0
        return DocxXML.paragraph("Heading1", "", DocxXML.runs(view.labels.projectDetails))
            + table.xml(fixedWidths: [labelWidth, max(available - labelWidth, 0)])
    }

    /// A results sub-heading, its charts (each under its caption), then its tables.
    func figures(_ block: FigureBlock, _ references: inout DocxReferences) -> String {
        var out = DocxXML.paragraph("Heading2", "", DocxXML.runs(block.heading))
        for chart in block.charts {
            let (relationshipID, drawingID) = references.chart(chart)
            out += DocxXML.paragraph("Caption", "", DocxXML.runs(chart.title))
            out += DocxXML.paragraph(nil, "<w:keepNext/>", DocxChart.drawing(chart, relationshipID: relationshipID, drawingID: drawingID))
        }
        for table in block.tables { out += self.table(table) }
        return out
    }

    /// A table under its caption, with its notes below.
    func table(_ table: TableView) -> String {
        var header = [DocxTable.Cell(runs: DocxXML.runs(table.stub), text: table.stub)]
        for column in table.columns {
            header.append(DocxTable.Cell(runs: DocxXML.runs(column.text), text: column.text, rightAligned: column.numeric))
        }
        var rows = [DocxTable.Row(cells: header, isHeader: true)]
        for row in table.rows {
            let bold = row.isTotal ? "<w:b/><w:bCs/>" : ""
            var cells = [DocxTable.Cell(runs: runs(row.headerSpans, bold + (row.isPart ? "<w:color w:val=\"5B5B66\"/>" : "")), text: row.header)]
            for cell in row.cells {
                // Met or not met is in the words; the colour only repeats it.
                let style = switch cell.status {
                case "met": "<w:rStyle w:val=\"Met\"/>"
                case "not-met": "<w:rStyle w:val=\"NotMet\"/>"
                default: ""
                }
                cells.append(DocxTable.Cell(runs: DocxXML.inLanguage(DocxXML.runs(cell.text, style + bold), languageTag(cell.lang)),
                                            text: cell.text, rightAligned: cell.numeric))
            }
            rows.append(DocxTable.Row(cells: cells, isTotal: row.isTotal, isPart: row.isPart))
        }
        var out = DocxXML.paragraph("Caption", "", runs(table.captionSpans))
        out += DocxTable(style: "ReportTable", rows: rows, caption: table.caption, available: available).xml
        for note in table.notes { out += DocxXML.paragraph("Note", "", DocxXML.runs(note)) }
        return out
    }
}
