/// The declared breakdowns (SPEC §4.8) and the ESF+ indicators (§4.9).
/// Every count goes through `count`, so disclosure control hides it as any
/// other; a sensitive one shows "<N" with its own, larger N.
extension ReportViewBuilder {
    /// After the activities: the user's breakdowns, then the ESF+ indicators.
    /// The ESF+ breakdowns are shown only through the indicators.
    func breakdownBlocks(_ f: Figures) -> [FigureBlock] {
        let words = labels.breakdowns
        var blocks: [FigureBlock] = []
        let tables = zip(project.breakdowns.indices, project.breakdowns).compactMap { b, declared -> TableView? in
            guard declared.esf == nil, f.breakdowns.indices.contains(b) else { return nil }
            return breakdownTable(b, declared, f.breakdowns[b], participants: f.overall.participants)
        }
        if !tables.isEmpty { blocks.append(FigureBlock(heading: words.heading, anchor: "fordelningar", tables: tables)) }
        if project.esfPlus, let esf = f.esf {
            blocks.append(FigureBlock(heading: words.esfHeading, anchor: "esf", tables: esfTables(esf)))
        }
        return blocks
    }

    /// A breakdown's values by gender, each with its share of the counted
    /// participants in its column, then those whose cell was empty.
    func breakdownTable(_ b: Int, _ declared: DeclaredBreakdown, _ figures: BreakdownFigures, participants: GenderCounts) -> TableView {
        let words = labels.breakdowns
        let columns = genders([participants]).map(Optional.some) + [nil]
        func row(_ header: TextSpan, _ c: GenderCounts, value: Int?) -> RowView {
            let row = Suppression.Row.breakdown(b, value: value)
            return RowView(headerSpans: [header], cells: columns.flatMap { g in
                [count(.project, row, g),
                 share(Cell(.project, row, g), of: Cell(.project, .participants, g))]
            }, isTotal: false)
        }
        var rows = zip(declared.values.indices, declared.values).map { v, value in
            row(userSpan(value.label ?? value.code), figures.values.indices.contains(v) ? figures.values[v] : GenderCounts(), value: v)
        }
        if figures.notStated.total > 0 { rows.append(row(TextSpan(text: words.notStated, lang: nil), figures.notStated, value: nil)) }
        var table = TableView(id: "fordelning-\(declared.id)", captionSpans: [userSpan(declared.title ?? declared.id)], stub: words.category,
                              columns: genderShareColumns(genders([participants])), rows: rows)
        table.notes = [words.sharesNote] + (declared.multiple ? [words.multipleNote] : [])
        return table
    }

    /// The output indicators over counted participants and the result
    /// indicators over ended ones, each group's "not stated" under its rows.
    /// Counts only: the regulation asks for numbers of participants.
    func esfTables(_ esf: ESFFigures) -> [TableView] {
        let words = labels.breakdowns
        let shown = genders(esf.indicators.map(\.counts) + esf.notStated.map(\.counts))
        let columns = shown.map(Optional.some) + [nil]
        var rows: [ESFIndicator.Kind: [RowView]] = [:]
        for indicator in ESFIndicator.allCases {
            rows[indicator.kind, default: []].append(RowView(header: words.indicatorName(indicator),
                                                             cells: columns.map { count(.project, .esf(indicator), $0) }, isTotal: false))
            guard let group = Self.notStatedGroup(after: indicator),
                  let notStated = esf.notStated.first(where: { $0.group == group }), notStated.counts.total > 0 else { continue }
            rows[indicator.kind, default: []].append(RowView(header: words.groupNotStated(group),
                                                             cells: columns.map { count(.project, .esfNotStated(group), $0) },
                                                             isTotal: false, isPart: true))
        }
        var output = TableView(id: "esf-utfall", caption: words.outputCaption, stub: words.indicator, columns: genderColumns(shown), rows: rows[.output] ?? [])
        output.notes = [words.outputNote]
        var result = TableView(id: "esf-resultat", caption: words.resultCaption, stub: words.indicator, columns: genderColumns(shown), rows: rows[.result] ?? [])
        result.notes = [words.resultNote]
        return [output, result]
    }

    /// The group whose "not stated" row follows an indicator: the last row of its group.
    static func notStatedGroup(after indicator: ESFIndicator) -> String? {
        switch indicator {
        case .employed: ESFBreakdown.labourStatus.rawValue
        case .age55Plus: "age"
        case .isced58: ESFBreakdown.education.rawValue
        case .disability, .thirdCountryNational, .foreignBackground, .minority, .homeless, .rural, .qualification: indicator.breakdown?.rawValue
        default: nil
        }
    }
}
