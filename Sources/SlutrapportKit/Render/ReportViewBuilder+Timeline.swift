/// The project over time (SPEC §4.10): a table by calendar quarter. Totals
/// only: under disclosure control no figure of the timeline is by gender
/// (docs/disclosure.md), and its totals carry no attribute of a person.
extension ReportViewBuilder {
    func timelineBlock(_ f: Figures) -> FigureBlock? {
        guard let months = f.timeline, !months.isEmpty else { return nil }
        let words = labels.timeline
        let rows = TimelineQuarter.of(months).map { q in
            RowView(header: words.quarterName(q.year, q.quarter),
                    cells: [number(q.started.total), number(q.ended.total), number(q.active.total), number(q.cumulative.total)], isTotal: false)
        }
        var table = TableView(id: "kvartal", caption: words.quarterCaption, stub: words.quarter,
                              columns: [column(words.started), column(labels.ended), column(labels.active), column(words.cumulative)], rows: rows)
        table.notes = [words.quarterNote]
        return FigureBlock(heading: words.heading, anchor: "over-tid", tables: [table], charts: [timelineChart(months)])
    }
}
