import Foundation
import FoundationXML
import Testing
@testable import SlutrapportKit

/// slutrapport.docx read back: its tables hold the report's exact figures
/// under their captions, hostile text stays text, and the bytes depend on
/// nothing but the inputs.
@Suite struct DocxWriterTests {
    static let vak2: String = {
        let (out, outcome) = buildReports([repositoryRoot + "/data/vak2"]) { $0.formats = [.docx] }
        precondition(!outcome.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.text))")
        return out + "/vak2/slutrapport.docx"
    }()

    static let hostile: String = {
        let (out, outcome) = buildReports([repositoryRoot + "/Tests/Fixtures/hostile"]) { $0.formats = [.docx] }
        precondition(!outcome.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.text))")
        return out + "/hostile/slutrapport.docx"
    }()

    /// The table whose caption paragraph (right above it) reads `caption`.
    func table(captioned caption: String, in docx: DocxReading) throws -> XMLElement? {
        try docx.elements("tbl").first { table in
            guard let previous = table.previousSibling as? XMLElement else { return false }
            return previous.paragraphStyle == "Caption" && previous.wordText == caption
        }
    }

    @Test func vak2TablesHoldTheExactFigures() throws {
        let docx = try DocxReading(path: Self.vak2)
        let nbsp = "\u{00A0}"
        let participants = try #require(try table(captioned: "Deltagare efter kön", in: docx))
        #expect(participants.tableRows == [["", "Kvinnor", "Män", "Totalt"], ["Deltagare", "114", "168", "282"],
                                           ["Aktiva", "15", "25", "40"], ["Avslutade", "99", "143", "242"]])
        let exits = try #require(try table(captioned: "Avslutsorsaker efter kön", in: docx))
        #expect(exits.tableRows.first == ["Avslutsorsak", "Kvinnor", "%", "Män", "%", "Totalt", "%"])
        #expect(exits.tableRows[1] == ["Arbete", "28", "28\(nbsp)%", "43", "30\(nbsp)%", "71", "29\(nbsp)%"])
        #expect(exits.tableRows.last == ["Avslutade", "99", "", "143", "", "242", ""])
        let goals = try #require(try table(captioned: "Mål, målvärden och utfall", in: docx))
        #expect(goals.tableRows[1] == ["255 unika deltagare under projekttiden", "antal deltagare", "255", "282", "✗ Nej"])
        #expect(goals.tableRows[3] == ["varav män", "", "140", "168", "✓ Ja"])
        #expect(goals.tableRows[4] == ["50 % av deltagarna avslutas mot arbete eller studier", "andel av avslutade", "50\(nbsp)%", "57\(nbsp)%", "✓ Ja"])
    }

    /// Every table of figures: a caption above, a header row that repeats on each
    /// page, rows that never split, numbers to the right, a fixed grid.
    @Test func everyTableIsCaptionedAndLaidOutForPrint() throws {
        let docx = try DocxReading(path: Self.vak2)
        let tables = try docx.elements("tbl").filter {
            try !$0.nodes(forXPath: "./*[local-name()='tblPr']/*[local-name()='tblCaption']").isEmpty
                && $0.nodes(forXPath: "./*[local-name()='tblPr']/*[local-name()='tblStyle']").compactMap { ($0 as? XMLElement)?.attribute(local: "val") } == ["ReportTable"]
        }
        #expect(tables.count == 17)
        for table in tables {
            let caption = try #require(table.previousSibling as? XMLElement)
            #expect(caption.paragraphStyle == "Caption" && !caption.wordText.isEmpty)
            let rows = table.children(local: "tr")
            #expect(try rows[0].nodes(forXPath: "./*[local-name()='trPr']/*[local-name()='tblHeader']").count == 1)
            #expect(try rows.dropFirst().allSatisfy { try $0.nodes(forXPath: "./*[local-name()='trPr']/*[local-name()='tblHeader']").isEmpty })
            #expect(try rows.allSatisfy { try $0.nodes(forXPath: "./*[local-name()='trPr']/*[local-name()='cantSplit']").count == 1 })
            let grid = try table.nodes(forXPath: "./*[local-name()='tblGrid']/*[local-name()='gridCol']").compactMap { ($0 as? XMLElement)?.attribute(local: "w").flatMap { Int($0) } }
            #expect(grid.count == rows[0].children(local: "tc").count && grid.reduce(0, +) <= 9864)
        }
        // The participants table's number cells are right-aligned, its row headers not.
        let participants = try #require(try table(captioned: "Deltagare efter kön", in: docx))
        let alignments = try participants.children(local: "tr")[1].children(local: "tc").map {
            try $0.nodes(forXPath: ".//*[local-name()='jc']").first.flatMap { ($0 as? XMLElement)?.attribute(local: "val") } ?? "left"
        }
        #expect(alignments == ["left", "right", "right", "right"])
    }

    /// Headings: the title block, then Heading 1 per section and Heading 2 per results block, as the HTML's h2 and h3.
    @Test func headingsFollowTheHTMLOutline() throws {
        let docx = try DocxReading(path: Self.vak2)
        let paragraphs = try docx.elements("p").filter { $0.parent?.localName == "body" }
        #expect(paragraphs.prefix(3).map { [$0.paragraphStyle ?? "", $0.wordText] } ==
                [["Kicker", "Slutrapport"], ["Title", "Värmlands Arbetskraft 2.0"], ["Subtitle", "Uppgifter per 2022-09-30"]])
        let headings = paragraphs.filter { $0.paragraphStyle == "Heading1" }.map(\.wordText)
        #expect(headings.prefix(4) == ["Projektuppgifter", "Sammanfattning", "Projektidé och förväntade resultat", "Arbetssätt och metod"])
        #expect(paragraphs.filter { $0.paragraphStyle == "Heading2" }.map(\.wordText).prefix(3) == ["Deltagare", "Över tid", "Avslutsorsaker"])
    }

    /// Page furniture: the project's name in the header, "Sida X av Y" in the
    /// footer through PAGE and NUMPAGES, the only fields of the package.
    @Test func headerAndFooterCarryTheNameAndPageNumbers() throws {
        let docx = try DocxReading(path: Self.vak2)
        #expect(try docx.elements("p", in: "word/header1.xml").map(\.wordText) == ["Värmlands Arbetskraft 2.0"])
        let footer = try docx.elements("fldSimple", in: "word/footer1.xml").compactMap { $0.attribute(local: "instr") }
        #expect(footer == [" PAGE ", " NUMPAGES "])
        #expect(try docx.elements("p", in: "word/footer1.xml").map(\.wordText) == ["Sida 1 av 1"])
        let sections = try docx.elements("sectPr")
        #expect(sections.count == 1)
        #expect(try sections[0].nodes(forXPath: "./*[local-name()='pgSz']").compactMap { ($0 as? XMLElement)?.attribute(local: "w") } == ["11906"])
    }

    @Test func corePropertiesHaveTheTitleAndNoAuthorOrDate() throws {
        let docx = try DocxReading(path: Self.vak2)
        let core = docx.text("docProps/core.xml")
        #expect(try docx.elements("title", in: "docProps/core.xml").map { $0.stringValue ?? "" } == ["Värmlands Arbetskraft 2.0 – Slutrapport"])
        #expect(!core.contains("creator") && !core.contains("lastModifiedBy") && !core.contains("created") && !core.contains("modified"))
        #expect(core.contains("<dc:language>sv-SE</dc:language>"))
        #expect(docx.text("word/styles.xml").contains("<w:lang w:val=\"sv-SE\""))
    }

    @Test func aDateOnlyWithSourceDateEpochAndTheLanguageFollowsTheReport() throws {
        let (out, outcome) = buildReports([repositoryRoot + "/data/vak2"]) { $0.formats = [.docx]; $0.lang = .en; $0.generated = "2022-12-01" }
        #expect(!outcome.hasErrors)
        let docx = try DocxReading(path: out + "/vak2/slutrapport.docx")
        #expect(docx.text("docProps/core.xml").contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-12-01T00:00:00Z</dcterms:created>"))
        #expect(docx.text("word/styles.xml").contains("<w:lang w:val=\"en-GB\""))
        #expect(!docx.text("word/styles.xml").contains("sv-SE"))
        #expect(try docx.elements("p", in: "word/footer1.xml").map(\.wordText) == ["Page 1 of 1"])
    }

    /// Hostile names, labels and narrative are characters in `w:t`, nothing
    /// else: no field, no hyperlink but a safe one, no relationship of their own.
    @Test func hostileTextStaysText() throws {
        let docx = try DocxReading(path: Self.hostile)
        let name = "<img src=x onerror=alert(1)> | *Fet* `kod` & \"citat\" 'enkel' \u{200F}🐑 [länk](javascript:alert(1))"
        let paragraphs = try docx.elements("p")
        #expect(paragraphs.first { $0.paragraphStyle == "Title" }?.wordText == name)
        #expect(try docx.elements("p", in: "word/header1.xml").map(\.wordText) == [name])
        for part in ["word/document.xml", "word/header1.xml"] {
            for field in ["fldSimple", "fldChar", "instrText", "hyperlink", "object", "altChunk"] {
                #expect(try docx.elements(field, in: part).isEmpty, "\(part) has \(field)")
            }
        }
        // Only the parts a report always has: nothing the data named.
        let targets = try docx.elements("Relationship", in: "word/_rels/document.xml.rels").compactMap { $0.attribute(local: "Target") }
        #expect(targets == ["styles.xml", "numbering.xml", "settings.xml", "fontTable.xml", "theme/theme1.xml", "header1.xml", "footer1.xml",
                            "charts/chart1.xml", "charts/chart2.xml", "charts/chart3.xml", "charts/chart4.xml"])
        // Every text of the fixture's names is there as it was written.
        let body = paragraphs.map(\.wordText).joined(separator: "\n")
        for text in ["<script>alert('ägare')</script>", "Lön | <img src=x onerror=alert(2)>", "Annat ]]> <!-- x -->", "Egen <h1>rubrik</h1> | #",
                     "<a href=javascript:alert(1)>enkät</a>"] {
            #expect(body.contains(text), "\(text)")
        }
        // Raw HTML tags in the narrative are dropped, as in the HTML report's safe mode; a script link is its text.
        #expect(paragraphs.map(\.wordText).contains("Vanlig text med alert('berättelse') och  och en länk och en annan och *{color:red}."))
    }

    @Test func onlyLinksWithASafeSchemeBecomeHyperlinks() throws {
        let text = "[webb](<https://example.org/a b?q=ö>) [post](mailto:info@example.org) [skript](javascript:alert(1)) "
            + "[fil](file:///etc/passwd) [data](data:text/html,x) [relativ](annan.html) [webb igen](<https://example.org/a b?q=ö>)"
        let f = try Fixture(["project.yaml": minimalYAML + "sections:\n  summary: \"\(text)\"\n"])
        let (out, outcome) = buildReports([f.folder]) { $0.formats = [.docx] }
        #expect(!outcome.hasErrors)
        let docx = try DocxReading(path: out + "/test/slutrapport.docx")
        let links = try docx.elements("hyperlink").map { [$0.attribute(local: "id") ?? "", $0.wordText] }
        #expect(links == [["rId8", "webb"], ["rId9", "post"], ["rId8", "webb igen"]])
        let external = try docx.elements("Relationship", in: "word/_rels/document.xml.rels").filter { $0.attribute(local: "TargetMode") == "External" }
        #expect(external.map { [$0.attribute(local: "Id") ?? "", $0.attribute(local: "Target") ?? ""] } ==
                [["rId8", "https://example.org/a%20b?q=%C3%B6"], ["rId9", "mailto:info@example.org"]])
        let summary = try docx.elements("p").first { $0.wordText.hasPrefix("webb") }
        #expect(summary?.wordText == "webb post skript fil data relativ webb igen")
    }

    /// Lists, quotes, code, strikethrough and tables of the narrative keep their structure.
    @Test func narrativeBlocksBecomeWordStructure() throws {
        let text = "# Rubrik\\n\\n- ett\\n- två\\n  1. under\\n\\n3. tre\\n4. fyra\\n\\n> citat ~~struken~~ **fet** *kursiv* `kod`\\n\\n```\\nrad 1\\nrad 2\\n```\\n\\n| a | b |\\n|---|--:|\\n| x | 12 |\\n"
        let f = try Fixture(["project.yaml": minimalYAML + "sections:\n  summary: \"\(text)\"\n"])
        let (out, outcome) = buildReports([f.folder]) { $0.formats = [.docx] }
        #expect(!outcome.hasErrors)
        let docx = try DocxReading(path: out + "/test/slutrapport.docx")
        let body = try docx.elements("p").filter { $0.parent?.localName == "body" }
        func numbering(_ p: XMLElement) throws -> [String] {
            try p.nodes(forXPath: "./*[local-name()='pPr']/*[local-name()='numPr']/*").compactMap { ($0 as? XMLElement)?.attribute(local: "val") }
        }
        let summary = Array(body.drop { $0.wordText != "Sammanfattning" }.dropFirst())
        #expect(summary.map { [$0.paragraphStyle ?? "", $0.wordText] } ==
                [["Heading2", "Rubrik"], ["ListParagraph", "ett"], ["ListParagraph", "två"], ["ListParagraph", "under"],
                 ["ListParagraph", "tre"], ["ListParagraph", "fyra"], ["Quote", "citat struken fet kursiv kod"], ["SourceCode", "rad 1rad 2"], ["", ""]])
        #expect(try summary[1...5].map(numbering) == [["0", "9001"], ["0", "9001"], ["1", "9002"], ["0", "9003"], ["0", "9003"]])
        let numberingXML = docx.text("word/numbering.xml")
        #expect(numberingXML.contains("<w:num w:numId=\"9003\"><w:abstractNumId w:val=\"9002\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/></w:lvlOverride></w:num>"))
        #expect(try summary[6].nodes(forXPath: ".//*[local-name()='strike']").count == 1)
        #expect(try summary[7].nodes(forXPath: ".//*[local-name()='br']").count == 1)
        let table = try #require(try docx.elements("tbl").last)
        #expect(table.tableRows == [["a", "b"], ["x", "12"]])
    }

    @Test func theBatchIndexLinksTheWordReport() throws {
        let (out, outcome) = buildReports([repositoryRoot + "/data/vak2", repositoryRoot + "/data/kompetens-nord"]) { $0.formats = [.docx] }
        #expect(!outcome.hasErrors)
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8).contains(" · <a href=\"vak2/slutrapport.docx\">Word</a></td></tr>"))
        #expect(try String(contentsOfFile: out + "/index.md", encoding: .utf8).contains(" · [docx](vak2/slutrapport.docx) |\n"))
        #expect(FileManager.default.fileExists(atPath: out + "/kompetens-nord/slutrapport.docx"))
    }

    @Test func twoBuildsGiveIdenticalBytes() throws {
        let again = buildReports([repositoryRoot + "/data/vak2"]) { $0.formats = [.docx] }.out + "/vak2/slutrapport.docx"
        let first = try Data(contentsOf: URL(fileURLWithPath: Self.vak2)), second = try Data(contentsOf: URL(fileURLWithPath: again))
        #expect(first == second)
        let docx = try DocxReading(path: Self.vak2)
        #expect(docx.names.prefix(5) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml", "word/_rels/document.xml.rels"])
        #expect(!docx.text("word/document.xml").contains("rsid"))
    }
}
