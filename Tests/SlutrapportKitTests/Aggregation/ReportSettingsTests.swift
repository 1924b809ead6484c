import Foundation
import Testing
@testable import SlutrapportKit

/// `--as-of`, `--lang` and `--suppress-below` are resolved once (command
/// line, else project.yaml, else the defaults), and every format shows the
/// result, with or without participant data (issue 13).
@Suite struct ReportSettingsTests {
    /// samverk-nordost has no participant data (seed 003); its period ends 2009-02-15.
    @Test func theCommandLineDateReachesAProjectWithoutParticipantData() throws {
        let (out, outcome) = buildReports([repositoryRoot + "/data/samverk-nordost"]) { $0.asOf = Day(iso: "2021-03-31") }
        #expect(outcome.diagnostics.map(DiagnosticFormatter.text) == [])
        let folder = out + "/samverk-nordost"
        let xml = try String(contentsOfFile: folder + "/slutrapport.xml", encoding: .utf8)
        let md = try String(contentsOfFile: folder + "/slutrapport.md", encoding: .utf8)
        let html = try String(contentsOfFile: folder + "/slutrapport.html", encoding: .utf8)
        #expect(xml.split(separator: "\n")[1]
            == #"<slutrapport xmlns="urn:slutrapport:1" schemaVersion="1" asOf="2021-03-31" lang="sv">"#)
        #expect(md.split(separator: "\n").contains("**Slutrapport** · Uppgifter per 2021-03-31"))
        #expect(html.contains(#"<time datetime="2021-03-31">2021-03-31</time>"#))
    }

    /// Each setting on its own: the command line wins, then project.yaml, then the default.
    @Test func theCommandLineThenProjectYAMLThenTheDefaults() throws {
        let yaml = minimalYAML + "report: {as_of: 2022-06-30, lang: en, suppress_below: 3}\n"
        let withReport = try #require(try Fixture(["project.yaml": yaml]).load().0)
        let bare = try #require(try Fixture(["project.yaml": minimalYAML]).load().0)
        let commandLine = ReportChoices(asOf: Day(iso: "2021-03-31"), lang: .sv, suppressBelow: 0)
        let given = ReportSettings(commandLine: commandLine, project: withReport)
        #expect([given.asOf.description, given.lang.rawValue, "\(given.suppressBelow)"] == ["2021-03-31", "sv", "0"])
        let fromYAML = ReportSettings(commandLine: ReportChoices(), project: withReport)
        #expect([fromYAML.asOf.description, fromYAML.lang.rawValue, "\(fromYAML.suppressBelow)"] == ["2022-06-30", "en", "3"])
        let defaults = ReportSettings(commandLine: ReportChoices(), project: bare)
        #expect([defaults.asOf.description, defaults.lang.rawValue, "\(defaults.suppressBelow)"] == ["2022-12-31", "sv", "0"])
        let noPeriod = ReportSettings(commandLine: ReportChoices(), project: bare, periodKnown: false)
        #expect(noPeriod.asOf.description == "9999-12-31")
    }
}
