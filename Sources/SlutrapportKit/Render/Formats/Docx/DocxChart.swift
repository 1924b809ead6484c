/// The report's charts as native Word charts (DrawingML chart parts): bars
/// across, as the SVG draws them, with every number cached in the part so
/// that Word and LibreOffice draw it, and a user can restyle it or read its
/// figures, without an embedded workbook. A count hidden by disclosure
/// control is left out of the cache (a gap), never drawn at its size.
enum DocxChart {
    static let chartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let wordDrawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The chart part `word/charts/chartN.xml`: a `c:chartSpace` whose series carry their data cached
    /// (`c:strCache`, `c:numCache`), so Word and LibreOffice draw it without an embedded workbook.
    static func part(_ chart: ChartView, lang: String) -> [UInt8] {
        let data = chart.data
        let numbers = (Language(rawValue: lang) ?? .sv).translation.numbers
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        x += "<c:chartSpace xmlns:c=\"\(chartNamespace)\" xmlns:a=\"\(drawingNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
        x += "<c:date1904 val=\"0\"/><c:lang val=\"\(DocxXML.escaped(lang))\"/><c:roundedCorners val=\"0\"/>"
        // No title inside: the writer sets it as a Caption paragraph above the drawing, as for a table.
        x += "<c:chart><c:autoTitleDeleted val=\"1\"/>"
        x += "<c:plotArea><c:layout/>"
        let groups = data.kind == .lines ? [] : unitGroups(data)
        var index = 0
        if data.kind == .lines {
            x += lineChart(data, numbers: numbers)
            index = data.series.count
        }
        for (n, group) in groups.enumerated() {
            x += "<c:barChart><c:barDir val=\"bar\"/>"
            x += "<c:grouping val=\"\(data.kind == .stackedBars ? "stacked" : "clustered")\"/><c:varyColors val=\"0\"/>"
            for series in group.series {
                x += seriesXML(series, index: index, data: data, numbers: numbers)
                index += 1
            }
            x += data.kind == .stackedBars ? "<c:gapWidth val=\"60\"/><c:overlap val=\"100\"/>" : "<c:gapWidth val=\"60\"/>"
            x += "<c:axId val=\"\(categoryAxisID + 2 * n)\"/><c:axId val=\"\(valueAxisID + 2 * n)\"/></c:barChart>"
        }
        for (n, group) in groups.enumerated() {
            let format = group.unit.map { self.format(ChartValue(number: 0, unit: $0, text: ""), numbers) } ?? axisFormat(data, numbers)
            x += axes(category: categoryAxisID + 2 * n, value: valueAxisID + 2 * n, secondary: n > 0, format: format, maximum: data.axisMaximum)
        }
        x += "</c:plotArea>"
        // A second group repeats the first one's series names: the legend names each once.
        x += "<c:legend><c:legendPos val=\"t\"/>"
        for i in groups.count > 1 ? data.series.count..<index : 0..<0 {
            x += "<c:legendEntry><c:idx val=\"\(i)\"/><c:delete val=\"1\"/></c:legendEntry>"
        }
        x += "<c:overlay val=\"0\"/></c:legend>"
        x += "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
        x += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        x += "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"900\">\(fill(Palette.ink))<a:latin typeface=\"+mj-lt\"/><a:cs typeface=\"+mj-cs\"/></a:defRPr></a:pPr>"
        x += "</a:p></c:txPr></c:chartSpace>\n"
        return Array(x.utf8)
    }

