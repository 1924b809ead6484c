extension ReportViewBuilder {
    /// The goals with their outcomes; an outcome drawn from a hidden count is hidden too.
    func visibleOutcomes() -> [GoalOutcome] {
        guard let f = figures else { return project.goals.map(GoalOutcome.init(unmeasured:)) }
        return f.goals.map { o in
            var o = o
            let scope: Suppression.Scope = o.goal.subproject.map { .subproject($0) } ?? .project
            let hide: Bool = switch o.goal.metric {
            case .participants: suppression.isHidden(Cell(scope, .participants, nil))
            case .exitShare: suppression.isHidden(Cell(scope, .ended, nil)) || o.goal.reasons.contains { suppression.isHidden(Cell(scope, .exit($0), nil)) }
                || hiddenByThreshold(o.outcome, threshold: suppression.threshold)
            case .activityShare: o.goal.activity.map { suppression.isHidden(Cell(.project, .activity($0), nil)) } ?? false
                || suppression.isHidden(Cell(.project, .participants, nil))
            // The breakdown's table is of the whole project: its hidden values hide a goal on the project.
            case .breakdownShare: scope == .project && o.goal.breakdown.map { b in
                    o.goal.breakdownValues.contains { suppression.isHidden(Cell(.project, .breakdown(b, value: $0), nil)) }
                } ?? false
                || suppression.isHidden(Cell(scope, .participants, nil)) || hiddenByThreshold(o.outcome, threshold: threshold(of: o.goal))
            case .reported: false
            }
            if hide { o.outcome = nil }
            for i in o.byGender.indices where suppression.isHidden(Cell(scope, .participants, o.byGender[i].gender)) {
                o.byGender[i].outcome = nil
            }
            return o
        }
    }

    /// A share whose numerator is a small count is hidden as the count would be.
    private func hiddenByThreshold(_ m: GoalOutcome.Measure?, threshold: Int) -> Bool {
        guard case .share(let s)? = m, threshold >= 2 else { return false }
        return s.numerator > 0 && s.numerator < threshold
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
        func hiddenText(_ n: Int) -> String { n >= 2 ? "<\(n)" : "–" }
        func value(_ m: GoalOutcome.Measure?, measured: Bool, threshold n: Int) -> CellView {
            switch m {
            case .count(let n): number(n)
            case .share(let s): share(s)
            case .reported(let v): percent(v)
            case nil: CellView(text: measured ? hiddenText(n) : "–", numeric: true, status: nil)
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
            for part in o.byGender {
                rows.append(RowView(header: "\(labels.ofWhich) \(genderLabel(part.gender).lowercased())",
                                    cells: [blank, number(part.target), value(part.outcome.map { .count($0) }, measured: part.met != nil, threshold: suppression.threshold), status(part.met)],
                                    isTotal: false, isPart: true))
            }
        }
        return TableView(id: "mal", caption: labels.goalsCaption, stub: labels.goal,
                         columns: [column(labels.metricHeading, numeric: false), column(labels.target), column(labels.outcome), column(labels.met, numeric: false)],
                         rows: rows)
    }
}
