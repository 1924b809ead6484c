public enum Gender: Int, CaseIterable, Sendable {
    case woman = 0
    case man = 1
    case other = 2

    /// SPEC §3.2: the spellings a case-system export may use, compared
    /// case-insensitively after trimming.
    static let spellings: [(String, Gender)] = [
        ("kvinna", .woman), ("k", .woman), ("woman", .woman), ("female", .woman), ("f", .woman), ("kvinnor", .woman), ("women", .woman),
        ("man", .man), ("m", .man), ("male", .man), ("män", .man), ("men", .man),
        ("annat", .other), ("ej angivet", .other), ("other", .other), ("x", .other), ("annan", .other),
    ]
    private static let bySpelling = Dictionary(spellings, uniquingKeysWith: { a, _ in a })

    public init?(label: some StringProtocol) {
        guard let g = Self.bySpelling[label.trimmingSpaces.lowercased()] else { return nil }
        self = g
    }

    /// The attribute name used in XML and the key used in templates.
    public var key: String {
        switch self {
        case .woman: "women"
        case .man: "men"
        case .other: "other"
        }
    }
}

extension StringProtocol {
    /// Without surrounding spaces, tabs, no-break spaces and line breaks (a
    /// spreadsheet cell may end in one).
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\u{00A0}" || f.isNewline { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\u{00A0}" || l.isNewline { s.removeLast() }
        return s
    }
}
