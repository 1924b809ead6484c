import Foundation
import Testing
@testable import SlutrapportKit

/// SPEC §3 (issue 25): an image path is resolved from the Markdown file that
/// names it, as CommonMark readers do, then from the project folder; the
/// warning names both places when neither holds it.
@Suite struct ImagePathTests {
    static let png = "\u{89}PNG\r\n\u{1A}\n"

    func load(_ markdown: String) throws -> (Project?, [String], String) {
        let f = try Fixture(["project.yaml": minimalYAML + "sections:\n  background: sections/bakgrund.md\n",
                             "sections/bakgrund.md": markdown])
        try FileManager.default.createDirectory(atPath: f.folder + "/bilder", withIntermediateDirectories: true)
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += [UInt8](repeating: 0, count: 24)
        try Data(bytes).write(to: URL(fileURLWithPath: f.folder + "/bilder/logo.png"))
        let (project, log) = f.load()
        return (project, log.all.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue) \($0.message)" }, f.folder)
    }

    @Test func aPathFromTheProjectFolderIsFoundFromASectionFile() throws {
        let (project, said, _) = try load("Text.\n\n![Logotyp](bilder/logo.png)\n")
        #expect(said == [])
        #expect(project?.sections.first?.images["bilder/logo.png"]?.mediaType == "image/png")
    }

    @Test func aMissingImageNamesBothPlaces() throws {
        let (_, said, _) = try load("![Karta](bilder/karta.png)\n")
        #expect(said == ["1:1 image-not-loaded image 'bilder/karta.png' is not loaded: there is no such file beside the Markdown file "
                         + "(sections/bilder/karta.png) nor in the project folder (bilder/karta.png); its alt text stands in its place"])
    }
}
