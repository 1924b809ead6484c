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
                                    end: project.period.end.description, funding: funding, caseNumber: project.caseNumber,
                                    owner: project.owner, region: project.region, programmeArea: project.programmeArea, phase: project.phase)
        let budget = project.budget.flatMap { b -> XMLBudget? in
            b.lines.isEmpty ? nil : XMLBudget(unit: b.unit.rawValue, total: String(b.lines.map(\.amount).reduce(0, +)),
                                              lines: b.lines.map { XMLBudgetLine(label: $0.label, amount: String($0.amount)) })
        }
        let goals = xmlGoals(visibleOutcomes())
        guard let f = figures, f.source != .none else {
            return XMLView(hasFigures: false, project: xmlProject, participants: nil, exits: nil, subprojects: [], goals: goals, budget: budget)
        }
        // One that did not report (SPEC §3.3) is `reported="false"`, with no counts rather than zeros.
        let subprojects = project.subprojects.enumerated().map { i, s in
            let reported = f.reported(subproject: i)
            return XMLSubproject(id: s.id, name: s.name, group: s.group, granted: s.granted.map(String.init), reported: reported ? nil : "false",
                                 participants: reported ? xmlParticipants(f.subprojects[i], .subproject(i)) : nil,
                                 exits: reported ? xmlExits(f.subprojects[i], .subproject(i)) : nil)
        }
        var view = XMLView(hasFigures: true, project: xmlProject, participants: xmlParticipants(f.overall, .project),
                           exits: xmlExits(f.overall, .project), subprojects: subprojects,
                           subprojectsNotReported: f.notReported.isEmpty ? nil : String(f.notReported.count), goals: goals, budget: budget)
        view.groups = f.groups.enumerated().map { i, g in
            let reported = f.reported(g)
            return XMLGroup(name: g.name, subprojects: g.subprojects.map { project.subprojects[$0].id }.joined(separator: " "),
                            granted: g.granted.map(String.init), reported: reported ? nil : "false",
                            participants: reported ? xmlParticipants(g.figures, .group(i)) : nil,
                            exits: reported ? xmlExits(g.figures, .group(i)) : nil)
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
        view.breakdowns = xmlBreakdowns(f)
        view.esfPlus = project.esfPlus ? f.esf.map(xmlESF) : nil
        view.timeline = (f.timeline ?? []).map(xmlMonth)
        let s = suppression
        if s.threshold >= 2 || !s.sensitiveRows.isEmpty {
            view.disclosure = XMLDisclosure(suppressBelow: String(s.threshold), sensitiveBelow: String(s.sensitiveRows.isEmpty ? s.threshold : s.sensitiveThreshold),
                                            hiddenSmall: String(s.primary.count), hiddenToProtect: String(s.secondaryCount))
        }
        return view
    }

    /// The attributes an element leaves out, by name: all of them in
    /// `suppressed` (SPEC §5's core), the counts among them split into those
    /// small themselves (primary) and those hidden to protect them
    /// (secondary). A share is hidden with its counts and is neither.
    struct HiddenAttributes {
        var all: [String] = []
        var primary: [String] = []
        var secondary: [String] = []

        mutating func count(_ name: String, primary isPrimary: Bool) {
            all.append(name)
            if isPrimary { primary.append(name) } else { secondary.append(name) }
        }

        static func list(_ names: [String]) -> String? { names.isEmpty ? nil : names.joined(separator: " ") }

        func write(to counts: inout XMLCounts) {
            counts.suppressed = Self.list(all)
            counts.suppressedPrimary = Self.list(primary)
            counts.suppressedSecondary = Self.list(secondary)
        }
    }

    /// A count's attribute value, or nil with its name noted when disclosure control hides it.
    func xmlCount(_ name: String, _ value: Int, _ cell: Cell, _ hidden: inout HiddenAttributes) -> String? {
        guard suppression.isHidden(cell) else { return String(value) }
        hidden.count(name, primary: suppression.isPrimary(cell))
        return nil
    }

    /// The attributes of one row of counts, with the names of those hidden.
    func xmlCounts(_ c: GenderCounts, _ scope: Suppression.Scope, _ row: Suppression.Row, shareOf denominator: (Int, Cell)? = nil) -> XMLCounts {
        var hidden = HiddenAttributes()
        var counts = XMLCounts(total: xmlCount("total", c.total, Cell(scope, row, nil), &hidden),
                               women: xmlCount("women", c.women, Cell(scope, row, .woman), &hidden),
                               men: xmlCount("men", c.men, Cell(scope, row, .man), &hidden),
                               other: xmlCount("other", c.other, Cell(scope, row, .other), &hidden))
        if let (n, cell) = denominator, let share = Share(c.total, of: n) {
            if suppression.isHidden(Cell(scope, row, nil)) || suppression.isHidden(cell) { hidden.all.append("share") } else {
                counts.share = share.oneDecimal.fixed
            }
        }
        hidden.write(to: &counts)
        return counts
    }

    func xmlParticipants(_ b: Breakdown, _ scope: Suppression.Scope) -> XMLCounts {
        var hidden = HiddenAttributes()
        var counts = XMLCounts(total: xmlCount("total", b.participants.total, Cell(scope, .participants, nil), &hidden),
                               women: xmlCount("women", b.participants.women, Cell(scope, .participants, .woman), &hidden),
                               men: xmlCount("men", b.participants.men, Cell(scope, .participants, .man), &hidden),
                               other: xmlCount("other", b.participants.other, Cell(scope, .participants, .other), &hidden))
        counts.active = xmlCount("active", b.active.total, Cell(scope, .active, nil), &hidden)
        counts.ended = xmlCount("ended", b.ended.total, Cell(scope, .ended, nil), &hidden)
        hidden.write(to: &counts)
        return counts
    }

    func xmlExits(_ b: Breakdown, _ scope: Suppression.Scope) -> XMLExits {
        var hidden = HiddenAttributes()
        let ended = xmlCount("ended", b.ended.total, Cell(scope, .ended, nil), &hidden)
        return XMLExits(ended: ended, suppressed: HiddenAttributes.list(hidden.all), suppressedPrimary: HiddenAttributes.list(hidden.primary),
                        suppressedSecondary: HiddenAttributes.list(hidden.secondary),
                        exits: project.exitReasons.enumerated().map { r, reason in
                            XMLExit(reason: reason.code, label: reason.label, positive: String(reason.positive),
                                    counts: xmlCounts(b.exits[r], scope, .exit(r), shareOf: (b.ended.total, Cell(scope, .ended, nil))))
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

    /// The user's breakdowns; the ESF+ ones are in `<esfPlus>`. A value's
    /// share is of the counted participants, as in the text.
    func xmlBreakdowns(_ f: Figures) -> [XMLBreakdown] {
        let participants = f.overall.participants
        return zip(project.breakdowns.indices, project.breakdowns).compactMap { b, declared in
            guard declared.esf == nil, f.breakdowns.indices.contains(b) else { return nil }
            let figures = f.breakdowns[b]
            func counts(_ c: GenderCounts, value: Int?) -> XMLCounts {
                xmlCounts(c, .project, .breakdown(b, value: value), shareOf: (participants.total, Cell(.project, .participants, nil)))
            }
            let values = zip(declared.values.indices, declared.values).map { v, value in
                XMLBreakdownValue(code: value.code, label: value.label,
                                  counts: counts(figures.values.indices.contains(v) ? figures.values[v] : GenderCounts(), value: v))
            }
            return XMLBreakdown(id: declared.id, sensitive: String(declared.sensitive), values: values,
                                notStated: figures.notStated.total > 0 ? counts(figures.notStated, value: nil) : nil)
        }
    }

    func xmlESF(_ esf: ESFFigures) -> XMLESFPlus {
        let words = labels.breakdowns
        return XMLESFPlus(indicators: ESFIndicator.allCases.map { i in
                              XMLIndicator(id: i.rawValue, kind: i.kind.rawValue, label: words.indicatorName(i), counts: xmlCounts(esf[i], .project, .esf(i)))
                          },
                          notStated: esf.notStated.filter { $0.counts.total > 0 }.map {
                              XMLESFNotStated(group: $0.group, counts: xmlCounts($0.counts, .project, .esfNotStated($0.group)))
                          })
    }

    /// A month's counts; its started by gender left out, every month alike,
    /// where `Suppression.hidesStartedByGender` says so.
    func xmlMonth(_ m: TimelineMonth) -> XMLMonth {
        let hidden = suppression.hidesStartedByGender
        return XMLMonth(month: m.isoMonth, started: String(m.started.total),
                        startedWomen: hidden ? nil : String(m.started.women), startedMen: hidden ? nil : String(m.started.men),
                        startedOther: hidden ? nil : String(m.started.other),
                        ended: String(m.ended.total), active: String(m.active.total), cumulative: String(m.cumulative.total),
                        suppressed: hidden ? "startedWomen startedMen startedOther" : nil)
    }

    func xmlGoals(_ outcomes: [GoalOutcome]) -> [XMLGoal] {
        let measured = figures.map { f in f.goals.map { $0.outcome != nil } } ?? outcomes.map { _ in false }
        return outcomes.enumerated().map { i, o in
            let isCount = o.goal.metric == .participants
            return XMLGoal(id: o.goal.id, metric: o.goal.metric.rawValue, unit: isCount ? "count" : "percent",
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
