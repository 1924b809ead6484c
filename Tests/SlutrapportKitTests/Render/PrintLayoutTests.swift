import Foundation
import Testing
@testable import SlutrapportKit

/// The printed report numbers its own pages and heads them with the
/// project's name (CSS `@page` margin boxes, which Chromium prints since
/// version 131, with its own header and footer off), and no page is forced
/// to end early (issue 16 item 5). `scripts/check-print.py` (make clients)
/// prints every example with Chromium and checks each page.
@Suite struct PrintLayoutTests {
    private func html(_ build: Vak2Build) throws -> String {
        try String(contentsOfFile: build.outputFolder + "/slutrapport.html", encoding: .utf8)
    }

    @Test(arguments: [(Vak2Build.swedish, "Sida", "av"), (.english, "Page", "of")])
    func everyPrintedPageCarriesItsNumberAndTheProjectName(build: Vak2Build, page: String, of: String) throws {
        let text = try html(build)
        let pageRule = """
        @page { size: A4; margin: 20mm 18mm 22mm;
          @top-left { content: "Värmlands Arbetskraft 2.0"; font: 8pt "Source Sans 3", "Source Sans Pro", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: #5b5b66; }
          @bottom-right { content: "\(page) " counter(page) " \(of) " counter(pages); font: 8pt "Source Sans 3", "Source Sans Pro", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: #5b5b66; }
        }
        """
        #expect(text.contains(pageRule))
    }

    /// Page 2 of vak2 was 70 % blank before a forced break ahead of the results.
    @Test func noPageIsForcedToEnd() throws {
        let text = try html(.swedish)
        #expect(!text.contains("break-before: page"))
        #expect(!text.contains("page-break-before"))
        #expect(text.contains("  table, figure.chart, dl, main img { break-inside: avoid; }"))
        // samverk-nordost's two-line heading broke between its lines, at a page's foot.
        #expect(text.contains("  h2, h3, caption { break-after: avoid; break-inside: avoid; }"))
    }

    /// The name goes into a CSS string inside `<style>`: nothing in it can end
    /// the string, the rule or the element.
    @Test func aHostileNameStaysInsideItsCSSString() throws {
        #expect(ReportViewBuilder.cssString(#"A "b" \ </style><script>x & 'y'"#)
            == #"A \000022b\000022 \00005C \00003C/style\00003E\00003Cscript\00003Ex \000026 \000027y\000027"#)
        #expect(ReportViewBuilder.cssString("Värmlands Arbetskraft 2.0\n") == #"Värmlands Arbetskraft 2.0\00000A"#)
    }
}
