import Testing
@testable import SlutrapportKit

/// Each language's file is complete (the compiler sees to every term being
/// there) and is its own: a file copied for a new language and not yet
/// translated throughout is caught here.
@Suite struct TranslationTests {
    @Test(arguments: Language.allCases) func everyTermIsWrittenAndTheLabelsKnowTheirLanguage(_ lang: Language) {
        let labels = Labels(lang)
        #expect(labels.lang == lang)
        for term in Mirror(reflecting: labels).children {
            if let text = term.value as? String { #expect(!text.isEmpty, "\(term.label ?? "?")") }
        }
        #expect(ExitReason.defaults(lang: lang).map(\.code) == ["arbete", "studier", "avbrutit", "annan_orsak", "fullfoljt"])
        #expect(StandardSection.allCases.allSatisfy { !$0.title(lang).isEmpty })
    }

    @Test func noTwoLanguagesShareTheirWords() {
        for a in Language.allCases {
            for b in Language.allCases where a != b {
                #expect(Labels(a).finalReport != Labels(b).finalReport, "\(a) and \(b)")
                #expect(StandardSection.summary.title(a) != StandardSection.summary.title(b), "\(a) and \(b)")
            }
        }
    }

    @Test func theLanguagesAreNamedFromTheList() {
        #expect(Language.codes() == "sv or en")
        #expect(Language.codes(quoted: true) == "'sv' or 'en'")
    }
}
