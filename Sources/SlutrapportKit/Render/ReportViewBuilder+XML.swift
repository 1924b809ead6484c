extension ReportViewBuilder {
    /// Plain numbers for XML (SPEC §5): no grouping, `.` as decimal point,
    /// every count present unless disclosure control hides it (then named in
    /// `suppressed`), a share only where its denominator is not zero.
    func xmlView() -> XMLView {
        let funding = project.funding.flatMap { f -> XMLFunding? in
            guard f.esfGrant != nil || f.totalBudget != nil else { return nil }
            return XMLFunding(esfGrant: f.esfGrant.map(String.init), totalBudget: f.totalBudget.map(String.init))
        }
        let xmlProject = XMLProject(id: project.id, name: project.name, start: project.period.start.description,
                                    end: project.period.end.description, funding: funding)
        let budget = project.budget.flatMap { b -> XMLBudget? in
            b.lines.isEmpty ? nil : XMLBudget(unit: b.unit.rawValue, total: String(b.lines.map(\.amount).reduce(0, +)),
                                              lines: b.lines.map { XMLBudgetLine(label: $0.label, amount: String($0.amount)) })
        }
        let goals = xmlGoals(visibleOutcomes())
        guard let f = figures, f.source != .none else {
            return XMLView(hasFigures: false, project: xmlProject, participants: nil, exits: nil, subprojects: [], goals: goals, budget: budget)
        }
        let subprojects = project.subprojects.enumerated().map { i, s in
            XMLSubproject(id: s.id, name: s.name, group: s.group, granted: s.granted.map(String.init),
                          participants: xmlParticipants(f.subprojects[i], .subproject(i)), exits: xmlExits(f.subprojects[i], .subproject(i)))
        }
        var view = XMLView(hasFigures: true, project: xmlProject, participants: xmlParticipants(f.overall, .project),
                           exits: xmlExits(f.overall, .project), subprojects: subprojects, goals: goals, budget: budget)
        view.groups = f.groups.enumerated().map { i, g in
            XMLGroup(name: g.name, subprojects: g.subprojects.map { project.subprojects[$0].id }.joined(separator: " "),
                     granted: g.granted.map(String.init), participants: xmlParticipants(g.figures, .group(i)), exits: xmlExits(g.figures, .group(i)))
        }
        if f.source == .participants {
            view.activities = project.activities.enumerated().map { a, activity in
                XMLActivity(code: activity.code, counts: xmlCounts(f.overall.activities[a], .project, .activity(a),
                                                                   shareOf: (f.overall.participants.total, Cell(.project, .participants, nil))))
            }
        }
        view.ageBands = (f.ageBands ?? []).enumerated().map { i, b in
            XMLAgeBand(from: b.from.map(String.init), to: b.to.map(String.init), unknown: !b.known, counts: xmlCounts(b.counts, .project, .age(i)))
        }
        view.durations = f.durations.map(xmlDurations)
        return view
    }

    /// The attributes of one row of counts, with the names of those hidden.
    func xmlCounts(_ c: GenderCounts, _ scope: Suppression.Scope, _ row: Suppression.Row, shareOf denominator: (Int, Cell)? = nil) -> XMLCounts {
        var hidden: [String] = []
        func attribute(_ name: String, _ value: Int, _ gender: Gender?) -> String? {
            if suppression.isHidden(Cell(scope, row, gender)) {
                hidden.append(name)
                return nil
            }
            return String(value)
        }
        var counts = XMLCounts(total: attribute("total", c.total, nil), women: attribute("women", c.women, .woman),
                               men: attribute("men", c.men, .man), other: attribute("other", c.other, .other))
        if let (n, cell) = denominator, let share = Share(c.total, of: n) {
            if suppression.isHidden(Cell(scope, row, nil)) || suppression.isHidden(cell) { hidden.append("share") } else {
                counts.share = share.oneDecimal.fixed
            }
        }
        counts.suppressed = hidden.isEmpty ? nil : hidden.joined(separator: " ")
        return counts
    }

    func xmlParticipants(_ b: Breakdown, _ scope: Suppression.Scope) -> XMLCounts {
        var counts = xmlCounts(b.participants, scope, .participants)
        var hidden = counts.suppressed.map { [$0] } ?? []
        for (name, c, row) in [("active", b.active, Suppression.Row.active), ("ended", b.ended, .ended)] {
            let value: String? = suppression.isHidden(Cell(scope, row, nil)) ? nil : String(c.total)
            if value == nil { hidden.append(name) }
            if name == "active" { counts.active = value } else { counts.ended = value }
        }
        counts.suppressed = hidden.isEmpty ? nil : hidden.joined(separator: " ")
        return counts
    }

    func xmlExits(_ b: Breakdown, _ scope: Suppression.Scope) -> XMLExits {
        let endedHidden = suppression.isHidden(Cell(scope, .ended, nil))
        return XMLExits(ended: endedHidden ? nil : String(b.ended.total), suppressed: endedHidden ? "ended" : nil,
                        exits: project.exitReasons.enumerated().map { r, reason in
                            XMLExit(reason: reason.code, counts: xmlCounts(b.exits[r], scope, .exit(r), shareOf: (b.ended.total, Cell(scope, .ended, nil))))
                        })
    }

    func xmlDurations(_ d: Durations) -> XMLDurations {
        var hidden: [String] = []
        func median(_ name: String, _ value: Int?, _ gender: Gender?) -> String? {
            guard let value else { return nil }
            if suppression.isHidden(Cell(.project, .ended, gender)) {
                hidden.append(name)
                return nil
            }
            return String(value)
        }
        var x = XMLDurations(ended: String(d.ended.total), medianDays: median("medianDays", d.median, nil),
                             womenMedianDays: median("womenMedianDays", d.medianWomen, .woman),
                             menMedianDays: median("menMedianDays", d.medianMen, .man),
                             otherMedianDays: median("otherMedianDays", d.medianOther, .other))
        x.suppressed = hidden.isEmpty ? nil : hidden.joined(separator: " ")
        return x
    }

    func xmlGoals(_ outcomes: [GoalOutcome]) -> [XMLGoal] {
        let measured = figures.map { f in f.goals.map { $0.outcome != nil } } ?? outcomes.map { _ in false }
        return outcomes.enumerated().map { i, o in
            let isCount = o.goal.metric == .participants
            return XMLGoal(id: o.goal.id, metric: o.goal.metric.rawValue,
                           target: isCount ? String(o.goal.target.tenths / 10) : o.goal.target.description,
                           outcome: o.outcome.map {
                               switch $0 {
                               case .count(let n): String(n)
                               case .share(let s): s.oneDecimal.fixed
                               case .reported(let v): v.fixed
                               }
                           },
                           met: o.met.map { String($0) },
                           subproject: o.goal.subproject.map { project.subprojects[$0].id },
                           suppressed: measured[i] && o.outcome == nil ? "outcome" : nil,
                           text: o.goal.text,
                           byGender: o.byGender.map {
                               XMLGoalGender(gender: $0.gender.key, target: String($0.target), outcome: $0.outcome.map(String.init),
                                             met: $0.met.map { String($0) }, suppressed: $0.met != nil && $0.outcome == nil ? "outcome" : nil)
                           })
        }
    }
}

extension Decimal1 {
    /// Always one decimal: `57.0`.
    var fixed: String { "\(tenths / 10).\(tenths % 10)" }
}
