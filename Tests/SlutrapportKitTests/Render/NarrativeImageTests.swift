import Foundation
import Testing
@testable import SlutrapportKit

/// Images in the narrative (SPEC §3): one inside the project folder is
/// embedded in every format, the HTML as a `data:` URI, the Markdown as a
/// copy beside it; any other target is not loaded: a warning with its
/// position, and the alt text in its place.
@Suite struct NarrativeImageTests {
    /// A 2×2 PNG.
    static let png = [UInt8](Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR42mP4zwAE/0Ho////AB/uBfuXrhxRAAAAAElFTkSuQmCC") ?? Data())
    static let gif: [UInt8] = Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0, 0x3B]
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10] + Array("JFIF".utf8) + [0, 0xFF, 0xD9]

    struct Built {
        var folder: String
        var out: String
        var warnings: [String]
        var errors: Bool
        func read(_ file: String) -> String { (try? String(contentsOfFile: "\(out)/test/\(file)", encoding: .utf8)) ?? "" }
        func bytes(_ file: String) -> [UInt8]? { FileManager.default.contents(atPath: "\(out)/test/\(file)").map { [UInt8]($0) } }
        func exists(_ file: String) -> Bool { FileManager.default.fileExists(atPath: "\(out)/test/\(file)") }
    }

    func build(_ sections: String, files: [String: String] = [:], binary: [String: [UInt8]] = [:],
               formats: [OutputFormat] = OutputFormat.allCases, prepare: (String) throws -> Void = { _ in }) throws -> Built {
        var all = files
        all["project.yaml"] = minimalYAML + sections
        let f = try Fixture(all)
        for (name, bytes) in binary {
            let path = f.folder + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        try prepare(f.folder)
        let (out, outcome) = buildReports([f.folder]) { $0.formats = formats }
        let warnings = outcome.diagnostics.filter { $0.severity == .warning }.map { d in
            let file = d.location.file.hasPrefix(f.folder + "/") ? String(d.location.file.dropFirst(f.folder.count + 1)) : d.location.file
            return "\(file):\(d.location.line):\(d.location.column) \(d.code.rawValue)"
        }
        return Built(folder: f.folder, out: out, warnings: warnings, errors: outcome.hasErrors)
    }

    @Test func imagesFromElsewhereAreNotLoadedAndShowTheirAltText() throws {
        let text = """
            Inledning ![Karta *över* länet](http://127.0.0.1:9/karta.png) och ![referens][r].
            Också ![nät](//example.org/x.png), ![rot](/etc/hostname) och ![ut](../../ute.png).

            [r]: https://example.org/r.png "titel"
            """
        let built = try build("sections:\n  method: sections/metod.md\n", files: ["sections/metod.md": text], binary: ["../ute.png": Self.png])
        #expect(!built.errors)
        #expect(built.warnings == ["sections/metod.md:1:11 image-not-loaded", "sections/metod.md:1:67 image-not-loaded",
                                   "sections/metod.md:2:7 image-not-loaded", "sections/metod.md:2:36 image-not-loaded",
                                   "sections/metod.md:2:62 image-not-loaded"])
        let html = built.read("slutrapport.html")
        #expect(!html.contains("<img"))
        #expect(html.contains("<p>Inledning Karta över länet och referens.\nOckså nät, rot och ut.</p>"))
        let markdown = built.read("slutrapport.md")
        #expect(markdown.contains("Inledning Karta över länet och referens.\nOckså nät, rot och ut.\n"))
        for target in ["127.0.0.1", "example.org", "/etc/hostname", "ute.png"] {
            #expect(!html.contains(target) && !markdown.contains(target), "\(target)")
        }
    }

    @Test func anImageOfTheProjectIsEmbeddedInEveryFormat() throws {
        let built = try build("""
            sections:
              summary: |
                Så här ser det ut: ![Foto av gruppen](sections/bilder/foto.png "Gruppen")
              method: sections/metod.md

            """, files: ["sections/metod.md": "Samma bild ![Igen](bilder/foto.png), en ![gif](bilder/a%20b.gif) och ![jpeg](<bilder/c.jpg>).\n"],
            binary: ["sections/bilder/foto.png": Self.png, "sections/bilder/a b.gif": Self.gif, "sections/bilder/c.jpg": Self.jpeg])
        #expect(!built.errors)
        #expect(built.warnings == [])
        let base64 = Data(Self.png).base64EncodedString()
        let html = built.read("slutrapport.html")
        #expect(html.contains("<p>Så här ser det ut: <img src=\"data:image/png;base64,\(base64)\" alt=\"Foto av gruppen\" title=\"Gruppen\" /></p>"))
        #expect(html.contains("<img src=\"data:image/png;base64,\(base64)\" alt=\"Igen\" />"))
        #expect(html.contains("<img src=\"data:image/gif;base64,\(Data(Self.gif).base64EncodedString())\" alt=\"gif\" />"))
        #expect(html.contains("<img src=\"data:image/jpeg;base64,\(Data(Self.jpeg).base64EncodedString())\" alt=\"jpeg\" />"))
        let markdown = built.read("slutrapport.md")
        #expect(markdown.contains("Så här ser det ut: ![Foto av gruppen](images/sections-bilder-foto.png \"Gruppen\")\n"))
        #expect(markdown.contains("Samma bild ![Igen](images/sections-bilder-foto.png), en ![gif](images/sections-bilder-a_b.gif) och ![jpeg](images/sections-bilder-c.jpg).\n"))
        #expect(built.bytes("images/sections-bilder-foto.png") == Self.png)
        #expect(built.bytes("images/sections-bilder-a_b.gif") == Self.gif)
        #expect(built.bytes("images/sections-bilder-c.jpg") == Self.jpeg)
    }

    /// The copies are for the Markdown: an HTML-only build writes none.
    @Test func theCopiesComeWithTheMarkdownOnly() throws {
        let section = "sections:\n  summary: \"![Foto](foto.png)\"\n"
        let htmlOnly = try build(section, binary: ["foto.png": Self.png], formats: [.html])
        #expect(!htmlOnly.exists("images"))
        #expect(htmlOnly.read("slutrapport.html").contains("data:image/png;base64,"))
        let markdownOnly = try build(section, binary: ["foto.png": Self.png], formats: [.md])
        #expect(markdownOnly.bytes("images/foto.png") == Self.png)
        #expect(!markdownOnly.exists("slutrapport.html"))
    }

    @Test func whatIsNotARegularImageFileIsNotLoaded() throws {
        let text = "![text](text.png) ![mapp](mapp.png) ![länk](lank.png) ![fifo](fifo.png) ![saknas](saknas.png) ![svg](bild.svg)\n"
        let outside = scratch("outside") + ".png"
        try Data(Self.png).write(to: URL(fileURLWithPath: outside))
        let built = try build("sections:\n  summary: sections/s.md\n", files: ["sections/s.md": text, "sections/text.png": "inte en bild",
                                                                           "sections/bild.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"]) { folder in
            try FileManager.default.createDirectory(atPath: folder + "/sections/mapp.png", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: folder + "/sections/lank.png", withDestinationPath: outside)
            #expect(mkfifo(folder + "/sections/fifo.png", 0o600) == 0)
        }
        #expect(!built.errors)
        #expect(built.warnings == ["sections/s.md:1:1 image-not-loaded", "sections/s.md:1:19 image-not-loaded",
                                   "sections/s.md:1:37 image-not-loaded", "sections/s.md:1:55 image-not-loaded",
                                   "sections/s.md:1:73 image-not-loaded", "sections/s.md:1:95 image-not-loaded"])
        #expect(built.read("slutrapport.md").hasSuffix("text mapp länk fifo saknas svg\n"))
    }

    @Test func theWarningsSayWhy() throws {
        let f = try Fixture(["project.yaml": minimalYAML + "sections:\n  summary: \"![a](https://x.se/a.png) ![b](b.txt) ![c](c.png)\"\n",
                             "b.txt": "text"])
        let (project, log) = f.load()
        #expect(project?.sections.first?.images.isEmpty == true)
        #expect(log.all.map(\.message) == [
            "image 'https://x.se/a.png' is not loaded: only an image file inside the project folder is shown; its alt text stands in its place",
            "image 'b.txt' is not loaded: it is not a PNG, JPEG or GIF image; its alt text stands in its place",
            "image 'c.png' is not loaded: there is no such file in the project folder; its alt text stands in its place",
        ])
    }

    /// Loads a project whose narrative uses `image.png`, and gives the warnings and how many embed.
    func load(_ sections: String, image: [UInt8]) throws -> (warnings: [String], embedded: Int) {
        let f = try Fixture(["project.yaml": minimalYAML + sections])
        try Data(image).write(to: URL(fileURLWithPath: f.folder + "/bild.png"))
        let (project, log) = f.load()
        return (positions(log, relativeTo: f.folder), project?.sections.reduce(0) { $0 + $1.images.count } ?? -1)
    }

    @Test func anImagePastTheSizeLimitIsNotLoaded() throws {
        let fits = Self.png + [UInt8](repeating: 0, count: NarrativeImages.maximumImageBytes - Self.png.count)
        #expect(try load("sections:\n  summary: \"![stor](bild.png)\"\n", image: fits + [0]) == (["project.yaml:5:12 warning image-not-loaded"], 0))
        #expect(try load("sections:\n  summary: \"![ryms](bild.png)\"\n", image: fits) == ([], 1))
    }

    /// Each use of an image is written out again in the HTML: the uses count.
    @Test func imagesPastTheNarrativesTotalAreNotLoaded() throws {
        let image = Self.png + [UInt8](repeating: 0, count: NarrativeImages.maximumImageBytes - Self.png.count)
        let uses = NarrativeImages.maximumTotalImageBytes / image.count  // exactly the total
        let first = String(repeating: "![a](bild.png)", count: uses)
        #expect(try load("sections:\n  summary: \"\(first)\"\n  method: |\n    Sedan ![b](bild.png)\n", image: image)
            == (["project.yaml:7:11 warning image-not-loaded"], 1))
    }

    /// A literal block keeps its lines: the warning names the line and column
    /// in project.yaml; other styles fold lines, and it names the text's start.
    @Test func warningsAboutTextInProjectYAMLPointIntoIt() throws {
        let built = try build("""
            sections:
              summary: |
                Rad ett.

                Åäö ![x](http://x.se/x.png)
              method: >
                Vikt text
                ![y](http://x.se/y.png)

            """)
        #expect(built.warnings == ["project.yaml:8:9 image-not-loaded", "project.yaml:9:11 image-not-loaded"])
    }

    /// An image inside another's alt text is checked too.
    @Test func anImageInsideAnAltTextIsNotLoaded() throws {
        let built = try build("sections:\n  summary: \"![ytter ![inre](http://x.se/i.png)](foto.png)\"\n", binary: ["foto.png": Self.png])
        #expect(built.warnings == ["project.yaml:5:12 image-not-loaded"])
        #expect(built.read("slutrapport.md").contains("![ytter inre](images/foto.png)"))
        #expect(!built.read("slutrapport.html").contains("x.se"))
    }
}
