import Foundation
import Testing
import ZIPFoundation
@testable import SlutrapportKit

/// The template folder's reference.docx gives the Word report its look: a
/// user's own is taken as it is, and one that is not a usable Word file is
/// an error at it, before any report is written.
@Suite struct DocxReferenceTests {
    /// A copy of the default templates whose reference.docx has its parts changed by `change`.
    func templates(changing change: (String, String) -> String?) throws -> String {
        let folder = scratch("templates")
        try FileManager.default.copyItem(atPath: templatesFolder, toPath: folder)
        let original = try DocxReading(path: templatesFolder + "/reference.docx")
        let path = folder + "/reference.docx"
        try FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for name in original.names {
            guard let text = change(name, original.text(name)) else { continue }
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data[Int(position)..<Int(position) + size]
            }
        }
        return folder
    }

    @Test func aUsersReferenceGivesItsStylesAndPage() throws {
        let folder = try templates { name, text in
            switch name {
            case "word/styles.xml": text.replacingOccurrences(of: "Georgia", with: "Garamond")
            case "word/document.xml": text.replacingOccurrences(of: "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>", with: "<w:pgSz w:w=\"12240\" w:h=\"15840\"/>")
                .replacingOccurrences(of: "<w:sectPr>", with: "<w:sectPr w:rsidR=\"00A1B2C3\"><w:headerReference w:type=\"default\" r:id=\"rId99\"/>")
            default: text
            }
        }
        let (out, outcome) = buildReports([repositoryRoot + "/data/vak2"], templates: folder) { $0.formats = [.docx] }
        #expect(!outcome.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.text))")
        let docx = try DocxReading(path: out + "/vak2/slutrapport.docx")
        #expect(docx.text("word/styles.xml").contains("w:ascii=\"Garamond\""))
        let document = docx.text("word/document.xml")
        #expect(document.contains("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId6\"/><w:footerReference w:type=\"default\" r:id=\"rId7\"/><w:pgSz w:w=\"12240\" w:h=\"15840\"/>"))
        #expect(!document.contains("rId99") && !document.contains("rsid"))
    }

    @Test func aReferenceThatIsNotAWordFileIsAnErrorAtIt() throws {
        let folder = scratch("templates")
        try FileManager.default.copyItem(atPath: templatesFolder, toPath: folder)
        try Data("inte en zip".utf8).write(to: URL(fileURLWithPath: folder + "/reference.docx"))
        let (set, log) = TemplateSet.load(folder: folder)
        #expect(set == nil)
        #expect(positions(log, relativeTo: folder) == ["reference.docx:1:1 error reference-docx-invalid"])
        #expect(log.all.first?.message == "reference.docx is not a Word document slutrapport can use: it is not a zip archive")
    }

    @Test func aReferenceWithoutStylesIsAnError() throws {
        let folder = try templates { name, text in name == "word/styles.xml" ? nil : text }
        let (_, log) = TemplateSet.load(folder: folder)
        #expect(positions(log, relativeTo: folder) == ["reference.docx:1:1 error reference-docx-invalid"])
        #expect(log.all.first?.message.hasSuffix("it has no word/styles.xml") == true)
    }

    /// A part that inflates past the limit is refused without inflating it whole.
    @Test func aPartThatInflatesPastItsLimitIsRefused() throws {
        let folder = try templates { name, text in
            name == "word/styles.xml" ? text + String(repeating: " ", count: DocxReference.maximumPartBytes) : text
        }
        #expect(FileBytes.regularFileSize(folder + "/reference.docx").map { $0 < 100_000 } == true)
        let (_, log) = TemplateSet.load(folder: folder)
        #expect(positions(log, relativeTo: folder) == ["reference.docx:1:1 error reference-docx-invalid"])
        #expect(log.all.first?.message.hasSuffix("word/styles.xml is larger than 4 MiB") == true)
    }

    /// A last member whose deflate stream never ends (a stored block claiming
    /// more than the file holds) is refused: ZIPFoundation's `extract` asked
    /// zlib for more at the end of the file for ever, and the build hung.
    @Test func aStreamThatNeverEndsIsRefusedNotWaitedOn() throws {
        let folder = try templates { name, text in name == "word/styles.xml" ? nil : text }
        let path = folder + "/reference.docx"
        var bytes = try #require(FileBytes.read(path))
        // Appended as the last member: a raw deflate stream of one non-final stored block of 65,535 bytes, cut off.
        let name = Array("word/styles.xml".utf8)
        let data: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00, 0x41]
        let directoryAt = Int(bytes.suffix(6).prefix(4).enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) })
        let directory = Array(bytes[directoryAt..<(bytes.count - 22)])
        var end = Array(bytes.suffix(22))
        let local = directoryAt
        func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        let header = [0x50, 0x4B, 0x03, 0x04] + le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0, 4) + le(data.count, 4) + le(65_535, 4)
            + le(name.count, 2) + le(0, 2) + name + data
        let entry = [0x50, 0x4B, 0x01, 0x02] + le(20, 2) + le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0, 4) + le(data.count, 4)
            + le(65_535, 4) + le(name.count, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(local, 4) + name
        bytes = Array(bytes[..<directoryAt]) + header + directory + entry
        let entries = Int(end[10]) | Int(end[11]) << 8
        end.replaceSubrange(8..<10, with: le(entries + 1, 2))
        end.replaceSubrange(10..<12, with: le(entries + 1, 2))
        end.replaceSubrange(12..<16, with: le(directory.count + entry.count, 4))
        end.replaceSubrange(16..<20, with: le(directoryAt + header.count, 4))
        try Data(bytes + end).write(to: URL(fileURLWithPath: path))
        let (status, stderr) = try runCLI(["check", repositoryRoot + "/data/vak2", "--templates", folder], timeout: 20)
        #expect(status == 1, "\(stderr)")
        #expect(stderr.contains("reference.docx:1:1: error: reference.docx is not a Word document slutrapport can use: word/styles.xml "))
    }

    /// Without reference.docx only a build that asks for Word fails, and says what is missing.
    @Test func aMissingReferenceFailsOnlyAWordBuild() throws {
        let folder = scratch("templates")
        try FileManager.default.copyItem(atPath: templatesFolder, toPath: folder)
        try FileManager.default.removeItem(atPath: folder + "/reference.docx")
        let text = buildReports([repositoryRoot + "/data/vak2"], templates: folder) { $0.formats = [.md, .html] }
        #expect(!text.outcome.hasErrors)
        let word = buildReports([repositoryRoot + "/data/vak2"], templates: folder) { $0.formats = [.docx] }
        #expect(word.outcome.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code.rawValue)" }
                == ["\(folder)/reference.docx:1:1 template-missing"])
        #expect(!FileManager.default.fileExists(atPath: word.out + "/vak2"))
    }
}

extension DocxReferenceTests {
    /// Word writes a `w:sectPrChange` inside a section with tracked changes: the section is still the outer one.
    @Test func theLastSectionIsTheOuterOneWithoutItsReferences() {
        let document = "<w:body><w:p/><w:sectPr w:rsidR=\"001\"><w:footerReference w:type=\"default\" r:id=\"rId8\"/><w:pgSz w:w=\"12240\"/>"
            + "<w:sectPrChange w:id=\"1\"><w:sectPr><w:pgSz w:w=\"11906\"/></w:sectPr></w:sectPrChange></w:sectPr></w:body>"
        #expect(DocxReference.lastSection(of: document)
                == "<w:sectPr w:rsidR=\"001\"><w:pgSz w:w=\"12240\"/></w:sectPr>")
    }
}
