extension ReportViewBuilder {
    /// The figures under the results heading, in reading order.
    func figureBlocks() -> [FigureBlock] {
        var blocks: [FigureBlock] = []
        if let f = figures, f.source != .none {
            var participantTables = [participantsTable(f.overall, scope: nil, id: "deltagare")]
            if let bands = f.ageBands, f.overall.participants.total > 0 { participantTables.append(ageTable(bands)) }
            blocks.append(FigureBlock(heading: labels.participants, anchor: "deltagare", tables: participantTables))
            if f.overall.ended.total > 0 {
                var exits = exitsTable(f.overall, scope: nil, id: "avslut")
                exits.notes = [labels.sharesNote]
                var tables = [exits]
                if let d = f.durations { tables.append(durationsTable(d)) }
                blocks.append(FigureBlock(heading: labels.exitReasons, anchor: "avslutsorsaker", tables: tables))
            }
            if f.source == .participants, !project.activities.isEmpty {
                var table = activitiesTable(f.overall)
                table.notes = [labels.activitiesNote]
                blocks.append(FigureBlock(heading: labels.activities, anchor: "aktiviteter", tables: [table]))
            }
            if !project.subprojects.isEmpty {
                var tables = [subprojectsTable(f)]
                if !f.groups.isEmpty { tables.append(groupsTable(f)) }
                for g in f.groups where g.figures.ended.total > 0 {
                    tables.append(exitsTable(g.figures, caption: labels.groupExitsCaption(g.name), id: "avslut-omrade-\(g.subprojects[0])"))
                }
                for (i, s) in project.subprojects.enumerated() where f.subprojects[i].ended.total > 0 {
                    tables.append(exitsTable(f.subprojects[i], scope: s.name, id: "avslut-\(s.id)"))
                }
                blocks.append(FigureBlock(heading: labels.subprojects, anchor: "delprojekt", tables: tables))
            }
        }
        if !project.goals.isEmpty {
            var table = goalsTable()
            if figures == nil { table.notes = [labels.noParticipantData] }
            blocks.append(FigureBlock(heading: labels.goals, anchor: "mal", tables: [table]))
        }
        if let budget = project.budget, !budget.lines.isEmpty {
            blocks.append(FigureBlock(heading: labels.budget, anchor: "budget", tables: [budgetTable(budget)]))
        }
        return blocks
    }

    /// Genders shown in a table: women and men always, other only where non-zero.
    func genders(_ rows: [GenderCounts]) -> [Gender] {
        rows.contains { $0.other > 0 } ? [.woman, .man, .other] : [.woman, .man]
    }

    func genderLabel(_ g: Gender) -> String {
        switch g {
        case .woman: labels.women
        case .man: labels.men
        case .other: labels.other
        }
    }

    func number(_ n: Int) -> CellView { CellView(text: style.count(n), numeric: true, status: nil) }
    func text(_ s: String) -> CellView { CellView(text: s, numeric: false, status: nil) }
    func share(_ s: Share?) -> CellView { CellView(text: s.map { style.percent($0.whole) } ?? "–", numeric: true, status: nil) }
    func column(_ s: String, numeric: Bool = true) -> ColumnView {
        ColumnView(text: s, numeric: numeric, markdownAlign: numeric ? "---:" : ":---")
    }

    func participantsTable(_ b: Breakdown, scope: String?, id: String) -> TableView {
        let shown = genders([b.participants])
        let rows = [(labels.participants, b.participants), (labels.active, b.active), (labels.ended, b.ended)].map { label, c in
            RowView(header: label, cells: shown.map { number(c[$0]) } + [number(c.total)], isTotal: false)
        }
        return TableView(id: id, caption: labels.participantsCaption(scope), stub: "",
                         columns: shown.map { column(genderLabel($0)) } + [column(labels.total)], rows: rows)
    }

    func exitsTable(_ b: Breakdown, scope: String?, id: String) -> TableView {
        exitsTable(b, caption: labels.exitsCaption(scope), id: id)
    }

