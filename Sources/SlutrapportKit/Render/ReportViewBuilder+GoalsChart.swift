/// The goals chart: each measured goal on its own scale, a bar for the
/// outcome and a line for the target; a goal with gender targets has a bar
/// for each of them too, so that the chart (and its description) says which
/// gender fell short when the total alone reached its target.
extension ReportViewBuilder {
    /// One bar of the goals chart: a goal's outcome, or one gender's part of it.
    struct GoalBar {
        /// "kvinnor" for a gender's part, "totalt" for the total of a goal with parts, "" for a goal without.
        var name: String
        /// Nil when disclosure control hides it (then `hidden` says what it was).
        var value: Double?
        var target: Double
        var valueText: String
        var targetText: String
        /// Nil when it would say something of a hidden count.
        var met: Bool?
        var unit: ChartUnit
        /// The hidden count, for its mark and words.
        var hidden: Cell?

        /// "kvinnor 114 / 115", "282 / 255".
        var figures: String { (name.isEmpty ? "" : name + " ") + "\(valueText) / \(targetText)" }
    }

    func goalBars(_ o: GoalOutcome) -> [GoalBar] {
        let target = Double(o.goal.target.tenths) / 10
        let total: GoalBar = switch o.outcome {
        case .count(let n): GoalBar(name: "", value: Double(n), target: target, valueText: style.count(n),
                                    targetText: style.count(o.goal.target.tenths / 10), met: n * 10 >= o.goal.target.tenths, unit: .count)
        // A share drawn as the text gives it, in whole per cent.
        case .share(let s): GoalBar(name: "", value: Double(s.whole), target: target, valueText: style.percent(s.whole),
                                    targetText: style.percent(o.goal.target), met: o.met, unit: .percent)
        case .reported(let v): GoalBar(name: "", value: Double(v.tenths) / 10, target: target, valueText: style.percent(v),
                                       targetText: style.percent(o.goal.target), met: o.met, unit: .percent)
        case nil: GoalBar(name: "", value: nil, target: target, valueText: "", targetText: "", met: false, unit: .count)
        }
        let scope: Suppression.Scope = o.goal.subproject.map { .subproject($0) } ?? .project
        // A gender's part hidden by disclosure control shows its mark and no met / not met.
        let parts = o.byGender.map { part -> GoalBar in
            let cell = Cell(scope, .participants, part.gender)
            return GoalBar(name: genderLabel(part.gender).lowercased(), value: part.outcome.map(Double.init), target: Double(part.target),
                           valueText: part.outcome.map(style.count) ?? hiddenMark(cell), targetText: style.count(part.target),
                           met: part.met, unit: .count, hidden: part.outcome == nil ? cell : nil)
        }
        guard !parts.isEmpty else { return [total] }
        var named = total
        named.name = labels.total.lowercased()
        return [named] + parts
    }

    func goalsChart(_ outcomes: [GoalOutcome]) -> ChartView? {
        let measured = outcomes.filter { $0.outcome != nil }
        guard !measured.isEmpty else { return nil }
        let labelWidth = 250.0, barWidth = 220.0, barPitch = 20.0, linePitch = 15.0
        // Each goal's label in full, over as many lines as it needs, and with parts the goal's verdict under it.
        // The goal's own text (`ownLines`, in the project's language), then the verdict (the report's).
        let blocks = measured.map { o -> (label: [String], ownLines: Int, bars: [GoalBar]) in
            let bars = goalBars(o)
            let own = SVG.wrap(o.goal.text ?? o.goal.id, width: labelWidth - 10)
            let verdict = bars.count > 1 ? SVG.wrap(verdictLine(o, bars), width: labelWidth - 10) : []
            return (own + verdict, own.count, bars)
        }
        let heights = blocks.map { max(Double($0.label.count) * linePitch, Double($0.bars.count) * barPitch) + 10 }
        var svg = SVG(id: "mal", width: 640, height: Int(8 + heights.reduce(0, +)))
        var description: [DescriptionPart] = [], categories: [String] = []
        var outcomeSeries = ChartSeries(name: labels.outcome, color: rgb(Palette.met), values: [])
        var targetSeries = ChartSeries(name: labels.target, color: rgb(Palette.ink), values: [])
        var top = 8.0
        for ((o, block), height) in zip(zip(measured, blocks), heights) {
            for (n, line) in block.label.enumerated() {
                svg.text(line, x: 0, y: top + 12 + Double(n) * linePitch, lang: n < block.ownLines ? userLang : nil)
            }
            // One scale for a goal's bars, so that its parts compare with its total.
            let scale = barWidth / max(1, (block.bars.map { max($0.value ?? 0, $0.target) }.max() ?? 1) * 1.1)
            for (k, bar) in block.bars.enumerated() {
                drawGoalBar(&svg, bar, top: top + Double(k) * barPitch, x: labelWidth, scale: scale, single: block.bars.count == 1, met: o.met)
                categories.append(k == 0 ? "\(o.goal.text ?? o.goal.id)\(Self.mark(o.met))" : "\(labels.ofWhich) \(bar.name)\(Self.mark(bar.met))")
                outcomeSeries.values.append(bar.hidden.map { hiddenValue($0, unit: .count) }
                    ?? ChartValue(number: bar.value, unit: bar.unit, text: bar.valueText, color: bar.met == false ? rgb(Palette.notMet) : nil))
                targetSeries.values.append(ChartValue(number: bar.target, unit: bar.unit, text: bar.targetText))
            }
            description.append(goalDescription(o, block.bars))
            top += height
        }
        let data = ChartData(kind: .clusteredBars, categories: categories, series: [outcomeSeries, targetSeries], axisMaximum: nil)
        return chart(labels.goalsChartTitle, description, svg, data)
    }