    /// What shows the chart in the body: one `<w:r>` holding `<w:drawing><wp:inline>…</wp:inline></w:drawing>`,
    /// `relationshipID` the document's r:id of the chart part, `drawingID` unique in the document
    /// (`wp:docPr id`), the alt text (every number, as the SVG description) in `wp:docPr descr`.
    static func drawing(_ chart: ChartView, relationshipID: String, drawingID: Int) -> String {
        let (width, height) = extent(chart.data)
        return "<w:r><w:drawing><wp:inline xmlns:wp=\"\(wordDrawingNamespace)\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(width)\" cy=\"\(height)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + "<wp:docPr id=\"\(drawingID)\" name=\"\(DocxXML.escaped(chart.id))\" title=\"\(DocxXML.escaped(chart.title))\" descr=\"\(DocxXML.escaped(chart.description))\"/>"
            + "<wp:cNvGraphicFramePr/><a:graphic xmlns:a=\"\(drawingNamespace)\"><a:graphicData uri=\"\(chartNamespace)\">"
            + "<c:chart xmlns:c=\"\(chartNamespace)\" xmlns:r=\"\(relationshipsNamespace)\" r:id=\"\(DocxXML.escaped(relationshipID))\"/>"
            + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    }

    // MARK: Parts of the chart

    /// Counts and per cents never share a value axis (282 participants beside
    /// 57 % would read as one scale): a chart mixing them draws each unit as
    /// a bar group of its own, the per cents over a second value axis along
    /// the top. Each group keeps every series, a point of the other unit left
    /// as a gap. A chart of one unit is one group (`unit` nil).
    static func unitGroups(_ data: ChartData) -> [(unit: ChartUnit?, series: [ChartSeries])] {
        let units = Set(data.series.flatMap(\.values).filter { $0.number != nil }.map(\.unit))
        guard units.count > 1 else { return [(nil, data.series)] }
        return [ChartUnit.count, .percent].map { unit in
            (unit, data.series.map { series in
                var series = series
                series.values = series.values.map { $0.unit == unit ? $0 : ChartValue(number: nil, unit: unit, text: "") }
                return series
            })
        }
    }

    /// A bar group's two axes: the categories down the left, the first at the top as in the SVG, and the
    /// values along the bottom (a second group's along the top, its categories not drawn twice).
    static func axes(category: Int, value: Int, secondary: Bool, format: String, maximum: Double?) -> String {
        var x = "<c:catAx><c:axId val=\"\(category)\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling><c:delete val=\"\(secondary ? 1 : 0)\"/>"
        x += "<c:axPos val=\"l\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/>"
        x += "<c:tickLblPos val=\"nextTo\"/><c:spPr>\(outline(Palette.rule))</c:spPr><c:crossAx val=\"\(value)\"/><c:crosses val=\"autoZero\"/>"
        x += "<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"1\"/></c:catAx>"
        x += "<c:valAx><c:axId val=\"\(value)\"/><c:scaling><c:orientation val=\"minMax\"/>"
        if let maximum { x += "<c:max val=\"\(number(maximum))\"/>" }
        x += "<c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"\(secondary ? "t" : "b")\"/>"
        if !secondary { x += "<c:majorGridlines><c:spPr>\(outline(Palette.rule))</c:spPr></c:majorGridlines>" }
        x += "<c:numFmt formatCode=\"\(DocxXML.escaped(format))\" sourceLinked=\"0\"/>"
        x += "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
        // With the categories from the top, "max" is the bottom edge and "autoZero" the top.
        x += "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:crossAx val=\"\(category)\"/><c:crosses val=\"\(secondary ? "autoZero" : "max")\"/>"
        x += "<c:crossBetween val=\"between\"/></c:valAx>"
        return x
    }

