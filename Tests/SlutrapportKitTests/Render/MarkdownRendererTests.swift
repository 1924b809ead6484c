import Testing
@testable import SlutrapportKit

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersTablesAndStrikethrough() {
        #expect(renderer.html("| a | b |\n|---|--:|\n| 1 | 2 |\n") == """
            <table>
            <thead>
            <tr>
            <th>a</th>
            <th align="right">b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>1</td>
            <td align="right">2</td>
            </tr>
            </tbody>
            </table>

            """)
        #expect(renderer.html("~~gammalt~~ nytt") == "<p><del>gammalt</del> nytt</p>\n")
    }

    @Test func safeModeDropsRawHTMLAndScriptLinks() {
        #expect(renderer.html("Hej <script>alert(1)</script> [x](javascript:alert(1))") ==
            "<p>Hej <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> <a href=\"\">x</a></p>\n")
        #expect(renderer.html("<img src=x onerror=alert(1)>") == "<!-- raw HTML omitted -->\n")
    }
}

@Suite struct XMLSchemaValidatorTests {
    @Test func reportsTheLineOfAnInvalidElement() throws {
        let validator = try XMLSchemaValidator(schemaPath: templatesFolder + "/slutrapport.xsd")
        let valid = """
            <?xml version="1.0" encoding="UTF-8"?>
            <slutrapport xmlns="urn:slutrapport:1" schemaVersion="1" asOf="2022-09-30" lang="sv">
              <project id="x"><name>X</name><period start="2020-01-01" end="2021-01-01"/></project>
            </slutrapport>
            """
        #expect(validator.validate(valid).isEmpty)
        let invalid = valid.replacingOccurrences(of: "</project>", with: "</project>\n  <participants total=\"-1\"/>")
        let problems = validator.validate(invalid)
        #expect(problems.map(\.line) == [4])
        #expect(problems.first?.message.contains("'-1' is not a valid value") == true)
        let malformed = validator.validate("<slutrapport>\n<oops>\n</slutrapport>")
        #expect(malformed.first?.line == 3)
    }
}

@Suite struct TemplateSetTests {
    @Test func syntaxErrorsAndMissingPartialsNameFileLineColumn() throws {
        let f = try Fixture([
            "report.md.mustache": "# {{project.name}}\n{{#sections}}\n{{title}}\n",
            "report.html.mustache": "<p>\n  {{> saknas}}\n",
            "report.xml.mustache": "<x/>",
            "slutrapport.xsd": "",
        ])
        let (set, log) = TemplateSet.load(folder: f.folder)
        #expect(set == nil)
        #expect(positions(log, relativeTo: f.folder) == [
            "report.md.mustache:4:1 error template-syntax",
            "report.html.mustache:2:3 error template-missing",
        ])
        #expect(log.all[0].message == "template syntax: a section is never closed")
    }

    @Test func escapingBelongsToTheFormat() {
        #expect(MarkdownText().escapeText("a|b *c* <d> & `e` [f](g) #h\nny") == "a\\|b \\*c\\* \\<d> \\& \\`e\\` \\[f\\](g) \\#h ny")
        #expect(XMLText().escapeText("<a href=\"x\">'&'</a>\u{01}") == "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;")
    }
}

@Suite struct MarkdownEscapingTests {
    @Test(arguments: ["a|b", "*x*", "<script>alert(1)</script>", "AT&T &amp;", "`c`", "[l](javascript:x)", "# rubrik #",
                      "~~s~~", "_u_", "back\\slash", "1. lista", "- punkt", "> citat", "Ölands 🐑 \u{200F}"])
    func escapedTextRendersAsItself(_ name: String) {
        let html = MarkdownRenderer().html("x " + MarkdownText().escapeText(name))
        let expected = "x " + name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        #expect(html == "<p>\(expected)</p>\n")
    }
}

@Suite struct MarkdownConcurrencyTests {
    /// libcmark-gfm shares its extensions' inline characters between parsers;
    /// renders on many threads at once must all still see `~~`.
    @Test func rendersAtOnceOnManyThreadsAllAgree() {
        let results = parallelMap(2000, jobs: 8) { i in MarkdownRenderer().html("~~\(i)~~ www.example.org") }
        for (i, html) in results.enumerated() {
            #expect(html == "<p><del>\(i)</del> <a href=\"http://www.example.org\">www.example.org</a></p>\n")
        }
    }
}
