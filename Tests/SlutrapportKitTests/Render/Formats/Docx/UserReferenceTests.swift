import Foundation
import FoundationXML
import Testing
@testable import SlutrapportKit

/// A project leader's own Word template as reference.docx (issue 25):
/// python-docx's default template, a blank document from a Swedish Word's
/// Normal.dotm, and a letterhead with a logo in its header
/// (Tests/Fixtures/reference-docx, `scripts/make-reference-fixtures.py`).
/// None defines slutrapport's own styles; the report took 34–39 pages of
/// tables one word a line, exit 0 and no warning.
@Suite struct UserReferenceTests {
    static let shapes = ["python-docx", "word-sv", "letterhead"]
    /// The styles each shape lacks, taken from the built-in reference.
    static let taken = [
        "python-docx": "Kicker, TableText, TableHeading, Note, SourceNote, SourceCode, Hyperlink, VerbatimChar, Met, NotMet, ReportTable, DetailsTable",
        "word-sv": "Kicker, Title, Subtitle, Heading2, Heading3, Heading4, Caption, TableText, TableHeading, Note, SourceNote, Quote, SourceCode, "
            + "ListParagraph, Header, Footer, Hyperlink, VerbatimChar, Met, NotMet, ReportTable, DetailsTable",
        "letterhead": "Kicker, TableText, TableHeading, Note, SourceNote, SourceCode, Hyperlink, VerbatimChar, Met, NotMet, ReportTable, DetailsTable",
    ]
    /// Page width and height, and the left margin, in twips, as each reference has them.
    static let pages = ["python-docx": ("12240", "15840", "1800"), "word-sv": ("11906", "16838", "1417"), "letterhead": ("11906", "16838", "1134")]

