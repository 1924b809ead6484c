extension ReportViewBuilder {
    /// The figures under the results heading, in reading order.
    func figureBlocks() -> [FigureBlock] {
        var blocks: [FigureBlock] = []
        if let f = figures, f.source != .none {
            var participantTables = [participantsTable(f.overall, .project, caption: labels.participantsCaption(nil), id: "deltagare")]
            // No age table when no one has a birth year: one row of "not known" says nothing.
            if let bands = f.ageBands, bands.contains(where: { $0.known && $0.counts.total > 0 }) {
                participantTables.append(ageTable(bands, f.overall))
            }
            blocks.append(FigureBlock(heading: labels.participants, anchor: "deltagare", tables: participantTables))
            if let block = timelineBlock(f) { blocks.append(block) }
            if f.overall.ended.total > 0 {
                var exits = exitsTable(f.overall, .project, caption: [TextSpan(text: labels.exitsCaption(nil), lang: nil)], id: "avslut")
                exits.notes = [labels.sharesNote]
                var tables = [exits]
                if let d = f.durations { tables.append(durationsTable(d)) }
                blocks.append(FigureBlock(heading: labels.exitReasons, anchor: "avslutsorsaker", tables: tables, charts: [exitsChart(f.overall)]))
            }
            if f.source == .participants, !project.activities.isEmpty {
                var table = activitiesTable(f.overall)
                table.notes = [labels.activitiesNote]
                blocks.append(FigureBlock(heading: labels.activities, anchor: "aktiviteter", tables: [table]))
            }
            blocks += breakdownBlocks(f)
            if !project.subprojects.isEmpty {
                var tables = [subprojectsTable(f)]
                if !f.groups.isEmpty { tables.append(groupsTable(f)) }
                for (i, g) in f.groups.enumerated() where g.figures.ended.total > 0 {
                    tables.append(exitsTable(g.figures, .group(i), caption: userSpans(labels.groupExitsCaption, g.name), id: "avslut-omrade-\(i + 1)"))
                }
                for (i, s) in project.subprojects.enumerated() where f.subprojects[i].ended.total > 0 {
                    tables.append(exitsTable(f.subprojects[i], .subproject(i), caption: userSpans(labels.exitsCaption, s.name), id: "avslut-\(s.id)"))
                }
                blocks.append(FigureBlock(heading: labels.subprojects, anchor: "delprojekt", tables: tables, charts: [subprojectsChart(f)]))
            }
        }
        if !project.goals.isEmpty {
            var table = goalsTable()
            if figures == nil { table.notes = [labels.noParticipantData] }
            blocks.append(FigureBlock(heading: labels.goals, anchor: "mal", tables: [table], charts: goalsChart(visibleOutcomes()).map { [$0] } ?? []))
        }
        if let budget = project.budget, !budget.lines.isEmpty {
            blocks.append(FigureBlock(heading: labels.budget, anchor: "budget", tables: [budgetTable(budget)]))
        }
        return blocks
    }

    func participantsTable(_ b: Breakdown, _ scope: Suppression.Scope, caption: String, id: String) -> TableView {
        let shown = genders([b.participants])
        let rows = [(labels.participants, b.participants, Suppression.Row.participants), (labels.active, b.active, .active),
                    (labels.ended, b.ended, .ended)].map { label, c, row in
            RowView(header: label, cells: (shown.map(Optional.some) + [nil]).map { count(scope, row, $0) }, isTotal: false)
        }
        return TableView(id: id, caption: caption, stub: "", hiddenStub: labels.metricHeading, columns: genderColumns(shown), rows: rows)
    }

    /// Exit reasons by gender, each count with its share of the ended in its column.
    func exitsTable(_ b: Breakdown, _ scope: Suppression.Scope, caption: [TextSpan], id: String) -> TableView {
        let shown = genders(b.exits + [b.ended])
        let columns = shown.map(Optional.some) + [nil]
        var rows: [RowView] = []
        for (r, reason) in project.exitReasons.enumerated() {
            let c = b.exits[r]
            rows.append(RowView(header: reason.label, headerLang: ownLabel(reason) ? userLang : nil, cells: columns.flatMap { g in
                [count(scope, .exit(r), g),
                 share(Cell(scope, .exit(r), g), of: Cell(scope, .ended, g))]
            }, isTotal: false))
        }
        rows.append(RowView(header: labels.ended, cells: columns.flatMap { [count(scope, .ended, $0), blank] }, isTotal: true))
        return TableView(id: id, captionSpans: caption, stub: labels.exitReason, columns: genderShareColumns(shown), rows: rows)
    }

    func ageTable(_ bands: [AgeBand], _ overall: Breakdown) -> TableView {
        let shown = genders(bands.map(\.counts))
        let columns = shown.map(Optional.some) + [nil]
        var rows: [RowView] = []
        for (i, band) in bands.enumerated() where band.known || band.counts.total > 0 {
            let header = band.known ? "\(band.from.map(String.init) ?? "")–\(band.to.map(String.init) ?? "")" : labels.ageUnknown
            rows.append(RowView(header: header, cells: columns.map { count(.project, .age(i), $0) }, isTotal: false))
        }
        rows.append(RowView(header: labels.total, cells: columns.map { count(.project, .participants, $0) }, isTotal: true))
        return TableView(id: "alder", caption: labels.ageCaption, stub: labels.ageBand, columns: genderColumns(shown), rows: rows)
    }

    /// Medians are hidden with the count of ended they are taken over.
    func durationsTable(_ d: Durations) -> TableView {
        let shown = genders([d.ended])
        let columns = shown.map(Optional.some) + [nil]
        func median(_ g: Gender?) -> CellView {
            if suppression.isHidden(Cell(.project, .ended, g)) { return blank }
            let m: Int? = switch g {
            case .woman: d.medianWomen
            case .man: d.medianMen
            case .other: d.medianOther
            case nil: d.median
            }
            return m.map(number) ?? CellView(text: "–", numeric: true, status: nil)
        }
        return TableView(id: "tid", caption: labels.durationsCaption, stub: "", hiddenStub: labels.metricHeading, columns: genderColumns(shown),
                         rows: [RowView(header: labels.ended, cells: columns.map { count(.project, .ended, $0) }, isTotal: false),
                                RowView(header: labels.medianDays, cells: columns.map(median), isTotal: false)])
    }

    func activitiesTable(_ b: Breakdown) -> TableView {
        let shown = genders([b.participants])
        let columns = shown.map(Optional.some) + [nil]
        let rows = project.activities.enumerated().map { a, activity in
            let c = b.activities[a]
            return RowView(header: activity.label, headerLang: userLang, cells: columns.flatMap { g in
                [count(.project, .activity(a), g),
                 share(Cell(.project, .activity(a), g), of: Cell(.project, .participants, g))]
            }, isTotal: false)
        }
        return TableView(id: "aktiviteter", caption: labels.activitiesCaption, stub: labels.activity, columns: genderShareColumns(shown), rows: rows)
    }

    func subprojectsTable(_ f: Figures) -> TableView {
        let shown = genders(f.subprojects.map(\.participants))
        let hasGroups = project.subprojects.contains { $0.group != nil }
        let hasGranted = project.subprojects.contains { $0.granted != nil }
        var columns: [ColumnView] = hasGroups ? [column(labels.group, numeric: false)] : []
        columns += genderColumns(shown) + [column(labels.active), column(labels.ended)]
        if hasGranted { columns.append(column(labels.granted)) }
        func cells(_ b: Breakdown, _ scope: Suppression.Scope, group: String?, granted: Int?) -> [CellView] {
            var c: [CellView] = hasGroups ? [CellView(text: group ?? "", numeric: false, status: nil, lang: group == nil ? nil : userLang)] : []
            c += (shown.map(Optional.some) + [nil]).map { count(scope, .participants, $0) }
            c += [count(scope, .active, nil), count(scope, .ended, nil)]
            if hasGranted { c.append(granted.map { amount($0) } ?? blank) }
            return c
        }
        var rows = project.subprojects.enumerated().map { i, s in
            var row = RowView(header: s.name, headerLang: userLang, cells: cells(f.subprojects[i], .subproject(i), group: s.group, granted: s.granted), isTotal: false)
            if !f.reported(subproject: i) { notReported(&row, counts: shown.count + 3, after: hasGroups ? 1 : 0) }
            return row
        }
        let grantedTotal = hasGranted ? project.subprojects.compactMap(\.granted).reduce(0, +) : nil
        rows.append(RowView(header: labels.total, cells: cells(f.overall, .project, group: nil, granted: grantedTotal), isTotal: true))
        var table = TableView(id: "delprojekt", caption: labels.subprojectsCaption, stub: labels.subproject, columns: columns, rows: rows)
        if !f.notReported.isEmpty { table.notes = [labels.notReportedNote(f.notReported.count, of: project.subprojects.count)] }
        return table
    }

    /// A row of a subproject or area that did not report (SPEC §3.3): its
    /// counts give way to "ej rapporterat" once, then blanks, never zeros.
    func notReported(_ row: inout RowView, counts: Int, after first: Int) {
        row.cells.replaceSubrange(first..<first + counts, with: [CellView(text: labels.notReported, numeric: true, status: nil)]
                                  + Array(repeating: blank, count: counts - 1))
    }

    func groupsTable(_ f: Figures) -> TableView {
        let shown = genders(f.groups.map(\.figures.participants))
        let hasGranted = f.groups.contains { $0.granted != nil }
        var columns = [column(labels.subprojects)] + genderColumns(shown)
        if hasGranted { columns.append(column(labels.granted)) }
        func cells(_ n: Int, _ b: Breakdown, _ scope: Suppression.Scope, _ granted: Int?) -> [CellView] {
            var c = [number(n)] + (shown.map(Optional.some) + [nil]).map { count(scope, .participants, $0) }
            if hasGranted { c.append(granted.map { amount($0) } ?? blank) }
            return c
        }
        var rows = f.groups.enumerated().map { i, g in
            var row = RowView(header: g.name, headerLang: userLang, cells: cells(g.subprojects.count, g.figures, .group(i), g.granted), isTotal: false)
            if !f.reported(g) { notReported(&row, counts: shown.count + 1, after: 1) }
            return row
        }
        // Ungrouped subprojects make the groups' sum differ from the project: show the total only when they add up.
        if f.groups.map(\.subprojects.count).reduce(0, +) == project.subprojects.count {
            let granted = f.groups.compactMap(\.granted)
            rows.append(RowView(header: labels.total, cells: cells(project.subprojects.count, f.overall, .project,
                                                                    granted.isEmpty ? nil : granted.reduce(0, +)), isTotal: true))
        }
        return TableView(id: "omraden", caption: hasGranted ? labels.groupsGrantedCaption : labels.groupsCaption,
                         stub: labels.group, columns: columns, rows: rows)
    }

    func budgetTable(_ budget: Budget) -> TableView {
        let rows = budget.lines.map { RowView(header: $0.label, headerLang: userLang, cells: [amount($0.amount, unit: budget.unit)], isTotal: false) }
        return TableView(id: "budget", caption: labels.budgetCaption, stub: labels.budgetLine, columns: [column(labels.amount)],
                         rows: rows + [RowView(header: labels.total, cells: [amount(budget.lines.map(\.amount).reduce(0, +), unit: budget.unit)], isTotal: true)])
    }
}
