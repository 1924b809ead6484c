import Foundation
import Testing
@testable import SlutrapportKit

/// An English build of a Swedish project marks what the project wrote with
/// the project's own language, and the labels slutrapport adds carry the
/// report's (issue 16 item 6; WCAG 3.1.2, the Nu checker's "appears to be
/// written in Swedish").
@Suite struct LanguageOfPartsTests {
    private func html(_ build: Vak2Build) throws -> String {
        try String(contentsOfFile: build.outputFolder + "/slutrapport.html", encoding: .utf8)
    }

    /// The Word report marks the same text with `w:lang`, for Word's proofing and screen readers.
    @Test func anEnglishWordReportOfVak2MarksItsSwedishText() throws {
        let document = try DocxReading(path: Vak2Build.english.outputFolder + "/slutrapport.docx").text("word/document.xml")
        let swedish = #"<w:lang w:val="sv-SE"/></w:rPr><w:t xml:space="preserve">"#
        for text in ["Värmlands Arbetskraft 2.0", "Karlstads kommun", "Delprojekt Arvika", "255 unika deltagare under projekttiden",
                     "Unga vuxna"] {
            #expect(document.contains(swedish + text), "\(text)")
        }
        // The report's own words are not marked; a run set smaller keeps its size before its language (the schema's order).
        #expect(document.contains(#"<w:r><w:t xml:space="preserve">Employment</w:t></w:r>"#))
        #expect(!document.contains("<w:lang w:val=\"sv-SE\"/><w:sz "))
        let swedishBuild = try DocxReading(path: Vak2Build.swedish.outputFolder + "/slutrapport.docx").text("word/document.xml")
        #expect(!swedishBuild.contains("<w:lang "))
    }

