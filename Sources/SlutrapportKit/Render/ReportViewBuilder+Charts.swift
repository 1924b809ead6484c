/// The charts: exit reasons by gender, participants per subproject, goals.
/// Hidden counts (disclosure control) are drawn hatched at a fixed small
/// length, never at their true size.
extension ReportViewBuilder {
    /// One part of a chart's description: what it is about (a name, from
    /// project.yaml when `lang` is set) and its figures.
    struct DescriptionPart {
        var name: String
        var lang: String?
        var figures: String
    }

    /// A chart with its description: its title, then each part, `name: figures.`
    func chart(_ title: String, _ parts: [DescriptionPart], _ svg: SVG, _ data: ChartData) -> ChartView {
        let description = title + ". " + parts.map { "\($0.name): \($0.figures)" }.joined(separator: ". ") + "."
        let marked = svg.hasMarkedText
        var spans = [TextSpan(text: title + ". ", lang: nil)]
        for (k, part) in parts.enumerated() {
            spans.append(TextSpan(text: part.name, lang: part.lang))
            spans.append(TextSpan(text: ": " + part.figures + (k == parts.count - 1 ? "." : ". "), lang: nil))
        }
        return ChartView(id: svg.id, title: title, file: "charts/\(svg.id).svg",
                         svg: svg.document(title: title, description: description, standalone: false, lang: marked ? settings.lang.rawValue : nil),
                         svgFile: svg.document(title: title, description: description, standalone: true),
                         description: description, descriptionSpans: spans, drawingWrapperLang: marked ? userLang : nil, data: data)
    }

    /// A palette colour as DrawingML writes it: `RRGGBB`, no `#`.
    func rgb(_ color: String) -> String { String(color.drop { $0 == "#" }) }

    /// A count disclosure control hides: its mark, never its size.
    func hiddenValue(_ cell: Cell, unit: ChartUnit) -> ChartValue {
        ChartValue(number: nil, unit: unit, text: hiddenMark(cell), hidden: true)
    }

    /// "<5" for a small count, ".." for one hidden to protect another.
    func hiddenMark(_ cell: Cell) -> String {
        suppression.isPrimary(cell) ? "<\(suppression.threshold(of: cell))" : ".."
    }

    func hiddenWords(_ cell: Cell) -> String {
        suppression.isPrimary(cell) ? labels.fewerThan(suppression.threshold(of: cell)) : labels.hiddenCount
    }

    func legend(_ svg: inout SVG, _ shown: [Gender], x: Double, y: Double) {
        var x = x
        for g in shown {
            svg.rect(x: x, y: y - 10, w: 12, h: 12, fill: Palette.gender(g))
            svg.text(genderLabel(g), x: x + 17, y: y)
            x += 30 + Double(genderLabel(g).count) * 7
        }
    }

    func exitsChart(_ b: Breakdown) -> ChartView {
        let shown = genders(b.exits + [b.ended])
        let labelWidth = 170.0, barWidth = 380.0, rowHeight = Double(shown.count) * 16 + 12
        // A row grows to hold its label in full.
        let names = project.exitReasons.map { SVG.wrap($0.label, width: labelWidth - 10) }
        let heights = names.map { max(rowHeight, Double($0.count) * 14 + 8) }
        var svg = SVG(id: "avslutsorsaker", width: 640, height: Int(40 + heights.reduce(0, +) + 10))
        // The longest bar spans the width, rounded up to a whole ten per cent.
        let largest = project.exitReasons.indices.flatMap { r in shown.compactMap { Share(b.exits[r][$0], of: b.ended[$0])?.tenths } }.max() ?? 0
        let axis = Double(max(100, (largest + 99) / 100 * 100))
        legend(&svg, shown, x: labelWidth, y: 18)
        var description: [DescriptionPart] = []
        var series = shown.map { ChartSeries(name: genderLabel($0), color: rgb(Palette.gender($0)), values: []) }
        var top = 34.0
        for (r, reason) in project.exitReasons.enumerated() {
            defer { top += heights[r] }
            svg.lines(names[r], x: 0, middle: top + heights[r] / 2, lang: ownLabel(reason) ? userLang : nil)
            var parts: [String] = []
            for (k, g) in shown.enumerated() {
                let y = top + 4 + Double(k) * 16
                let cell = Cell(.project, .exit(r), g), den = Cell(.project, .ended, g)
                if suppression.isHidden(cell) || suppression.isHidden(den) {
                    svg.rect(x: labelWidth, y: y, w: 20, h: 13, fill: svg.hiddenFill, stroke: Palette.muted)
                    svg.text(hiddenMark(suppression.isHidden(cell) ? cell : den), x: labelWidth + 25, y: y + 11, size: 11)
                    parts.append("\(genderLabel(g).lowercased()) \(hiddenWords(suppression.isHidden(cell) ? cell : den))")
                    series[k].values.append(hiddenValue(suppression.isHidden(cell) ? cell : den, unit: .percent))
                } else if let share = Share(b.exits[r][g], of: b.ended[g]) {
                    let w = barWidth * Double(share.tenths) / axis
                    svg.rect(x: labelWidth, y: y, w: w, h: 13, fill: Palette.gender(g))
                    svg.text(style.percent(share.whole), x: labelWidth + w + 5, y: y + 11, size: 11)
                    parts.append("\(genderLabel(g).lowercased()) \(style.percent(share.whole)) (\(labels.of(style.count(b.exits[r][g]), style.count(b.ended[g]))))")
                    series[k].values.append(ChartValue(number: Double(share.whole), unit: .percent, text: style.percent(share.whole)))
                } else {
                    svg.text("–", x: labelWidth + 5, y: y + 11, size: 11)
                    parts.append("\(genderLabel(g).lowercased()) –")
                    series[k].values.append(ChartValue(number: nil, unit: .percent, text: "–"))
                }
            }
            description.append(DescriptionPart(name: reason.label, lang: ownLabel(reason) ? userLang : nil, figures: parts.joined(separator: ", ")))
        }
        svg.line(x1: labelWidth, y1: 30, x2: labelWidth, y2: Double(svg.height) - 6, stroke: Palette.rule)
        let data = ChartData(kind: .clusteredBars, categories: project.exitReasons.map(\.label), series: series, axisMaximum: Double(axis) / 10)
        return chart(labels.exitsChartTitle, description, svg, data)
    }

