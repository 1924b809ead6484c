import Testing
@testable import SlutrapportKit

/// data/vak2 built once per process in Swedish, in English and with
/// disclosure control (`--suppress-below 5`, as
/// ExamplesTests.vak2WithDisclosureControl), in the formats the Word and
/// Excel tests read back: each `outputFolder` holds its slutrapport.html,
/// .xml, .docx and .xlsx.
enum Vak2Build: String, CaseIterable, CustomTestStringConvertible {
    case swedish, english, suppressed

    var testDescription: String { rawValue }

    var outputFolder: String {
        switch self {
        case .swedish: Self.swedishBuild
        case .english: Self.englishBuild
        case .suppressed: Self.suppressedBuild
        }
    }

    var style: NumberStyle { NumberStyle(self == .english ? .en : .sv) }

    static let swedishBuild = build { _ in }
    static let englishBuild = build { $0.lang = .en }
    static let suppressedBuild = build { $0.suppressBelow = 5 }

    static func build(_ configure: (inout BuildOptions) -> Void) -> String {
        let (out, outcome) = buildReports([repositoryRoot + "/data/vak2"]) {
            configure(&$0)
            $0.formats = [.html, .xml, .docx, .xlsx]
        }
        precondition(!outcome.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.text))")
        return out + "/vak2"
    }
}