    func exitsTable(_ b: Breakdown, caption: String, id: String) -> TableView {
        let shown = genders(b.exits + [b.ended])
        var columns: [ColumnView] = []
        for g in shown { columns += [column(genderLabel(g)), column("%")] }
        columns += [column(labels.total), column("%")]
        var rows: [RowView] = []
        for (r, reason) in project.exitReasons.enumerated() {
            let c = b.exits[r]
            var cells: [CellView] = []
            for g in shown { cells += [number(c[g]), share(Share(c[g], of: b.ended[g]))] }
            cells += [number(c.total), share(Share(c.total, of: b.ended.total))]
            rows.append(RowView(header: reason.label, cells: cells, isTotal: false))
        }
        var totals: [CellView] = []
        for g in shown { totals += [number(b.ended[g]), text("")] }
        totals += [number(b.ended.total), text("")]
        rows.append(RowView(header: labels.ended, cells: totals, isTotal: true))
        return TableView(id: id, caption: caption, stub: labels.exitReason, columns: columns, rows: rows)
    }

    func ageTable(_ bands: [AgeBand]) -> TableView {
        let shown = genders(bands.map(\.counts))
        let rows = bands.filter { $0.known || $0.counts.total > 0 }.map { band in
            RowView(header: band.known ? "\(band.from.map(String.init) ?? "")–\(band.to.map(String.init) ?? "")" : labels.ageUnknown,
                    cells: shown.map { number(band.counts[$0]) } + [number(band.counts.total)], isTotal: false)
        }
        let total = bands.map(\.counts).reduce(GenderCounts(), +)
        return TableView(id: "alder", caption: labels.ageCaption, stub: labels.ageBand,
                         columns: shown.map { column(genderLabel($0)) } + [column(labels.total)],
                         rows: rows + [RowView(header: labels.total, cells: shown.map { number(total[$0]) } + [number(total.total)], isTotal: true)])
    }

    func durationsTable(_ d: Durations) -> TableView {
        let shown = genders([d.ended])
        let medians: [Gender: Int?] = [.woman: d.medianWomen, .man: d.medianMen, .other: d.medianOther]
        func median(_ m: Int?) -> CellView { m.map(number) ?? CellView(text: "–", numeric: true, status: nil) }
        return TableView(id: "tid", caption: labels.durationsCaption, stub: "",
                         columns: shown.map { column(genderLabel($0)) } + [column(labels.total)],
                         rows: [RowView(header: labels.ended, cells: shown.map { number(d.ended[$0]) } + [number(d.ended.total)], isTotal: false),
                                RowView(header: labels.medianDays, cells: shown.map { median(medians[$0] ?? nil) } + [median(d.median)], isTotal: false)])
    }

    func activitiesTable(_ b: Breakdown) -> TableView {
        let shown = genders([b.participants])
        var columns: [ColumnView] = []
        for g in shown { columns += [column(genderLabel(g)), column("%")] }
        columns += [column(labels.total), column("%")]
        let rows = project.activities.enumerated().map { a, activity in
            let c = b.activities[a]
            var cells: [CellView] = []
            for g in shown { cells += [number(c[g]), share(Share(c[g], of: b.participants[g]))] }
            cells += [number(c.total), share(Share(c.total, of: b.participants.total))]
            return RowView(header: activity.label, cells: cells, isTotal: false)
        }
        return TableView(id: "aktiviteter", caption: labels.activitiesCaption, stub: labels.activity, columns: columns, rows: rows)
    }

    func budgetTable(_ budget: Budget) -> TableView {
        func amount(_ n: Int) -> CellView { CellView(text: style.amount(n, unit: budget.unit), numeric: true, status: nil) }
        let rows = budget.lines.map { RowView(header: $0.label, cells: [amount($0.amount)], isTotal: false) }
        return TableView(id: "budget", caption: labels.budgetCaption, stub: labels.budgetLine, columns: [column(labels.amount)],
                         rows: rows + [RowView(header: labels.total, cells: [amount(budget.lines.map(\.amount).reduce(0, +))], isTotal: true)])
    }

