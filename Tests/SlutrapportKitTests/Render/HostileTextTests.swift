import Foundation
import FoundationXML
import Testing
@testable import SlutrapportKit

/// Tests/Fixtures/hostile puts markup, Markdown, quotes and script in every
/// text that reaches a report. Each format must show it as text.
@Suite struct HostileTextTests {
    static let out: String = {
        let (out, outcome) = buildReports([repositoryRoot + "/Tests/Fixtures/hostile"])
        precondition(!outcome.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.text))")
        return out + "/hostile"
    }()

    static let name = "<img src=x onerror=alert(1)> | *Fet* `kod` & \"citat\" 'enkel' \u{200F}🐑 [länk](javascript:alert(1))"

    func read(_ file: String) throws -> String { try String(contentsOfFile: "\(Self.out)/\(file)", encoding: .utf8) }

    @Test func htmlShowsEveryTextAsTextAndRunsNothing() throws {
        let html = try read("slutrapport.html")
        let page = HTMLInspector(html)
        let names = Set(page.elements.map(\.name))
        #expect(names.isDisjoint(with: ["script", "img", "iframe", "object", "embed", "link", "b", "i", "base", "form", "input"]))
        #expect(page.elements.count { $0.name == "h1" } == 1)  // the title only, not the custom section's
        #expect(page.elements.count { $0.name == "style" } == 1)  // the report's own
        for element in page.elements {
            for (attribute, value) in element.attributes {
                #expect(!attribute.hasPrefix("on"), "\(element.name) \(attribute)")
                #expect(!value.lowercased().contains("javascript:"), "\(element.name) \(attribute)=\(value)")
            }
        }
        let escapedName = "&lt;img src=x onerror=alert(1)&gt; | *Fet* `kod` &amp; &quot;citat&quot; &#39;enkel&#39;"
        #expect(html.contains("<h1>" + escapedName) || html.contains("<h1>&lt;img src=x onerror=alert(1)&gt; | *Fet* `kod` &amp; &quot;citat&quot; &#x27;enkel&#x27;"),
                "the title is not the escaped name")
    }

    @Test func htmlLoadsNothingFromOutside() throws {
        let page = HTMLInspector(try read("slutrapport.html"))
        for element in page.elements {
            // Only the project's own images, embedded.
            if let src = element.attributes["src"] { #expect(src.hasPrefix("data:image/"), "\(element.name) src=\(src.prefix(60))") }
            #expect(element.attributes["srcset"] == nil && element.attributes["poster"] == nil, "\(element.name)")
            if let fill = element.attributes["fill"], fill.hasPrefix("url(") { #expect(fill.hasPrefix("url(#")) }
        }
        for css in page.styles {
            #expect(!css.contains("url(") && !css.contains("@import"))
        }
        // Links are only where the narrative wrote them, and never followed by the page itself.
        #expect(page.elements.filter { $0.attributes["href"] != nil }.allSatisfy { $0.name == "a" })
    }

    /// The Markdown is read in viewers that fetch images: it links only the
    /// files written beside it.
    @Test func markdownLoadsNothingFromOutside() throws {
        let sources = MarkdownRenderer().images(in: try read("slutrapport.md")).map(\.destination)
        #expect(!sources.isEmpty)
        for src in sources {
            #expect(src.hasPrefix("charts/") || src.hasPrefix("images/"), "\(src)")
            #expect(!src.contains("..") && !src.contains(":"), "\(src)")
        }
    }

    @Test func markdownTablesKeepTheirShape() throws {
        let markdown = try read("slutrapport.md")
        let html = MarkdownRenderer().html(markdown)
        for table in html.components(separatedBy: "<table>").dropFirst() {
            let body = table.components(separatedBy: "</table>")[0]
            let rows = body.components(separatedBy: "<tr>").dropFirst()
            let widths = Set(rows.map { $0.components(separatedBy: "<td").count + $0.components(separatedBy: "<th").count - 2 })
            #expect(widths.count == 1, "a row of a table has another width: \(widths)")
        }
        #expect(html.contains("<td align=\"left\">A | &lt;svg onload=alert(1)&gt; *x*</td>"))
        #expect(html.contains("<h1>&lt;img src=x onerror=alert(1)&gt; | *Fet* `kod` &amp; &quot;citat&quot; 'enkel' \u{200F}🐑 [länk](javascript:alert(1))</h1>"))
    }

    @Test func xmlKeepsEveryTextExactly() throws {
        let doc = try XMLDocument(contentsOf: URL(fileURLWithPath: "\(Self.out)/slutrapport.xml"))
        #expect(try doc.nodes(forXPath: "//*[local-name()='project']/*[local-name()='name']").first?.stringValue == Self.name)
        #expect(try doc.nodes(forXPath: "//*[local-name()='subproject']/@name").map(\.stringValue) == ["A | <svg onload=alert(1)> *x*", "B \" onmouseover=\"alert(1)"])
        #expect(try doc.nodes(forXPath: "//*[local-name()='goal']/*[local-name()='text']").first?.stringValue == "Mål <script>alert(1)</script> | *50*")
        #expect(try doc.nodes(forXPath: "//*[local-name()='line']/@label").first?.stringValue == "Lön | <img src=x onerror=alert(2)>")
    }

    @Test func chartsEscapeTheirLabels() throws {
        let svg = try read("charts/delprojekt.svg")
        #expect(svg.contains("A | &lt;svg onload=alert(1)&gt; *x*"))
        #expect(!svg.contains("<svg onload"))
        #expect(try XMLDocument(contentsOf: URL(fileURLWithPath: "\(Self.out)/charts/avslutsorsaker.svg")).rootElement()?.name == "svg")
    }
}