    /// A run marked with its language and then set smaller has its size before its language, as the schema orders them.
    @Test func aSmallerRunKeepsItsLanguageLast() {
        let run = DocxXML.sized(DocxXML.inLanguage(DocxXML.runs("Kista", "<w:b/>") + DocxXML.runs("x"), "sv-SE"), halfPoints: 15)
        let size = #"<w:sz w:val="15"/><w:szCs w:val="15"/>"#
        #expect(run == "<w:r><w:rPr><w:b/>\(size)<w:lang w:val=\"sv-SE\"/></w:rPr><w:t xml:space=\"preserve\">Kista</w:t></w:r>"
                + "<w:r><w:rPr>\(size)<w:lang w:val=\"sv-SE\"/></w:rPr><w:t xml:space=\"preserve\">x</w:t></w:r>")
    }

    @Test func anEnglishBuildOfVak2MarksItsSwedishText() throws {
        let page = try html(.english)
        let marked = [
            #"<h1 lang="sv">Värmlands Arbetskraft 2.0</h1>"#,
            #"<div><dt>Project owner</dt><dd lang="sv">Karlstads kommun</dd></div>"#,
            #"<div><dt>Municipalities</dt><dd lang="sv">Arvika, Hammarö, Karlstad, Kil, Kristinehamn, Sunne</dd></div>"#,
            "<h2>Summary</h2>\n<div lang=\"sv\"><p>",
            "<h2>Project idea and expected results</h2>\n<div lang=\"sv\"><p>Unga vuxna",
            #"<th scope="row"><span lang="sv">Delprojekt Arvika</span></th><td lang="sv">Gruppverksamhet</td>"#,
            #"<th scope="row"><span lang="sv">Individuell coaching och samordning</span></th>"#,
            #"<th scope="row"><span lang="sv">Gruppverksamhet</span></th>"#,
            #"<th scope="row"><span lang="sv">255 unika deltagare under projekttiden</span></th>"#,
            #"<th scope="row"><span lang="sv">90 % upplever ökad hälsa</span> — Source: <span lang="sv">Utvärderarnas enkät</span></th>"#,
            #"<caption>Exit reasons in <span lang="sv">Delprojekt Arvika</span> by gender</caption>"#,
            #"<caption>Exit reasons in the area <span lang="sv">Gruppverksamhet</span> by gender</caption>"#,
            // A chart whose labels hold the project's names: the drawing says its own language, each name its own,
            // and the wrapper (no text of its own) keeps the Nu checker from reading the names as the page's.
            #"<figure class="chart" id="f-delprojekt">"# + "\n" + #"<div lang="sv"><svg xmlns="http://www.w3.org/2000/svg" lang="en" "#,
            ##"<text x="0" y="50" font-size="12" text-anchor="start" fill="#1d1d1f" lang="sv">Delprojekt Arvika</text>"##,
            #"<p class="visually-hidden" id="delprojekt-desc">Participants per subproject by gender. <span lang="sv">Delprojekt Arvika</span>: 48"#,
        ]
        for fragment in marked { #expect(page.contains(fragment), "\(fragment)") }
        let unmarked = [
            #"<div><dt>Project period</dt><dd>2020-09-01 – 2023-05-31</dd></div>"#,
            // The default exit reasons are slutrapport's words, in the report's language.
            #"<th scope="row">Employment</th>"#,
            #"<tr class="total"><th scope="row">Total</th>"#,
            #"<tr class="part"><th scope="row">of whom women</th>"#,
            "<h3 id=\"delprojekt\">Subprojects</h3>",
        ]
        for fragment in unmarked { #expect(page.contains(fragment), "\(fragment)") }
    }

    @Test func aSwedishBuildOfVak2HasOneLangAttribute() throws {
        let page = try html(.swedish)
        #expect(page.components(separatedBy: " lang=\"").count - 1 == 1)
        #expect(page.contains(#"<th scope="row">Delprojekt Arvika</th><td>Gruppverksamhet</td>"#))
    }

    /// `narrative_lang` names the language of the project's own text where
    /// it is not `report.lang`'s; `--lang` never changes it.
    @Test func narrativeLangIsReadAndChecked() throws {
        let yaml = minimalYAML + "narrative_lang: sv\nreport: {lang: en}\nsections:\n  lokal: {title: Lokal förankring, text: Vi har träffat många.}\n"
        let project = try #require(try Fixture(["project.yaml": yaml]).load().0)
        let fromYAML = ReportSettings(commandLine: ReportChoices(), project: project)
        #expect([fromYAML.lang, fromYAML.narrativeLang] == [.en, .sv])
        let swedish = ReportSettings(commandLine: ReportChoices(lang: .sv), project: project)
        #expect([swedish.lang, swedish.narrativeLang] == [.sv, .sv])
        let bare = try #require(try Fixture(["project.yaml": minimalYAML + "report: {lang: en}\n"]).load().0)
        #expect(ReportSettings(commandLine: ReportChoices(lang: .sv), project: bare).narrativeLang == .en)

        let bad = try Fixture(["project.yaml": minimalYAML + "narrative_lang: fi\n"])
        let log = bad.load().1
        #expect(positions(log, relativeTo: bad.folder) == ["project.yaml:4:17 error invalid-value"])
        #expect(log.all.first?.message == "narrative_lang must be 'sv' or 'en', not 'fi'")
    }

    @Test func aCustomSectionsTitleAndTextCarryTheNarrativeLanguage() throws {
        let yaml = minimalYAML + "narrative_lang: sv\nreport: {lang: en}\nsections:\n  lokal: {title: Lokal förankring, text: Vi har träffat många.}\n"
        let fixture = try Fixture(["project.yaml": yaml], name: "test")
        let (out, outcome) = buildReports([fixture.folder]) { $0.formats = [.html] }
        #expect(outcome.diagnostics.map(DiagnosticFormatter.text) == [])
        let page = try String(contentsOfFile: out + "/test/slutrapport.html", encoding: .utf8)
        #expect(page.contains("<section id=\"s-lokal\">\n<h2 lang=\"sv\">Lokal förankring</h2>\n<div lang=\"sv\"><p>Vi har träffat många.</p>\n</div>\n</section>"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    }

    /// The batch index names each project in its own language.
    @Test func theIndexMarksAProjectNameInAnotherLanguage() throws {
        let (out, _) = buildReports([repositoryRoot + "/data"]) { $0.lang = .en; $0.formats = [.html] }
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains(#"<tr><th scope="row" lang="sv">Värmlands Arbetskraft 2.0</th>"#))
    }
}

/// Every table header cell has text, and the index has its `<main>` (issue
/// 16 item 7: axe `empty-table-header`, `landmark-one-main`, `region`).
@Suite struct HTMLLandmarkTests {
    @Test func theTwoTablesWithoutAStubHeaderNameItForScreenReaders() throws {
        let page = try String(contentsOfFile: Vak2Build.english.outputFolder + "/slutrapport.html", encoding: .utf8)
        #expect(!page.contains("<th scope=\"col\"></th>"))
        let hidden = #"<thead><tr><th scope="col"><span class="visually-hidden">Measure</span></th><th scope="col" class="num">Women</th>"#
        #expect(page.components(separatedBy: hidden).count - 1 == 2)
        #expect(page.contains(".visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; padding: 0; }"))
        let swedish = try String(contentsOfFile: Vak2Build.swedish.outputFolder + "/slutrapport.html", encoding: .utf8)
        #expect(swedish.components(separatedBy: #"<th scope="col"><span class="visually-hidden">Mått</span></th>"#).count - 1 == 2)
    }

    @Test func theIndexHasItsMain() throws {
        let (out, _) = buildReports([repositoryRoot + "/data"]) { $0.formats = [.html] }
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("<body>\n<main>\n<h1>Slutrapporter</h1>\n<table>"))
        #expect(index.contains("</tbody>\n</table>\n</main>\n</body>"))
    }
}