    func subprojectsTable(_ f: Figures) -> TableView {
        let shown = genders(f.subprojects.map(\.participants))
        let hasGroups = project.subprojects.contains { $0.group != nil }
        let hasGranted = project.subprojects.contains { $0.granted != nil }
        var columns: [ColumnView] = hasGroups ? [column(labels.group, numeric: false)] : []
        columns += shown.map { column(genderLabel($0)) } + [column(labels.total), column(labels.active), column(labels.ended)]
        if hasGranted { columns.append(column(labels.granted)) }
        func cells(_ b: Breakdown, group: String?, granted: Int?) -> [CellView] {
            var c: [CellView] = hasGroups ? [text(group ?? "")] : []
            c += shown.map { number(b.participants[$0]) }
            c += [number(b.participants.total), number(b.active.total), number(b.ended.total)]
            if hasGranted { c.append(granted.map { text(style.amount($0)) }.map { CellView(text: $0.text, numeric: true, status: nil) } ?? text("")) }
            return c
        }
        var rows = project.subprojects.enumerated().map { i, s in
            RowView(header: s.name, cells: cells(f.subprojects[i], group: s.group, granted: s.granted), isTotal: false)
        }
        let grantedTotal = hasGranted ? project.subprojects.compactMap(\.granted).reduce(0, +) : nil
        rows.append(RowView(header: labels.total, cells: cells(f.overall, group: nil, granted: grantedTotal), isTotal: true))
        return TableView(id: "delprojekt", caption: labels.subprojectsCaption, stub: labels.subproject, columns: columns, rows: rows)
    }

    func groupsTable(_ f: Figures) -> TableView {
        let shown = genders(f.groups.map(\.figures.participants))
        let hasGranted = f.groups.contains { $0.granted != nil }
        var columns = [column(labels.subprojects)] + shown.map { column(genderLabel($0)) } + [column(labels.total)]
        if hasGranted { columns.append(column(labels.granted)) }
        func cells(_ n: Int, _ b: Breakdown, _ granted: Int?) -> [CellView] {
            var c = [number(n)] + shown.map { number(b.participants[$0]) } + [number(b.participants.total)]
            if hasGranted { c.append(granted.map { CellView(text: style.amount($0), numeric: true, status: nil) } ?? text("")) }
            return c
        }
        var rows = f.groups.map { g in RowView(header: g.name, cells: cells(g.subprojects.count, g.figures, g.granted), isTotal: false) }
        let grouped = f.groups.flatMap(\.subprojects)
        let total = f.groups.map(\.figures).reduce(nil as Breakdown?) { acc, b in
            guard let acc else { return b }
            return Breakdown(participants: acc.participants + b.participants, active: acc.active + b.active,
                             ended: acc.ended + b.ended, exits: [], activities: [])
        }
        if let total {
            let granted = f.groups.compactMap(\.granted)
            rows.append(RowView(header: labels.total, cells: cells(grouped.count, total, granted.isEmpty ? nil : granted.reduce(0, +)), isTotal: true))
        }
        return TableView(id: "omraden", caption: hasGranted ? labels.groupsGrantedCaption : labels.groupsCaption, stub: labels.group, columns: columns, rows: rows)
    }

    func goalsTable() -> TableView {
        let outcomes = figures?.goals ?? project.goals.map(GoalOutcome.init(unmeasured:))
        func target(_ goal: Goal) -> String {
            goal.metric == .participants ? style.count(goal.target.tenths / 10) : style.percent(goal.target)
        }
        func value(_ m: GoalOutcome.Measure?) -> String {
            switch m {
            case .count(let n): style.count(n)
            case .share(let s): style.percent(s.whole)
            case .reported(let v): style.percent(v)
            case nil: "–"
            }
        }
        let dash = CellView(text: "–", numeric: true, status: nil)
        func status(_ met: Bool?) -> CellView {
            guard let met else { return text("–") }
            return CellView(text: met ? "✓ \(labels.yes)" : "✗ \(labels.no)", numeric: false, status: met ? "met" : "not-met")
        }
        var rows: [RowView] = []
        for o in outcomes {
            var header = o.goal.text ?? o.goal.id
            if let s = o.goal.subproject { header += " (\(project.subprojects[s].name))" }
            if o.goal.metric == .reported, let source = o.goal.source { header += " — \(labels.source): \(source)" }
            rows.append(RowView(header: header, cells: [text(labels.metric(o.goal.metric)), CellView(text: target(o.goal), numeric: true, status: nil),
                                                        CellView(text: value(o.outcome), numeric: true, status: nil), status(o.met)],
                                isTotal: false))
            for part in o.byGender {
                rows.append(RowView(header: "\(labels.ofWhich) \(genderLabel(part.gender).lowercased())",
                                    cells: [text(""), number(part.target), part.outcome.map(number) ?? dash, status(part.met)],
                                    isTotal: false, isPart: true))
            }
        }
        return TableView(id: "mal", caption: labels.goalsCaption, stub: labels.goal,
                         columns: [column(labels.metricHeading, numeric: false), column(labels.target), column(labels.outcome), column(labels.met, numeric: false)],
                         rows: rows)
    }
}
