import Foundation
import Testing
@testable import SlutrapportKit

/// A user copies templates/, changes one, and builds with --templates.
@Suite struct CustomTemplateTests {
    @Test func aCopiedAndChangedTemplateIsUsed() throws {
        let folder = scratch("templates")
        try FileManager.default.copyItem(atPath: templatesFolder, toPath: folder)
        let path = folder + "/report.md.mustache"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let changed = original.replacingOccurrences(of: "# {{project.name}}\n", with: """
            # {{project.name}}

            {{#xml.participants}}> {{total}} {{labels.participants}} ({{women}} {{labels.women}}, {{men}} {{labels.men}}){{/xml.participants}}

            """)
        #expect(changed != original)
        try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
        let outcome = buildReports([repositoryRoot + "/data/vak2"], templates: folder, out: folder + "-out").outcome
        #expect(!outcome.hasErrors)
        let markdown = try String(contentsOfFile: folder + "-out/vak2/slutrapport.md", encoding: .utf8)
        #expect(markdown.hasPrefix("# Värmlands Arbetskraft 2.0\n\n> 282 Deltagare (114 Kvinnor, 168 Män)\n\n**Slutrapport**"))
    }

    @Test func anXMLTemplateThatBreaksTheSchemaFailsTheBuild() throws {
        let folder = scratch("templates")
        try FileManager.default.copyItem(atPath: templatesFolder, toPath: folder)
        let path = folder + "/report.xml.mustache"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "<period ", with: "<perioden ").utf8).write(to: URL(fileURLWithPath: path))
        let outcome = buildReports([repositoryRoot + "/data/vak2"], templates: folder, out: folder + "-out").outcome
        #expect(outcome.diagnostics.map { "\($0.location.file.replacingOccurrences(of: folder, with: "OUT")):\($0.location.line) \($0.code.rawValue)" }
            == ["OUT-out/vak2/slutrapport.xml:5 xml-invalid"])
        #expect(!FileManager.default.fileExists(atPath: folder + "-out/vak2"))
    }
}