    func subprojectsChart(_ f: Figures) -> ChartView {
        let shown = genders(f.subprojects.map(\.participants))
        let labelWidth = 190.0, barWidth = 360.0, rowHeight = 24.0
        let maxTotal = max(1, f.subprojects.map(\.participants.total).max() ?? 1)
        let names = project.subprojects.map { SVG.wrap($0.name, width: labelWidth - 10) }
        let heights = names.map { max(rowHeight, Double($0.count) * 14 + 6) }
        var svg = SVG(id: "delprojekt", width: 640, height: Int(40 + heights.reduce(0, +) + 10))
        legend(&svg, shown, x: labelWidth, y: 18)
        var description: [DescriptionPart] = []
        var series = shown.map { ChartSeries(name: genderLabel($0), color: rgb(Palette.gender($0)), values: []) }
        // What the hidden counts of a shown total add up to, hatched as in the SVG.
        var hiddenSums = ChartSeries(name: labels.hiddenCount.prefix(1).uppercased() + labels.hiddenCount.dropFirst(), color: rgb(Palette.muted), hatched: true, values: [])
        var top = 34.0
        for (i, s) in project.subprojects.enumerated() {
            // The bar at the middle of a row that grew to hold its label.
            let b = f.subprojects[i], y = top + (heights[i] - rowHeight) / 2
            defer { top += heights[i] }
            guard f.reported(subproject: i) else {
                // No bar of zero for a subproject that did not report: the words, as in the tables.
                for k in series.indices { series[k].values.append(ChartValue(number: nil, unit: .count, text: labels.notReported)) }
                hiddenSums.values.append(ChartValue(number: nil, unit: .count, text: ""))
                svg.lines(names[i], x: 0, middle: y + rowHeight / 2, lang: userLang)
                svg.text(labels.notReported, x: labelWidth, y: y + 14, size: 11)
                description.append(DescriptionPart(name: s.name, lang: userLang, figures: labels.notReported))
                continue
            }
            for (k, g) in shown.enumerated() {
                let cell = Cell(.subproject(i), .participants, g)
                series[k].values.append(suppression.isHidden(cell) ? hiddenValue(cell, unit: .count)
                    : ChartValue(number: Double(b.participants[g]), unit: .count, text: style.count(b.participants[g])))
            }
            svg.lines(names[i], x: 0, middle: y + rowHeight / 2, lang: userLang)
            let scale = barWidth / Double(maxTotal)
            let totalCell = Cell(.subproject(i), .participants, nil)
            guard !suppression.isHidden(totalCell) else {
                svg.rect(x: labelWidth, y: y + 2, w: 20, h: 16, fill: svg.hiddenFill, stroke: Palette.muted)
                svg.text(hiddenMark(totalCell), x: labelWidth + 25, y: y + 14, size: 11)
                description.append(DescriptionPart(name: s.name, lang: userLang, figures: hiddenWords(totalCell)))
                hiddenSums.values.append(hiddenValue(totalCell, unit: .count))
                continue
            }
            var x = labelWidth
            var parts: [String] = []
            for g in shown where !suppression.isHidden(Cell(.subproject(i), .participants, g)) {
                let w = Double(b.participants[g]) * scale
                svg.rect(x: x, y: y + 2, w: w, h: 16, fill: Palette.gender(g), stroke: Palette.separator)
                if w > 26 { svg.text(style.count(b.participants[g]), x: x + w / 2, y: y + 14, anchor: .middle, size: 11, fill: Palette.text(on: Palette.gender(g))) }
                x += w
                parts.append("\(genderLabel(g).lowercased()) \(style.count(b.participants[g]))")
            }
            // Hidden counts are shown only as what the total already tells: their sum.
            let hidden = shown.filter { suppression.isHidden(Cell(.subproject(i), .participants, $0)) }
            let rest = hidden.reduce(0) { $0 + b.participants[$1] }
            hiddenSums.values.append(ChartValue(number: hidden.isEmpty ? nil : Double(rest), unit: .count, text: hidden.isEmpty ? "" : labels.hiddenCount))
            if !hidden.isEmpty {
                svg.rect(x: x, y: y + 2, w: Double(rest) * scale, h: 16, fill: svg.hiddenFill, stroke: Palette.muted)
                x += Double(rest) * scale
                parts.append(hidden.map { "\(genderLabel($0).lowercased()) \(hiddenWords(Cell(.subproject(i), .participants, $0)))" }.joined(separator: ", "))
            }
            svg.text(style.count(b.participants.total), x: x + 5, y: y + 14, size: 11, weight: "600")
            description.append(DescriptionPart(name: s.name, lang: userLang, figures: "\(style.count(b.participants.total)) (\(parts.joined(separator: ", ")))"))
        }
        if hiddenSums.values.contains(where: { $0.number != nil }) { series.append(hiddenSums) }
        let data = ChartData(kind: .stackedBars, categories: project.subprojects.map(\.name), series: series, axisMaximum: nil)
        return chart(labels.subprojectsChartTitle, description, svg, data)
    }
}
