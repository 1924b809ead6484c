/// The charts the Markdown report links to, as SVG files under charts/.
struct ChartWriter: FormatWriter {
    func files(_ document: ReportDocument, log: inout DiagnosticLog) -> [OutputFile] {
        document.view.sections.flatMap(\.figures).flatMap(\.charts).map { ($0.file, Array($0.svgFile.utf8)) }
    }
}

/// Copies of the narrative's images under images/, for the Markdown report
/// to link to (the HTML embeds them); each once, by name.
struct ImageCopyWriter: FormatWriter {
    func files(_ document: ReportDocument, log: inout DiagnosticLog) -> [OutputFile] {
        let images = Dictionary(document.images.map { ($0.file, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        return images.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
