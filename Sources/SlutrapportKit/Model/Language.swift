/// A report language. Adding one: a case here, its line below, and its
/// terms in `Translations/Translation+<code>.swift`.
public enum Language: String, Sendable, CaseIterable {
    case sv
    case en

    /// Every term of the reports in this language.
    public var translation: Translation {
        switch self {
        case .sv: .sv
        case .en: .en
        }
    }

    /// The tag Office files take for a view's language code (`sv` → `sv-SE`); Swedish for a code it does not know.
    static func officeTag(_ code: String) -> String { (Language(rawValue: code) ?? .sv).translation.languageTag }

    /// The codes for a message: `sv or en`, or `'sv' or 'en'` quoted.
    public static func codes(quoted: Bool = false) -> String {
        let codes = allCases.map { quoted ? "'\($0.rawValue)'" : $0.rawValue }
        return codes.dropLast().joined(separator: ", ") + (codes.count > 1 ? " or " : "") + (codes.last ?? "")
    }
}
