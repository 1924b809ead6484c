/// The chart by month (SPEC §4.10): started in all and active as lines, and
/// the participants goal's target as a dashed line where there is one.
/// Totals only, as the table by quarter (docs/disclosure.md).
extension ReportViewBuilder {
    func timelineChart(_ months: [TimelineMonth]) -> ChartView {
        let words = labels.timeline
        let target = project.goals.first { $0.metric == .participants && $0.subproject == nil }.map { $0.target.tenths / 10 }
        let left = 50.0, right = 600.0, top = 44.0, bottom = 250.0
        var svg = SVG(id: "over-tid", width: 640, height: 290)
        // The axis ends at a round number above the largest line: a whole 10, 50 or 100.
        let largest = max(1, months.map(\.cumulative.total).max() ?? 1, target ?? 0)
        let step = largest <= 40 ? 10 : largest <= 200 ? 50 : 100
        let axis = (largest + step - 1) / step * step
        func x(_ i: Int) -> Double { months.count == 1 ? left : left + (right - left) * Double(i) / Double(months.count - 1) }
        func y(_ n: Int) -> Double { bottom - (bottom - top) * Double(n) / Double(axis) }
        for tick in stride(from: 0, through: axis, by: max(step, axis / 5 / step * step)) {
            svg.line(x1: left, y1: y(tick), x2: right, y2: y(tick), stroke: Palette.rule)
            svg.text(style.count(tick), x: left - 6, y: y(tick) + 4, anchor: .end, size: 11)
        }
        // Months named along the bottom, from the first, never closer than a
        // label's width (a `YYYY-MM` at size 11 is about 45 of the 550 wide):
        // every third month, or every 6th, 12th … as the period grows.
        let fits = Int((right - left) / 55)
        let every = [3, 6, 12, 24, 36, 60, 120, 240, 600, 1200].first { (months.count + $0 - 1) / $0 <= fits } ?? max(1, months.count)
        for i in stride(from: 0, to: months.count, by: every) {
            svg.text(months[i].isoMonth, x: x(i), y: bottom + 18, anchor: .middle, size: 11)
        }
        let cumulativeName = words.cumulative, activeName = labels.active
        var legend: [(String, String, Double, String?)] = [(cumulativeName, Palette.cumulative, 3, nil), (activeName, Palette.active, 2, nil)]
        if let target {
            svg.line(x1: left, y1: y(target), x2: right, y2: y(target), stroke: Palette.muted, width: 1.5, dash: "6 4")
            legend.append((words.goalLine(style.count(target)), Palette.muted, 1.5, "6 4"))
        }
        svg.polyline(months.indices.map { (x($0), y(months[$0].cumulative.total)) }, stroke: Palette.cumulative, width: 3)
        svg.polyline(months.indices.map { (x($0), y(months[$0].active.total)) }, stroke: Palette.active, width: 2)
        var lx = left
        for (name, color, width, dash) in legend {
            svg.line(x1: lx, y1: 14, x2: lx + 22, y2: 14, stroke: color, width: width, dash: dash)
            svg.text(name, x: lx + 28, y: 18)
            lx += 48 + Double(name.count) * 7
        }
        var parts = months.map { m in
            DescriptionPart(name: m.isoMonth, lang: nil,
                            figures: "\(cumulativeName.lowercased()) \(style.count(m.cumulative.total)), \(activeName.lowercased()) \(style.count(m.active.total))")
        }
        if let target { parts.append(DescriptionPart(name: labels.goal, lang: nil, figures: style.count(target))) }
        var series = [ChartSeries(name: cumulativeName, color: rgb(Palette.cumulative), values: months.map { count($0.cumulative.total) }),
                      ChartSeries(name: activeName, color: rgb(Palette.active), values: months.map { count($0.active.total) })]
        if let target {
            series.append(ChartSeries(name: words.goalLine(style.count(target)), color: rgb(Palette.muted), values: months.map { _ in count(target) }))
        }
        return chart(words.chartTitle, parts, svg, ChartData(kind: .lines, categories: months.map(\.isoMonth), series: series, axisMaximum: Double(axis)))
    }

    private func count(_ n: Int) -> ChartValue { ChartValue(number: Double(n), unit: .count, text: style.count(n)) }
}