    /// Lines left to right, one a series, without markers or labels (a point a
    /// month): the alt text gives every number. The first series is drawn widest.
    static func lineChart(_ data: ChartData, numbers: NumberFormat) -> String {
        var x = "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
        for (i, series) in data.series.enumerated() {
            var s = seriesXML(series, index: i, data: data, numbers: numbers)
            // A line's colour is its outline, not a fill; the last series (a goal's target) dashed.
            let width = i == 0 ? 38100 : i == data.series.count - 1 && data.series.count > 2 ? 19050 : 28575
            let dash = i == data.series.count - 1 && data.series.count > 2 ? "<a:prstDash val=\"dash\"/>" : ""
            s = s.replacingOccurrences(of: "<c:spPr>\(fill(series.color))</c:spPr><c:invertIfNegative val=\"0\"/>",
                                       with: "<c:spPr><a:ln w=\"\(width)\">\(fill(series.color))\(dash)</a:ln></c:spPr><c:marker><c:symbol val=\"none\"/></c:marker>")
            if let start = s.range(of: "<c:dLbls>"), let end = s.range(of: "</c:dLbls>") { s.removeSubrange(start.lowerBound..<end.upperBound) }
            x += s.replacingOccurrences(of: "</c:val></c:ser>", with: "</c:val><c:smooth val=\"0\"/></c:ser>")
        }
        x += "<c:marker val=\"1\"/><c:axId val=\"\(categoryAxisID)\"/><c:axId val=\"\(valueAxisID)\"/></c:lineChart>"
        x += "<c:catAx><c:axId val=\"\(categoryAxisID)\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/>"
        x += "<c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/>"
        x += "<c:tickLblPos val=\"nextTo\"/><c:spPr>\(outline(Palette.rule))</c:spPr><c:crossAx val=\"\(valueAxisID)\"/><c:crosses val=\"autoZero\"/>"
        x += "<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:tickLblSkip val=\"3\"/><c:noMultiLvlLbl val=\"1\"/></c:catAx>"
        x += "<c:valAx><c:axId val=\"\(valueAxisID)\"/><c:scaling><c:orientation val=\"minMax\"/>"
        if let maximum = data.axisMaximum { x += "<c:max val=\"\(number(maximum))\"/>" }
        x += "<c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/>"
        x += "<c:majorGridlines><c:spPr>\(outline(Palette.rule))</c:spPr></c:majorGridlines>"
        x += "<c:numFmt formatCode=\"#,##0\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
        x += "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:crossAx val=\"\(categoryAxisID)\"/><c:crosses val=\"autoZero\"/>"
        x += "<c:crossBetween val=\"midCat\"/></c:valAx>"
        return x
    }

    /// Fixed, as everything in the package: a chart's two axes.
    static let categoryAxisID = 1001
    static let valueAxisID = 1002

    /// English Metric Units a centimetre.
    static let emuPerCentimetre = 360_000

    /// 16 cm wide (inside the reference document's margins); as tall as its
    /// bars need, plus the title, legend and value axis.
    static func extent(_ data: ChartData) -> (width: Int, height: Int) {
        if data.kind == .lines { return (16 * emuPerCentimetre, 8 * emuPerCentimetre) }
        let barsPerCategory = data.kind == .stackedBars ? 1 : max(1, data.series.count)
        let millimetres = 26 + data.categories.count * (barsPerCategory * 5 + 4)
        return (16 * emuPerCentimetre, millimetres * emuPerCentimetre / 10)
    }

    static func seriesXML(_ series: ChartSeries, index: Int, data: ChartData, numbers: NumberFormat) -> String {
        let column = String(UnicodeScalar(UInt8(66 + min(index, 24))))  // B, C, …: where a workbook would hold it
        let rows = data.categories.count
        var x = "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/>"
        x += "<c:tx><c:strRef><c:f>Sheet1!$\(column)$1</c:f><c:strCache><c:ptCount val=\"1\"/>"
        x += "<c:pt idx=\"0\"><c:v>\(DocxXML.escaped(series.name))</c:v></c:pt></c:strCache></c:strRef></c:tx>"
        // A stack's segments are parted by a white outline (see Palette); the hatching is outlined as in the SVG.
        let edge = series.hatched ? outline(Palette.muted) : data.kind == .stackedBars ? outline(Palette.separator) : ""
        x += "<c:spPr>\(series.hatched ? hatch() : fill(series.color))\(edge)</c:spPr>"
        x += "<c:invertIfNegative val=\"0\"/>"
        for (i, value) in series.values.enumerated() {
            guard let color = value.color else { continue }
            x += "<c:dPt><c:idx val=\"\(i)\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/><c:spPr>\(fill(color))</c:spPr></c:dPt>"
        }
        x += labels(series, stacked: data.kind == .stackedBars, numbers: numbers)
        x += "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$\(rows + 1)</c:f><c:strCache><c:ptCount val=\"\(rows)\"/>"
        for (i, category) in data.categories.enumerated() {
            x += "<c:pt idx=\"\(i)\"><c:v>\(DocxXML.escaped(category))</c:v></c:pt>"
        }
        x += "</c:strCache></c:strRef></c:cat>"
        x += "<c:val><c:numRef><c:f>Sheet1!$\(column)$2:$\(column)$\(rows + 1)</c:f><c:numCache>"
        x += "<c:formatCode>\(DocxXML.escaped(format(series.values.first, numbers)))</c:formatCode><c:ptCount val=\"\(rows)\"/>"
        // A hidden count, or a share of nobody, has no point: the chart shows a gap.
        for (i, value) in series.values.enumerated() {
            guard let n = value.number else { continue }
            x += "<c:pt idx=\"\(i)\" formatCode=\"\(DocxXML.escaped(format(value, numbers)))\"><c:v>\(number(n))</c:v></c:pt>"
        }
        x += "</c:numCache></c:numRef></c:val></c:ser>"
        return x
    }

