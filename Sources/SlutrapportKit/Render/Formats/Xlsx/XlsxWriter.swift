/// slutrapport.xlsx, for evaluators who work in a spreadsheet: the
/// project's facts on the first sheet, then every table of the report on
/// its own sheet, in the report's order, with the cells the Word report has.
/// Numbers are numbers with the report's precision as their format; a
/// count hidden by disclosure control is the text the report shows.
/// Identical views give identical bytes.
struct XlsxWriter: FormatWriter {
    func files(_ document: ReportDocument, log: inout DiagnosticLog) -> [OutputFile] {
        let view = document.view
        let package = XlsxPackage(sheets: Self.sheets(view), title: "\(view.project.name) – \(view.labels.finalReport)",
                                  languageTag: Language.officeTag(view.lang), generated: view.generated)
        do {
            return [(OutputFormat.xlsx.fileName, try OfficePackage.zip(package.parts()))]
        } catch {
            log.error(.outputFailed, "could not make \(OutputFormat.xlsx.fileName): \(error)",
                      at: SourceLocation(file: document.outputFolder.appendingPathComponent(OutputFormat.xlsx.fileName), line: 1, column: 1))
            return []
        }
    }

    /// The facts sheet, then one sheet a table in the order the report shows them.
    static func sheets(_ view: ReportView) -> [XlsxSheet] {
        var names = XlsxSheetNames()
        var sheets = [facts(view, name: names.name(for: view.labels.projectDetails, fallback: "1"))]
        for section in view.sections {
            for block in section.figures {
                for table in block.tables {
                    sheets.append(sheet(table, name: names.name(for: table.caption, fallback: table.id)))
                }
            }
        }
        return sheets
    }

    /// What the HTML report's title block and list of details show, a
    /// label and its value a row, and the notes on the figures below them.
    static func facts(_ view: ReportView, name: String) -> XlsxSheet {
        let labels = view.labels
        var sheet = XlsxSheet(name: name)
        sheet.rows.append(XlsxSheet.Row(cells: [XlsxSheet.Cell(text: labels.projectDetails, style: .bold)], overflows: true))
        func fact(_ label: String, _ value: XlsxSheet.Cell) {
            sheet.rows.append(XlsxSheet.Row(cells: [XlsxSheet.Cell(text: label, style: .bold), value]))
        }
        fact(labels.indexProject, XlsxSheet.Cell(text: view.project.name))
        fact(labels.asOf, XlsxSheet.Cell(text: view.asOf))
        if let generated = view.generated { fact(labels.generated, XlsxSheet.Cell(text: generated)) }
        for detail in view.details {
            // An amount keeps to the left, under the texts of the column.
            fact(detail.label, detail.number.map { cell($0, shown: detail.value, style: XlsxStyle(alignment: .left)) } ?? XlsxSheet.Cell(text: detail.value))
        }
        let notes = view.sections.flatMap(\.notes)
        if !notes.isEmpty {
            sheet.rows.append(XlsxSheet.Row(cells: []))
            for note in notes { sheet.rows.append(XlsxSheet.Row(cells: [XlsxSheet.Cell(text: note)], overflows: true)) }
        }
        return sheet
    }

    /// The caption in A1, the header row below it (both kept in view), the
    /// rows, and the table's notes after an empty row.
    static func sheet(_ table: TableView, name: String) -> XlsxSheet {
        var sheet = XlsxSheet(name: name, frozenRows: 2)
        sheet.rows.append(XlsxSheet.Row(cells: [XlsxSheet.Cell(text: table.caption, style: .bold)], overflows: true))
        // A column of goals met or not is centred, its header too.
        let statusColumns = Set(table.rows.flatMap { row in row.cells.indices.filter { row.cells[$0].status != nil } })
        func alignment(_ column: Int, numeric: Bool) -> XlsxStyle.Alignment {
            statusColumns.contains(column) ? .centered : numeric ? .right : .general
        }
        var header: [XlsxSheet.Cell?] = [XlsxSheet.Cell(text: table.stub, style: .bold)]
        for (i, column) in table.columns.enumerated() {
            header.append(XlsxSheet.Cell(text: column.text, style: XlsxStyle(bold: true, alignment: alignment(i, numeric: column.numeric))))
        }
        sheet.rows.append(XlsxSheet.Row(cells: header))
        for row in table.rows {
            let stub = XlsxStyle(bold: row.isTotal, alignment: row.isPart ? .indented : .general)
            var cells: [XlsxSheet.Cell?] = [row.header.isEmpty ? nil : XlsxSheet.Cell(text: row.header, style: stub)]
            for (i, cell) in row.cells.enumerated() {
                if let number = cell.number {
                    cells.append(self.cell(number, shown: cell.text, style: XlsxStyle(bold: row.isTotal)))
                } else if cell.text.isEmpty {
                    cells.append(nil)
                } else {
                    // `<5`, `..` and `–` stand where a number would: aligned as one.
                    cells.append(XlsxSheet.Cell(text: cell.text, style: XlsxStyle(bold: row.isTotal, alignment: alignment(i, numeric: cell.numeric))))
                }
            }
            sheet.rows.append(XlsxSheet.Row(cells: cells))
        }
        if !table.notes.isEmpty {
            sheet.rows.append(XlsxSheet.Row(cells: []))
            for note in table.notes { sheet.rows.append(XlsxSheet.Row(cells: [XlsxSheet.Cell(text: note)], overflows: true)) }
        }
        return sheet
    }

    /// A number cell: a share as its fraction, in the format of the report's precision.
    static func cell(_ number: CellNumber, shown: String, style: XlsxStyle) -> XlsxSheet.Cell {
        let value = switch number.unit {
        case .count, .kr, .tkr: String(number.value)
        case .percent: decimal(number.value, places: 2)
        case .percentTenths: decimal(number.value, places: 3)
        }
        var style = style
        style.format = XlsxStyle.NumberFormat(number.unit)
        return XlsxSheet.Cell(number: value, shown: shown, style: style)
    }

    /// `value` × 10^-places in decimal digits without trailing zeros: 43, 2 → `0.43`; 575, 3 → `0.575`; 100, 2 → `1`.
    static func decimal(_ value: Int, places: Int) -> String {
        let digits = String(value.magnitude)
        let padded = String(repeating: "0", count: max(places + 1 - digits.count, 0)) + digits
        let whole = padded.dropLast(places)
        var fraction = padded.suffix(places)
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return (value < 0 ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}
