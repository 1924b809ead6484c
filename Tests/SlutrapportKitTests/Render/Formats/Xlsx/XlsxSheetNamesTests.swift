import Testing
@testable import SlutrapportKit

/// Excel refuses a workbook whose sheet names break its rules (at most 31
/// UTF-16 units, none of `[]:*?/\`, no `'` at either end, not "History",
/// unique regardless of case): every caption, however hostile, gets a name
/// that keeps them.
@Suite struct XlsxSheetNamesTests {
    /// Excel's rules for a sheet name, checked on their own.
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf16.count <= 31 && !name.contains { "[]:*?/\\".contains($0) }
            && !name.hasPrefix("'") && !name.hasSuffix("'") && name.lowercased() != "history"
            && !name.unicodeScalars.contains { $0.value < 0x20 }
    }

    static func names(_ captions: [String]) -> [String] {
        var names = XlsxSheetNames()
        return captions.enumerated().map { names.name(for: $0.element, fallback: "tabell-\($0.offset + 1)") }
    }

    @Test func aCaptionThatKeepsTheRulesIsTheName() {
        #expect(Self.names(["Deltagare efter kön", "Mål, målvärden och utfall"]) == ["Deltagare efter kön", "Mål, målvärden och utfall"])
    }

    @Test func forbiddenCharactersAndEndQuotesGo() {
        #expect(Self.names(["Del[1]: a/b?*\\c", "'citerad'", "  mellan\trum\n  ", "a\u{0}b\u{7}c"])
                == ["Del 1 a b c", "citerad", "mellan rum", "a b c"])
    }

    @Test func aLongCaptionIsShortenedWithAnEllipsis() {
        let name = Self.names(["Avslutsorsaker i Delprojekt Kristinehamn efter kön"])[0]
        #expect(name == "Avslutsorsaker i Delprojekt Kr…")
        #expect(name.utf16.count == 31)
    }

    @Test func namesAlikeRegardlessOfCaseAreNumbered() {
        #expect(Self.names(["Budget", "BUDGET", "budget", "Budget (2)"]) == ["Budget", "BUDGET (2)", "budget (3)", "Budget (2) (2)"])
        // Long captions alike in their first 31 characters: numbered within the limit.
        let long = Self.names(["Avslutsorsaker i Delprojekt Arvika efter kön", "Avslutsorsaker i Delprojekt Arvikaområdet efter kön"])
        #expect(long == ["Avslutsorsaker i Delprojekt Ar…", "Avslutsorsaker i Delprojek… (2)"])
        #expect(long.allSatisfy { $0.utf16.count <= 31 })
    }

    @Test func historyIsExcelsOwn() {
        #expect(Self.names(["History", "'history'"]) == ["History (2)", "history (3)"])
    }

    @Test func aCaptionOfNothingTakesItsFallback() {
        #expect(Self.names(["", "[]:*?/\\", "''"]) == ["tabell-1", "tabell-2", "tabell-3"])
    }

    /// A character of two UTF-16 units is never cut in half.
    @Test func lengthIsCountedInUTF16Units() {
        let emoji = String(repeating: "😀", count: 20)
        let name = Self.names([emoji])[0]
        #expect(name == String(repeating: "😀", count: 15) + "…")
        #expect(name.utf16.count == 31)
    }

    @Test(arguments: [
        ["a", "A", "a", "A", "a", "A", "a", "A", "a", "A", "a"],
        ["'", "''", "'''", "[", "]", "History", "HISTORY", ""],
        (0..<12).map { _ in String(repeating: "x", count: 40) },
        ["Ett namn med ' inuti", "'inledande", "avslutande'", "ß", "SS", "ǅ", "ǆ"],
    ])
    func everyNameIsValidAndUnique(_ captions: [String]) {
        let names = Self.names(captions)
        #expect(names.allSatisfy(Self.isValid), "\(names)")
        #expect(Set(names.map { $0.lowercased() }).count == names.count, "\(names)")
    }
}
