import Foundation
import Testing
@testable import SlutrapportKit

/// `{id: vast, name: Västra Värmland (Arvika, Sunne)}` cut the name at the
/// comma, with only a warning about a key `Sunne)` (issue 25, SPEC §3.1
/// "Flow mappings"): now an error at that key saying to quote the value.
@Suite struct FlowMappingTests {
    @Test func aCommaInAPlainValueOfAFlowMappingIsAnErrorSayingToQuoteIt() throws {
        let f = try Fixture(["project.yaml": minimalYAML + "subprojects:\n  - {id: vast, name: Västra Värmland (Arvika, Sunne)}\n"])
        let (project, log) = f.load()
        #expect(project == nil)
        #expect(log.all.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue) \($0.code.rawValue) \($0.message)" } == [
            "5:47 error yaml-syntax a comma ends a value in a {…} mapping, so 'name' was cut before 'Sunne)'; put the value in quotes: "
                + "name: \"Västra Värmland (Arvika, Sunne)\"",
        ])
    }

    /// A key that is only unknown (no plain value before it, or a value of its own) stays a warning.
    @Test func anUnknownKeyWithAValueStaysAWarning() throws {
        let f = try Fixture(["project.yaml": minimalYAML + "subprojects:\n  - {id: vast, name: \"Västra\", grupp: Norr}\n"])
        let (project, log) = f.load()
        #expect(project != nil)
        #expect(log.all.map { "\($0.severity.rawValue) \($0.code.rawValue)" } == ["warning yaml-unknown-key"])
    }

    /// `init` writes block mappings with quoted texts, which a comma cannot cut.
    @Test(arguments: [false, true])
    func initWritesNoFlowMappingAndQuotesItsTexts(esfPlus: Bool) throws {
        let yaml = ProjectScaffold.projectYAML(id: "nytt", name: "Nytt, projekt", esfPlus: esfPlus)
        let code = yaml.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        #expect(code.filter { $0.contains("{") } == [])
        for key in ["name", "label", "text", "title", "group", "owner", "region", "programme_area", "phase", "source"] {
            for line in code where line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "- ", with: "").hasPrefix(key + ": ") {
                #expect(line.contains(": \""), "\(line)")
            }
        }
        let f = try Fixture(["project.yaml": yaml], name: "nytt")
        let (project, log) = f.load()
        #expect(log.all.filter { $0.severity != .note }.map(\.message) == [])
        #expect(project?.name == "Nytt, projekt")
        #expect(project?.funding?.coFinanciers == ["Exempels kommun"])
    }
}
