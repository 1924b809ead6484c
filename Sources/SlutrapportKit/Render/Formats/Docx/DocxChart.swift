/// The report's charts as native Word charts (DrawingML chart parts).
/// A stub until the charts land: an empty chart part, and the chart's title
/// as a plain run where the chart will stand.
enum DocxChart {
    /// The chart part `word/charts/chartN.xml`: a `c:chartSpace` whose series carry their data cached
    /// (`c:strCache`, `c:numCache`), so Word and LibreOffice draw it without an embedded workbook.
    static func part(_ chart: ChartView, lang: String) -> [UInt8] {
        Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"/>\n").utf8)
    }

    /// What shows the chart in the body: one `<w:r>` holding `<w:drawing><wp:inline>…</wp:inline></w:drawing>`,
    /// `relationshipID` the document's r:id of the chart part, `drawingID` unique in the document
    /// (`wp:docPr id`), the alt text (every number, as the SVG description) in `wp:docPr descr`.
    static func drawing(_ chart: ChartView, relationshipID: String, drawingID: Int) -> String {
        "<w:r><w:t xml:space=\"preserve\">\(XMLText().escapeText(chart.title))</w:t></w:r>"
    }
}