    /// Each bar's number as the report writes it, at the bar's end (inside a stack).
    static func labels(_ series: ChartSeries, stacked: Bool, numbers: NumberFormat) -> String {
        let position = stacked ? "ctr" : "outEnd"
        let shown = series.hatched ? "0" : "1"
        let common = format(series.values.first, numbers)
        var x = "<c:dLbls>"
        // A point whose number reads differently (a goal in per cent among counts) gets its own format.
        for (i, value) in series.values.enumerated() where value.number != nil && format(value, numbers) != common {
            x += "<c:dLbl><c:idx val=\"\(i)\"/><c:numFmt formatCode=\"\(DocxXML.escaped(format(value, numbers)))\" sourceLinked=\"0\"/>"
            x += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:dLblPos val=\"\(position)\"/>"
            x += "<c:showLegendKey val=\"0\"/><c:showVal val=\"\(shown)\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>"
            x += "<c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbl>"
        }
        x += "<c:numFmt formatCode=\"\(DocxXML.escaped(common))\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        if stacked {
            x += "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"800\">\(fill(Palette.text(on: series.color)))</a:defRPr></a:pPr></a:p></c:txPr>"
        }
        x += "<c:dLblPos val=\"\(position)\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"\(shown)\"/><c:showCatName val=\"0\"/>"
        x += "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
        return x
    }

    /// A number format as Word's: a count with the reader's digit grouping, a
    /// per cent as the report writes it (the value is already in per cent).
    static func format(_ value: ChartValue?, _ numbers: NumberFormat) -> String {
        guard let value, value.unit == .percent else { return "#,##0" }
        let digits = value.number.map { $0 == $0.rounded() } ?? true ? "0" : "0.0"
        return digits + "\"" + numbers.percentSeparator + "%\""
    }

    /// The value axis reads as its bars, or plainly when a chart mixes counts and per cents.
    static func axisFormat(_ data: ChartData, _ numbers: NumberFormat) -> String {
        let units = Set(data.series.flatMap(\.values).map(\.unit))
        guard units.count == 1, let unit = units.first else { return "General" }
        return format(ChartValue(number: 0, unit: unit, text: ""), numbers)
    }

    /// A cached number: an integer without a point, otherwise one decimal.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }

    static func fill(_ color: String) -> String {
        "<a:solidFill><a:srgbClr val=\"\(color.drop { $0 == "#" }.uppercased())\"/></a:solidFill>"
    }

    /// A thin line (half a point) in a colour.
    static func outline(_ color: String) -> String {
        "<a:ln w=\"6350\">\(fill(color))</a:ln>"
    }

    /// The SVG's hatching for what disclosure control hides.
    static func hatch() -> String {
        "<a:pattFill prst=\"wdUpDiag\"><a:fgClr><a:srgbClr val=\"8A8A94\"/></a:fgClr><a:bgClr><a:srgbClr val=\"FFFFFF\"/></a:bgClr></a:pattFill>"
    }
}
