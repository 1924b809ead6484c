/// Cells of the Markdown and HTML tables: every count goes through
/// disclosure control here, so no table can show a hidden one.
extension ReportViewBuilder {
    typealias Cell = Suppression.Cell

    var suppression: Suppression { figures?.suppression ?? .none }

    /// A count that disclosure control may hide: "<N" in place of a small
    /// one, ".." in place of one hidden so that a small one cannot be recomputed.
    func count(_ n: Int, _ cell: Cell) -> CellView {
        guard suppression.isHidden(cell) else { return number(n) }
        return CellView(text: suppression.isPrimary(cell) ? "<\(suppression.threshold(of: cell))" : "..", numeric: true, status: nil)
    }

    func count(_ counts: GenderCounts, _ scope: Suppression.Scope, _ row: Suppression.Row, _ gender: Gender?) -> CellView {
        count(gender.map { counts[$0] } ?? counts.total, Cell(scope, row, gender))
    }

    /// A share is hidden with its numerator or its denominator.
    func share(_ numerator: Int, _ numeratorCell: Cell, of denominator: Int, _ denominatorCell: Cell) -> CellView {
        if suppression.isHidden(numeratorCell) || suppression.isHidden(denominatorCell) { return CellView(text: "", numeric: true, status: nil) }
        return share(Share(numerator, of: denominator))
    }

    func number(_ n: Int) -> CellView {
        CellView(text: style.count(n), numeric: true, status: nil, number: CellNumber(value: n, unit: .count))
    }
    func text(_ s: String) -> CellView { CellView(text: s, numeric: false, status: nil) }
    func share(_ s: Share?) -> CellView {
        guard let s else { return CellView(text: "–", numeric: true, status: nil) }
        return CellView(text: style.percent(s.whole), numeric: true, status: nil, number: CellNumber(value: s.whole, unit: .percent))
    }
    /// A target or reported value: tenths only when the report shows them.
    func percent(_ v: Decimal1) -> CellView {
        CellView(text: style.percent(v), numeric: true, status: nil,
                 number: v.tenths % 10 == 0 ? CellNumber(value: v.tenths / 10, unit: .percent) : CellNumber(value: v.tenths, unit: .percentTenths))
    }
    func amount(_ n: Int, unit: Budget.Unit = .kr) -> CellView {
        CellView(text: style.amount(n, unit: unit), numeric: true, status: nil, number: CellNumber(amount: n, unit: unit))
    }
    var blank: CellView { text("") }

    func column(_ s: String, numeric: Bool = true) -> ColumnView {
        ColumnView(text: s, numeric: numeric, markdownAlign: numeric ? "---:" : ":---")
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

    /// Columns for counts by gender and total.
    func genderColumns(_ shown: [Gender]) -> [ColumnView] {
        shown.map { column(genderLabel($0)) } + [column(labels.total)]
    }

    /// Columns for counts by gender and total, each followed by its share.
    func genderShareColumns(_ shown: [Gender]) -> [ColumnView] {
        genderColumns(shown).flatMap { [$0, column("%")] }
    }
}

extension CellNumber {
    init(amount: Int, unit: Budget.Unit) {
        let cellUnit: CellUnit = switch unit {
        case .kr: .kr
        case .tkr: .tkr
        }
        self.init(value: amount, unit: cellUnit)
    }
}
