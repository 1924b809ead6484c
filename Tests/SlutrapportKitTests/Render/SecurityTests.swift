import Foundation
import Testing
@testable import SlutrapportKit

/// What a template folder from a colleague, or a schema, could make
/// slutrapport read or fetch: nothing outside the template folder.
@Suite struct SecurityTests {
    func templates(_ change: (String) throws -> Void) throws -> String {
        let folder = scratch("security")
        try FileManager.default.copyItem(atPath: templatesFolder, toPath: folder)
        try change(folder)
        return folder
    }

    func build(_ templates: String) -> Batch.Outcome {
        buildReports([repositoryRoot + "/data/vak2"], templates: templates, out: templates + "-out").outcome
    }

    @Test func aSchemaCannotIncludeOrImportAnything() throws {
        for reference in ["<xs:include schemaLocation=\"/etc/hostname\"/>", "<xs:import namespace=\"urn:x\" schemaLocation=\"http://127.0.0.1:9/x.xsd\"/>"] {
            let folder = try templates { f in
                let xsd = try String(contentsOfFile: f + "/slutrapport.xsd", encoding: .utf8)
                try Data(xsd.replacingOccurrences(of: "elementFormDefault=\"qualified\">", with: "elementFormDefault=\"qualified\">\n  " + reference).utf8)
                    .write(to: URL(fileURLWithPath: f + "/slutrapport.xsd"))
            }
            let outcome = build(folder)
            #expect(outcome.hasErrors)
            #expect(outcome.diagnostics.allSatisfy { $0.code == .xmlInvalid && $0.location.file == folder + "/slutrapport.xsd" || $0.code == .notRendered })
            #expect(!FileManager.default.fileExists(atPath: folder + "-out/vak2"))
        }
    }

    @Test func anXMLTemplateCannotPullInAFile() throws {
        let secret = scratch("secret")
        try Data("HEMLIGT-INNEHÅLL".utf8).write(to: URL(fileURLWithPath: secret))
        let folder = try templates { f in
            let xml = try String(contentsOfFile: f + "/report.xml.mustache", encoding: .utf8)
            let changed = xml.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                                                   with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE slutrapport [<!ENTITY s SYSTEM \"file://\(secret)\">]>\n")
                .replacingOccurrences(of: "<name>{{xml.project.name}}</name>", with: "<name>&s;</name>")
            try Data(changed.utf8).write(to: URL(fileURLWithPath: f + "/report.xml.mustache"))
        }
        let outcome = build(folder)
        // The entity stays a reference, which the schema refuses: had libxml2
        // expanded it (read the file), the report would validate and be written.
        #expect(outcome.diagnostics.map { "\($0.location.file.replacingOccurrences(of: folder, with: "T")):\($0.location.line):\($0.location.column) \($0.code.rawValue)" }
            == ["T-out/vak2/slutrapport.xml:5:1 xml-invalid"])
        #expect(outcome.diagnostics.first?.message.contains("there is at least one entity reference in the node-tree") == true)
        #expect(outcome.diagnostics.allSatisfy { !$0.message.contains("HEMLIGT") })
        #expect(!FileManager.default.fileExists(atPath: folder + "-out/vak2"))
    }

    @Test func aTemplateLinkingOutOfItsFolderIsRefused() throws {
        let outside = scratch("outside") + ".mustache"
        try Data("{{project.name}}".utf8).write(to: URL(fileURLWithPath: outside))
        let folder = try templates { f in
            try FileManager.default.createSymbolicLink(atPath: f + "/extra.mustache", withDestinationPath: outside)
        }
        let outcome = build(folder)
        #expect(outcome.diagnostics.map { "\($0.location.file.replacingOccurrences(of: folder, with: "T")) \($0.code.rawValue)" }
            == ["T/extra.mustache template-outside-folder", "T not-rendered"])
    }
}
