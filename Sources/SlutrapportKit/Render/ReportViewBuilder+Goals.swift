extension ReportViewBuilder {
    /// The goals with their outcomes as the gate lets them be shown: an
    /// outcome whose count or denominator is hidden is hidden, and so is
    /// whether the goal was met (met / not met would bound the hidden count).
    func visibleOutcomes() -> [GoalOutcome] {
        figures?.visibleGoals() ?? project.goals.map(GoalOutcome.init(unmeasured:))
    }

    /// The N a goal's outcome is held to: a sensitive breakdown's, whatever `--suppress-below` is (SPEC §4.8).
    func threshold(of goal: Goal) -> Int {
        guard goal.metric == .breakdownShare, let b = goal.breakdown, project.breakdowns.indices.contains(b), project.breakdowns[b].sensitive else {
            return suppression.threshold
        }
        return suppression.sensitiveThreshold
    }

    func goalsTable() -> TableView {
        func target(_ goal: Goal) -> CellView {
            goal.metric == .participants ? number(goal.target.tenths / 10) : percent(goal.target)
        }
        func value(_ m: GoalOutcome.Measure?, measured: Bool, threshold n: Int) -> CellView {
            switch m {
            case .count(let n): number(n)
            case .share(let s): share(s)
            case .reported(let v): percent(v)
            case nil: CellView(text: measured ? labels.goalNotShown : "–", numeric: true, status: nil)
            }
        }
        func status(_ met: Bool?) -> CellView {
            guard let met else { return text("–") }
            return CellView(text: met ? "✓ \(labels.yes)" : "✗ \(labels.no)", numeric: false, status: met ? "met" : "not-met")
        }
        let measured = figures.map { f in f.goals.map { $0.outcome != nil } } ?? project.goals.map { _ in false }
        var rows: [RowView] = []
        for (i, o) in visibleOutcomes().enumerated() {
            var goal = o.goal.text ?? o.goal.id
            if let s = o.goal.subproject { goal += " (\(project.subprojects[s].name))" }
            var header = [userSpan(goal)]
            if o.goal.metric == .reported, let source = o.goal.source {
                header += [TextSpan(text: " — \(labels.source): ", lang: nil), userSpan(source)]
            }
            // Measured on a subproject that did not report: said so, not a dash.
            let outcome = o.goal.subproject.map { figures?.reported(subproject: $0) == false } == true
                ? CellView(text: labels.notReported, numeric: true, status: nil) : value(o.outcome, measured: measured[i], threshold: threshold(of: o.goal))
            rows.append(RowView(headerSpans: header, cells: [text(labels.metric(o.goal.metric)), target(o.goal), outcome, status(o.met)], isTotal: false))
            for (j, part) in o.byGender.enumerated() {
                let partMeasured = figures.map { $0.goals[i].byGender[j].met != nil } ?? false
                rows.append(RowView(header: "\(labels.ofWhich) \(genderLabel(part.gender).lowercased())",
                                    cells: [blank, number(part.target), value(part.outcome.map { .count($0) }, measured: partMeasured, threshold: suppression.threshold), status(part.met)],
                                    isTotal: false, isPart: true))
            }
        }
        return TableView(id: "mal", caption: labels.goalsCaption, stub: labels.goal,
                         columns: [column(labels.metricHeading, numeric: false), column(labels.target), column(labels.outcome), column(labels.met, numeric: false)],
                         rows: rows)
    }
}
