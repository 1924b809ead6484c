/// How numbers read in running text and tables: Swedish `1 234 567` (no-break
/// space) and `57 %`, English `1,234,567` and `57%`. XML uses neither.
public struct NumberStyle: Sendable {
    public let lang: Language
    let format: NumberFormat

    public init(_ lang: Language) {
        self.lang = lang
        format = lang.translation.numbers
    }

    public func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        let separator = format.groupSeparator
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return n < 0 ? "−" + out : out
    }

    public func percent(_ whole: Int) -> String {
        count(whole) + format.percentSeparator + "%"
    }

    /// A target or reported value with one optional decimal: `57,5 %` / `57.5%`.
    public func percent(_ value: Decimal1) -> String {
        let text = value.tenths % 10 == 0 ? count(value.tenths / 10)
            : count(value.tenths / 10) + format.decimalMark + String(value.tenths % 10)
        return text + format.percentSeparator + "%"
    }

    public func amount(_ n: Int, unit: Budget.Unit = .kr) -> String {
        "\(count(n))\u{00A0}\(unit.rawValue)"
    }
}
