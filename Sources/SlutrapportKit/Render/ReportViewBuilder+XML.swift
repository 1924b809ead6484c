extension ReportViewBuilder {
    /// Plain numbers for XML (SPEC §5): no grouping, `.` as decimal point,
    /// every count present, a share only where its denominator is not zero.
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
        guard let f = figures, f.source != .none else {
            return XMLView(hasFigures: false, project: xmlProject, participants: nil, exits: nil, subprojects: [],
                           goals: xmlGoals(project.goals.map(GoalOutcome.init(unmeasured:))), budget: budget)
        }
        let subprojects = project.subprojects.enumerated().map { i, s in
            XMLSubproject(id: s.id, name: s.name, group: s.group, granted: s.granted.map(String.init),
                          participants: xmlCounts(f.subprojects[i]), exits: xmlExits(f.subprojects[i]))
        }
        var view = XMLView(hasFigures: true, project: xmlProject, participants: xmlCounts(f.overall), exits: xmlExits(f.overall),
                           subprojects: subprojects, goals: xmlGoals(f.goals), budget: budget)
        view.groups = f.groups.map { g in
            XMLGroup(name: g.name, subprojects: g.subprojects.map { project.subprojects[$0].id }.joined(separator: " "),
                     granted: g.granted.map(String.init), participants: xmlCounts(g.figures), exits: xmlExits(g.figures))
        }
        if f.source == .participants {
            view.activities = project.activities.enumerated().map { a, activity in
                let c = f.overall.activities[a]
                return XMLActivity(code: activity.code, total: String(c.total), women: String(c.women), men: String(c.men),
                                   other: String(c.other), share: Share(c.total, of: f.overall.participants.total).map { $0.oneDecimal.fixed })
            }
        }
        view.ageBands = (f.ageBands ?? []).map { b in
            XMLAgeBand(from: b.from.map(String.init), to: b.to.map(String.init), unknown: !b.known, total: String(b.counts.total),
                       women: String(b.counts.women), men: String(b.counts.men), other: String(b.counts.other))
        }
        view.durations = f.durations.map { d in
            XMLDurations(ended: String(d.ended.total), medianDays: d.median.map(String.init), womenMedianDays: d.medianWomen.map(String.init),
                         menMedianDays: d.medianMen.map(String.init), otherMedianDays: d.medianOther.map(String.init))
        }
        return view
    }

    func xmlCounts(_ b: Breakdown) -> XMLCounts {
        XMLCounts(total: String(b.participants.total), women: String(b.participants.women), men: String(b.participants.men),
                  other: String(b.participants.other), active: String(b.active.total), ended: String(b.ended.total))
    }

    func xmlExits(_ b: Breakdown) -> XMLExits {
        XMLExits(ended: String(b.ended.total), exits: project.exitReasons.enumerated().map { r, reason in
            let c = b.exits[r]
            return XMLExit(reason: reason.code, total: String(c.total), women: String(c.women), men: String(c.men),
                           other: String(c.other), share: Share(c.total, of: b.ended.total).map { $0.oneDecimal.fixed })
        })
    }

    func xmlGoals(_ outcomes: [GoalOutcome]) -> [XMLGoal] {
        outcomes.map { o in
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
                           text: o.goal.text,
                           byGender: o.byGender.map {
                               XMLGoalGender(gender: $0.gender.key, target: String($0.target), outcome: $0.outcome.map(String.init),
                                             met: $0.met.map { String($0) })
                           })
        }
    }
}

extension Decimal1 {
    /// Always one decimal: `57.0`.
    var fixed: String { "\(tenths / 10).\(tenths % 10)" }
}