    /// A bar, coloured by whether it reached its own target, the target's line across it, and its figures beside.
    /// " ✓", " ✗", or nothing where met / not met is not shown.
    static func mark(_ met: Bool?) -> String { met.map { $0 ? " ✓" : " ✗" } ?? "" }

    private func drawGoalBar(_ svg: inout SVG, _ bar: GoalBar, top y: Double, x: Double, scale: Double, single: Bool, met: Bool?) {
        if let value = bar.value {
            svg.rect(x: x, y: y + 4, w: value * scale, h: 13, fill: bar.met == false ? Palette.notMet : Palette.met)
        } else {
            svg.rect(x: x, y: y + 4, w: 20, h: 13, fill: svg.hiddenFill, stroke: Palette.muted)
        }
        svg.line(x1: x + bar.target * scale, y1: y + 1, x2: x + bar.target * scale, y2: y + 20, stroke: Palette.ink, width: 2)
        let end = max(bar.value.map { $0 * scale } ?? 20, bar.target * scale)
        // A goal without parts says its verdict here; a part says whether it reached its own target.
        let text = single ? "\(bar.figures)\(Self.mark(met)) \(verdict(met))" : "\(bar.figures)\(Self.mark(bar.met))"
        svg.text(text, x: x + end + 8, y: y + 15, size: 11)
    }

    /// "✗ ej uppfyllt: kvinnor 114 / 115": the goal's verdict, and what fell short.
    private func verdictLine(_ o: GoalOutcome, _ bars: [GoalBar]) -> String {
        guard let met = o.met else { return labels.goalNotShown }
        guard !met else { return "✓ \(labels.metText)" }
        return "✗ \(labels.notMetText): " + bars.filter { $0.met == false }.map(\.figures).joined(separator: ", ")
    }

    /// "uppfyllt", "ej uppfyllt", or that it is not shown for small numbers.
    private func verdict(_ met: Bool?) -> String {
        met.map { $0 ? labels.metText : labels.notMetText } ?? labels.goalNotShown
    }

    /// "Goal: not met; total outcome 282, target 255, met; women outcome 114, target 115, not met; …"
    private func goalDescription(_ o: GoalOutcome, _ bars: [GoalBar]) -> DescriptionPart {
        let verdict = verdict(o.met)
        let parts = bars.map { bar in
            let outcome = bar.hidden.map(hiddenWords) ?? "\(labels.outcome.lowercased()) \(bar.valueText)"
            return (bar.name.isEmpty ? "" : bar.name + " ") + "\(outcome), \(labels.target.lowercased()) \(bar.targetText)"
                + (bar.met.map { ", " + ($0 ? labels.metText : labels.notMetText) } ?? "")
        }
        let name = o.goal.text ?? o.goal.id
        guard bars.count > 1 else { return DescriptionPart(name: name, lang: userLang, figures: parts.joined()) }
        return DescriptionPart(name: name, lang: userLang, figures: "\(verdict); " + parts.joined(separator: "; "))
    }
}
