import Foundation
import FoundationXML
import PropertyBased
import Testing
import ZIPFoundation
@testable import SlutrapportKit

/// Narrative nested as deep as a section may hold (128 KiB of `>` or `- `)
/// and as wide, through every writer (issue 24). No writer recurses per
/// level of the user's nesting: before issue 24 the Word writer walked
/// cmark's tree by recursion, and 60,000 block quotes overflowed its stack
/// (SIGSEGV, no output, no message).
@Suite struct DeepNarrativeTests {
    static let depth = 60_000

    /// Sections that nest as deep as 128 KiB allows, in each way Markdown nests.
    static let deepSections: [String: String] = [
        "quotes": String(repeating: ">", count: depth) + " citat\n",
        "lists": String(repeating: "- ", count: depth) + "punkt\n",
        "numbered": String(repeating: "1. ", count: 40_000) + "ett\n",
        "mixed": String(repeating: "> - 1. ", count: 18_000) + "blandat\n",
        "emphasis": String(repeating: "*_", count: 30_000) + "fet" + String(repeating: "_*", count: 30_000) + "\n",
        "links": String(repeating: "*[", count: 20_000) + "länk" + String(repeating: "](https://example.org)*", count: 1) + "\n",
    ]

    static func project(_ sections: [String: String]) throws -> Fixture {
        var files = ["participants.csv": "id,gender,start_date\n1,kvinna,2021-01-01\n"]
        var yaml = minimalYAML + "sections:\n"
        for (name, text) in sections.sorted(by: { $0.key < $1.key }) {
            yaml += "  \(name): {title: \(name.capitalized), file: sections/\(name).md}\n"
            files["sections/\(name).md"] = text
        }
        files["project.yaml"] = yaml
        return try Fixture(files)
    }

    /// The part's text, which must be well-formed XML.
    static func part(_ docx: String, _ name: String) throws -> XMLDocument {
        let archive = try Archive(url: URL(fileURLWithPath: docx), accessMode: .read)
        let entry = try #require(archive[name])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return try XMLDocument(data: data)
    }

    @Test func everyWriterTakesTheDeepestNarrative() throws {
        for (name, text) in Self.deepSections { #expect(text.utf8.count <= Narrative.maximumSectionBytes, "\(name)") }
        let fixture = try Self.project(Self.deepSections)
        let out = scratch("deep")
        // In a child process, so that a crash fails this test, not the run.
        let (status, stderr) = try runCLI(["build", fixture.folder, "--out", out], timeout: 120)
        #expect(status == 0, "\(stderr)")
        let folder = out + "/test"
        for format in OutputFormat.allCases {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + format.fileName), "\(format)")
        }
        let document = try Self.part(folder + "/slutrapport.docx", "word/document.xml")
        let paragraphs = try document.nodes(forXPath: "//*[local-name()='p']").map { $0.stringValue ?? "" }
        // Every section's innermost text is there once, whatever its depth.
        for word in ["citat", "punkt", "ett", "blandat"] {
            #expect(paragraphs.filter { $0 == word }.count == 1, "\(word)")
        }
        // cmark-gfm leaves some of 30,000 `*_` as text; the word inside is one run, in italics.
        let fet = try document.nodes(forXPath: "//*[local-name()='r'][*[local-name()='t']='fet']/*[local-name()='rPr']/*").map { $0.localName ?? "" }
        #expect(fet == ["i", "iCs"])
        let link = try document.nodes(forXPath: "//*[local-name()='hyperlink'][.//*[local-name()='t']='länk']")
        #expect(link.count == 1)
        // A quote 60,000 deep is one paragraph in the Quote style; a list 60,000 deep numbers its item at Word's deepest level (8).
        let quote = try document.nodes(forXPath: "//*[local-name()='p'][.='citat']/*[local-name()='pPr']/*[local-name()='pStyle']/@*[local-name()='val']")
        #expect(quote.map { $0.stringValue ?? "" } == ["Quote"])
        let level = try document.nodes(forXPath: "//*[local-name()='p'][.='punkt']//*[local-name()='ilvl']/@*[local-name()='val']")
        #expect(level.map { $0.stringValue ?? "" } == ["8"])
        let html = try String(contentsOfFile: folder + "/slutrapport.html", encoding: .utf8)
        #expect(html.contains("citat") && html.contains("punkt") && html.contains("blandat"))
    }

    /// Random nesting of quotes, lists and emphasis, deep and wide, through
    /// every writer in this process: each build succeeds and its .docx parts are well-formed.
    @Test func everyWriterTakesRandomDeepAndWideNarrative() async throws {
        await propertyCheck(count: 6, input: Gen.int(in: 0...1_000_000)) { seed in
            var random = SplitMix(state: UInt64(seed))
            var sections: [String: String] = [:]
            for s in 0..<3 {
                var text = ""
                while text.utf8.count < 100_000 {
                    let depth = random.next(5_000)
                    let marks = ["> ", "- ", "1. ", "* ", ">"]
                    var prefix = ""
                    for _ in 0..<depth { prefix += marks[random.next(marks.count)] }
                    let emphasis = random.next(500)
                    text += prefix + String(repeating: "*_", count: emphasis) + "ord\(s)" + String(repeating: "_*", count: emphasis)
                        + (random.next(2) == 0 ? "\n\n" : "\n")
                    if random.next(3) == 0 { text += String(repeating: "- a\n", count: 500) + "\n" }
                }
                sections["del\(s)"] = String(text.utf8.prefix(Narrative.maximumSectionBytes - 16).map { Character(Unicode.Scalar($0)) }) + "\n"
            }
            let fixture = try Self.project(sections)
            let (out, outcome) = buildReports([fixture.folder])
            #expect(!outcome.hasErrors, "seed \(seed)")
            for name in ["word/document.xml", "word/numbering.xml", "word/_rels/document.xml.rels"] {
                #expect(throws: Never.self) { _ = try Self.part(out + "/test/slutrapport.docx", name) }
            }
            for format in OutputFormat.allCases {
                #expect(FileManager.default.fileExists(atPath: out + "/test/" + format.fileName), "\(format) seed \(seed)")
            }
        }
    }
}
