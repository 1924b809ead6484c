import Foundation
import Testing
@testable import SlutrapportKit

/// Narrative sizes that would make libcmark-gfm 0.29.0.gfm.6 (Debian's)
/// take seconds, or a report hundreds of megabytes: each a clear error
/// with its position, found before cmark-gfm sees the text.
@Suite struct NarrativeLimitTests {
    func load(_ yamlTail: String, files: [String: String] = [:]) throws -> [String] {
        var all = files
        all["project.yaml"] = minimalYAML + yamlTail
        let f = try Fixture(all)
        return positions(f.load().1, relativeTo: f.folder)
    }

    @Test func aSectionFilePastTheLimitIsAnErrorAtItsReference() throws {
        let big = String(repeating: "Text och mer text.\n", count: Narrative.maximumSectionBytes / 19 + 1)
        #expect(try load("sections:\n  summary: sections/lang.md\n", files: ["sections/lang.md": big])
            == ["project.yaml:5:12 error section-too-large"])
        let fits = String(repeating: "x", count: Narrative.maximumSectionBytes)
        #expect(try load("sections:\n  summary: sections/lang.md\n", files: ["sections/lang.md": fits]) == [])
    }

    @Test func inlineTextPastTheLimitIsAnErrorAtTheText() throws {
        let big = String(repeating: "x", count: Narrative.maximumSectionBytes + 1)
        #expect(try load("sections:\n  background: \"\(big)\"\n  egen: {title: Egen, text: \"\(big)\"}\n")
            == ["project.yaml:5:15 error section-too-large", "project.yaml:6:29 error section-too-large"])
    }

    /// cmark-gfm reads a table row in time growing with the square of its
    /// cells: one row of 20,000 cells took 0.6 s, 32,000 took 2.5 s.
    @Test func aTableOfTooManyColumnsIsRefusedAtItsWidestLine() throws {
        let wide = "|" + (1...(Narrative.maximumTableColumns + 1)).map { "c\($0)" }.joined(separator: "|") + "|"
        let text = "Inledning.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\(wide)\n\nSlut.\n"
        #expect(try load("sections:\n  method: sections/metod.md\n", files: ["sections/metod.md": text])
            == ["sections/metod.md:6:1 error section-table-too-large"])
        // The same width, 100 columns between outer pipes, is a table cmark-gfm reads quickly.
        let fits = "|" + (1...Narrative.maximumTableColumns).map { "c\($0)" }.joined(separator: "|") + "|"
        #expect(try load("sections:\n  method: sections/metod.md\n", files: ["sections/metod.md": text.replacingOccurrences(of: wide, with: fits)]) == [])
    }

    /// A header of many columns and short rows: cmark-gfm fills every row to
    /// the header's width, so cells grow with rows × columns.
    @Test func aTableOfTooManyCellsIsRefusedAtItsDelimiterRow() throws {
        let rows = Narrative.maximumTableCells / 2 - 2  // two columns: header, delimiter and rows make the limit
        let text = "Före.\n\na|b\n-|-\n" + String(repeating: "1|2\n", count: rows) + "x\n\nEfter.\n"
        #expect(try load("sections:\n  results: sections/tabell.md\n", files: ["sections/tabell.md": text])
            == ["sections/tabell.md:4:1 error section-table-too-large"])
        let fits = "Före.\n\na|b\n-|-\n" + String(repeating: "1|2\n", count: rows) + "\nEfter.\n"
        #expect(try load("sections:\n  results: sections/tabell.md\n", files: ["sections/tabell.md": fits]) == [])
    }

    /// In a literal block (`|`) each line of text is a line of project.yaml,
    /// so the position is exact; other YAML styles fold lines, and the
    /// diagnostic points at the start of the text.
    @Test func aTableInYAMLTextIsPlacedInProjectYAML() throws {
        let wide = "|" + (1...(Narrative.maximumTableColumns + 1)).map { "c\($0)" }.joined(separator: "|") + "|"
        #expect(try load("sections:\n  background: |\n    Inledning.\n\n      \(wide)\n      |---|\n  purpose: \"\(wide)\\n|-|\"\n")
            == ["project.yaml:8:5 error section-table-too-large", "project.yaml:10:12 error section-table-too-large"])
    }

    /// A project.yaml saved with Windows line ends places text the same way.
    @Test func aTableInYAMLTextWithCRLFLineEndsIsPlacedInProjectYAML() throws {
        let wide = "|" + (1...(Narrative.maximumTableColumns + 1)).map { "c\($0)" }.joined(separator: "|") + "|"
        let yaml = (minimalYAML + "sections:\n  background: |\n    Inledning.\n\n      \(wide)\n      |---|\n").replacingOccurrences(of: "\n", with: "\r\n")
        let f = try Fixture(["project.yaml": yaml])
        #expect(positions(f.load().1, relativeTo: f.folder) == ["project.yaml:8:5 error section-table-too-large"])
    }

    /// One file named by every section counts once for every use: the
    /// total is what the reports would hold. (YAML aliases, the other way to
    /// repeat a text, are refused outright: `yaml-alias`.)
    @Test func theNarrativeTotalCountsEveryUseOfAFile() throws {
        let text = String(repeating: "Lang text. ", count: 100 * 1024 / 11)
        var yaml = "sections:\n  summary: sections/lang.md\n"
        for i in 1...11 { yaml += "  egen\(i): {title: Egen \(i), file: sections/lang.md}\n" }
        // Eleven uses of 100 KiB: the tenth own section (line 15) passes 1 MiB.
        #expect(try load(yaml, files: ["sections/lang.md": text]) == ["project.yaml:15:3 error narrative-too-large"])
    }
}
