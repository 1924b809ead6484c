/// The names of a workbook's sheets, each derived from what it holds (a
/// table's caption) and valid where Excel is strict: at most 31 characters,
/// none of `[ ] : * ? / \`, no `'` first or last, not "History" (Excel's
/// own), and unique regardless of case. Excel refuses to open a workbook
/// that breaks any of these, so every name goes through `name(for:)`.
struct XlsxSheetNames {
    /// Excel counts a name's length in UTF-16 units.
    static let maximumLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    static let reserved = "history"

    /// The names given so far, as Excel compares them (case folded).
    private var taken: Set<String> = []

    /// A name for `wanted` not given before: cleaned, shortened with "…" when
    /// too long, and numbered " (2)", " (3)"… when an earlier sheet has it.
    /// `fallback` stands in for a caption that leaves nothing.
    mutating func name(for wanted: String, fallback: String) -> String {
        var base = Self.cleaned(wanted)
        if base.isEmpty { base = Self.cleaned(fallback) }
        if base.isEmpty { base = "1" }
        var candidate = Self.shortened(base, to: Self.maximumLength)
        var number = 2
        while !isFree(candidate) {
            let suffix = " (\(number))"
            candidate = Self.shortened(base, to: Self.maximumLength - suffix.utf16.count) + suffix
            number += 1
        }
        taken.insert(Self.folded(candidate))
        return candidate
    }

    private func isFree(_ name: String) -> Bool {
        let folded = Self.folded(name)
        return folded != Self.reserved && !taken.contains(folded)
    }

    /// Case-insensitive as Excel compares sheet names.
    static func folded(_ name: String) -> String { name.lowercased() }

    /// Forbidden characters and control characters as spaces, runs of white
    /// space as one, and no white space or `'` at either end.
    static func cleaned(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text {
            let blank = forbidden.contains(ch) || ch.isWhitespace || ch.unicodeScalars.contains { $0.properties.generalCategory == .control }
            if blank {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(ch)
        }
        return trimmed(out)
    }

    /// `text` in at most `limit` UTF-16 units, cut between characters and ended by "…" when cut.
    static func shortened(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var out = ""
        var length = 1 // the "…"
        for ch in text {
            let width = String(ch).utf16.count
            if length + width > limit { break }
            out.append(ch)
            length += width
        }
        return trimmed(out) + "…"
    }

    private static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while let first = s.first, first == "'" || first == " " { s = s.dropFirst() }
        while let last = s.last, last == "'" || last == " " { s = s.dropLast() }
        return String(s)
    }
}
