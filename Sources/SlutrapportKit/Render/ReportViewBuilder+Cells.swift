/// Cells of the Markdown and HTML tables: every count goes through
/// disclosure control here, so no table can show a hidden one.
extension ReportViewBuilder {
    typealias Cell = Suppression.Cell

    var suppression: Suppression { figures?.suppression ?? .none }

    /// A count as the gate publishes it (`Suppression.published`): its
    /// value, "<N" in place of a small one, ".." in place of one hidden so
    /// that a small one cannot be worked out. Writers have no other way to a count.
    func count(_ cell: Cell) -> CellView {
        switch suppression.published(cell) {
        case .shown(let n): number(n)
        case .small(let n): CellView(text: "<\(n)", numeric: true, status: nil)
        case .protecting: CellView(text: "..", numeric: true, status: nil)
        }
    }

    func count(_ scope: Suppression.Scope, _ row: Suppression.Row, _ gender: Gender?) -> CellView {
        count(Cell(scope, row, gender))
    }

    /// A share of two published counts; blank when either is hidden.
    func share(_ numerator: Cell, of denominator: Cell) -> CellView {
        guard let n = suppression.published(numerator).value, let d = suppression.published(denominator).value else {
            return CellView(text: "", numeric: true, status: nil)
        }
        return share(Share(n, of: d))
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
