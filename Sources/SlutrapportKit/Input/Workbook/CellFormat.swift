/// Which cell styles show a number as a date (ECMA-376 Part 1 §18.8.30,
/// checked against openpyxl's `BUILTIN_FORMATS` and `is_date_format`).
enum CellFormat {
    /// Built-in formats that are dates: 14–17 (`mm-dd-yy`, `d-mmm-yy`,
    /// `d-mmm`, `mmm-yy`), 22 (`m/d/yy h:mm`), and the East Asian ones that
    /// are dates in every locale (27–31, 36, 50–54, 57, 58). Not dates: the
    /// times 18–21 and 45–47, and 32–35, 55, 56, which are times in zh-CN
    /// (34 and 35 are dates in ja-JP; a number is then shown as a number,
    /// and the row check says what to do).
    static let builtInDates: Set<Int> = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]

    /// Whether a custom format code shows a date: a `d`, `y` or `m` outside
    /// quoted text, brackets (`[Red]`, `[$-41D]`, `[h]`), escapes (`\-`) and
    /// the padding and fill marks (`_)`, `*-`); an `m` with an `h` or `s`
    /// beside it is minutes, so `h:mm` and `mm:ss` are times, not dates.
    static func isDate(code: String) -> Bool {
        var letters: [UInt8] = []
        var it = Array(code.utf8)[...]
        while let c = it.popFirst() {
            switch c {
            case 34:  // "quoted text"
                while let q = it.popFirst(), q != 34 {}
            case 91:  // [bracket]
                while let q = it.popFirst(), q != 93 {}
            case 92, 95, 42:  // \x, _x, *x: the next character is literal
                _ = it.popFirst()
            default:
                letters.append(c | 0x20)
            }
        }
        if letters.contains(100) || letters.contains(121) { return true }  // d, y
        return letters.contains(109) && !letters.contains(104) && !letters.contains(115)  // m without h or s
    }
}