    func build(_ shape: String) throws -> (docx: DocxReading, path: String, outcome: Batch.Outcome) {
        let folder = scratch("templates-\(shape)")
        try FileManager.default.copyItem(atPath: templatesFolder, toPath: folder)
        try FileManager.default.removeItem(atPath: folder + "/reference.docx")
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Tests/Fixtures/reference-docx/\(shape)/reference.docx",
                                         toPath: folder + "/reference.docx")
        let (out, outcome) = buildReports([repositoryRoot + "/data/vak2"], templates: folder) { $0.formats = [.docx] }
        let path = out + "/vak2/slutrapport.docx"
        return (try DocxReading(path: path), path, outcome)
    }

    /// The styles taken are those of templates/reference.docx (`scripts/make-reference-docx.py` writes both).
    @Test func theBuiltInStylesAreTheDefaultReferences() throws {
        let reference = try DocxReading(path: templatesFolder + "/reference.docx")
        #expect(DocxReference.builtInStyles + "\n" == reference.text("word/styles.xml"))
    }

    @Test(arguments: shapes)
    func everyStyleTheReportUsesIsDefinedAndOneWarningListsThoseTaken(shape: String) throws {
        let (docx, _, outcome) = try build(shape)
        #expect(!outcome.hasErrors)
        #expect(outcome.diagnostics.map { "\($0.severity.rawValue) \($0.code.rawValue) \($0.message)" } == [
            "warning reference-docx-styles reference.docx lacks \(Self.taken[shape]!.split(separator: ",").count) of the styles the Word report uses, "
                + "taken from slutrapport's own (with your fonts): \(Self.taken[shape]!)",
        ])
        let defined = Set(try docx.elements("style", in: "word/styles.xml").compactMap { $0.attribute(local: "styleId") })
        let used = Set(try ["pStyle", "rStyle", "tblStyle"].flatMap { try docx.elements($0) }.compactMap { $0.attribute(local: "val") })
        #expect(used.subtracting(defined).sorted() == [])
        #expect(used.isSuperset(of: ["ReportTable", "TableText", "TableHeading", "Heading1", "Caption"]))
        // Its page wins.
        let size = try #require(try docx.elements("pgSz").first)
        let margins = try #require(try docx.elements("pgMar").first)
        #expect((size.attribute(local: "w"), size.attribute(local: "h"), margins.attribute(local: "left"))
                == (Self.pages[shape]!.0, Self.pages[shape]!.1, Self.pages[shape]!.2))
        // The styles taken carry no font of their own (the user's fonts win), but for code.
        for style in try docx.elements("style", in: "word/styles.xml") where Self.taken[shape]!.contains(style.attribute(local: "styleId") ?? "-") {
            let fonts = try style.nodes(forXPath: ".//*[local-name()='rFonts']").compactMap { ($0 as? XMLElement)?.attribute(local: "ascii") }
            let id = style.attribute(local: "styleId") ?? ""
            #expect(fonts == (["SourceCode", "VerbatimChar"].contains(id) ? ["Courier New"] : []), "\(id)")
        }
    }

    /// The user's fonts, heading colour, header and footer: a letterhead stays one.
    @Test func theLetterheadKeepsItsFontColourLogoAndFooter() throws {
        let (docx, _, _) = try build("letterhead")
        let styles = docx.text("word/styles.xml")
        #expect(styles.contains("<w:rFonts w:ascii=\"Garamond\" w:hAnsi=\"Garamond\"/>"))
        let colours = try docx.elements("style", in: "word/styles.xml").filter { ["Heading1", "Kicker"].contains($0.attribute(local: "styleId")) }
            .map { try $0.nodes(forXPath: ".//*[local-name()='color']").compactMap { ($0 as? XMLElement)?.attribute(local: "val") } }
        #expect(colours == [["8B1A1A"], ["8B1A1A"]])
        let reference = try DocxReading(path: repositoryRoot + "/Tests/Fixtures/reference-docx/letterhead/reference.docx")
        #expect(docx.parts["word/media/reference-image1.png"] == reference.parts["word/media/image1.png"])
        #expect(docx.text("word/_rels/reference-header1.xml.rels").contains("Target=\"media/reference-image1.png\""))
        #expect(try docx.elements("ftr", in: "word/reference-footer2.xml").map(\.wordText) == ["Arbetsmarknadsförvaltningen · Exempelkommun"])
        #expect(docx.parts["word/header1.xml"] == nil && docx.parts["word/footer1.xml"] == nil)
        let section = try #require(try docx.elements("sectPr").last)
        #expect(section.children(local: "headerReference").map { $0.attribute(local: "id") } == ["rIdReference1"])
        #expect(section.children(local: "footerReference").map { $0.attribute(local: "id") } == ["rIdReference2"])
        #expect(docx.text("word/_rels/document.xml.rels").contains(
            "<Relationship Id=\"rIdReference1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"reference-header1.xml\"/>"))
        #expect(docx.text("[Content_Types].xml").contains("<Override PartName=\"/word/media/reference-image1.png\" ContentType=\"image/png\"/>"))
    }

    /// A Swedish Word's style ids (`Rubrik1` for heading 1) are the report's headings, with their look.
    @Test func aSwedishWordsHeadingIsTheReportsHeading() throws {
        let (docx, _, _) = try build("word-sv")
        let heading = try #require(try docx.elements("style", in: "word/styles.xml").first { $0.attribute(local: "styleId") == "Heading1" })
        #expect(try heading.nodes(forXPath: ".//*[local-name()='name']").compactMap { ($0 as? XMLElement)?.attribute(local: "val") } == ["heading 1"])
        #expect(try heading.nodes(forXPath: ".//*[local-name()='color']").compactMap { ($0 as? XMLElement)?.attribute(local: "val") } == ["2F5496"])
        #expect(!docx.text("word/styles.xml").contains("\"Rubrik1\""))
        #expect(docx.text("word/styles.xml").contains("<w:link w:val=\"Heading1\"/>"))
    }

    /// As the reader sees it: LibreOffice's PDF has the built-in reference's page count, not 34–39.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")), arguments: shapes)
    func libreOfficePrintsTheReportOnAsManyPagesAsTheBuiltInReference(shape: String) throws {
        let (_, path, _) = try build(shape)
        let folder = (path as NSString).deletingLastPathComponent
        let profile = scratch("lo-profile")
        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: "/usr/bin/soffice")
        convert.arguments = ["-env:UserInstallation=file://\(profile)", "--headless", "--convert-to", "pdf", "--outdir", folder, path]
        convert.standardOutput = FileHandle.nullDevice
        convert.standardError = FileHandle.nullDevice
        try convert.run()
        convert.waitUntilExit()
        let pdf = try Data(contentsOf: URL(fileURLWithPath: folder + "/slutrapport.pdf"))
        // Each page object of LibreOffice's PDF is "/Type /Page" (the tree is "/Type /Pages").
        let text = String(decoding: pdf, as: UTF8.self)
        let pages = text.components(separatedBy: "/Type/Page").count - 1 - (text.components(separatedBy: "/Type/Pages").count - 1)
        #expect(pages == ["python-docx": 9, "word-sv": 9, "letterhead": 8][shape]!)
    }
}
