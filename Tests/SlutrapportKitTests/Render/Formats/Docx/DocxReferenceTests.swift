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

/// Everything slutrapport takes from a user's reference.docx is parsed and
/// checked before use (issue 24): a part that is not well-formed XML, or not
/// the part its name says, or a page whose size or margins Word cannot have,
/// is `reference-docx-invalid` naming the part. Before, a broken styles.xml
/// was copied into a .docx that opened nowhere (exit 0), and margins near
/// Int.max trapped on overflow.
extension DocxReferenceTests {
    @Test(arguments: ["word/styles.xml", "word/theme/theme1.xml", "word/fontTable.xml", "word/numbering.xml", "word/document.xml"])
    func aPartThatIsNotWellFormedIsRefusedByName(part: String) throws {
        let folder = try templates { name, text in name == part ? text.replacingOccurrences(of: "</w:", with: "</w:x", options: [], range: nil)
            .replacingOccurrences(of: "</a:", with: "</a:x") : text }
        let (set, log) = TemplateSet.load(folder: folder)
        #expect(set == nil)
        #expect(positions(log, relativeTo: folder) == ["reference.docx:1:1 error reference-docx-invalid"])
        let message = log.all.first?.message ?? ""
        #expect(message.hasPrefix("reference.docx is not a Word document slutrapport can use: \(part) is not well-formed XML (line "), "\(message)")
    }

    @Test func aPartWithAnotherRootIsRefused() throws {
        let folder = try templates { name, text in name == "word/numbering.xml" ? text.replacingOccurrences(of: "w:numbering", with: "w:styles") : text }
        let (_, log) = TemplateSet.load(folder: folder)
        #expect(log.all.map(\.message) == ["reference.docx is not a Word document slutrapport can use: word/numbering.xml holds <styles>, not <numbering>"])
    }

    @Test func aPartWithADocumentTypeIsRefused() throws {
        let folder = try templates { name, text in
            name == "word/styles.xml" ? text.replacingOccurrences(of: "?>", with: "?><!DOCTYPE x [<!ENTITY e \"e\">]>") : text
        }
        let (_, log) = TemplateSet.load(folder: folder)
        #expect(log.all.map(\.message) == ["reference.docx is not a Word document slutrapport can use: word/styles.xml is not well-formed XML "
            + "(line 1, column 56: a document type declaration (DTD); a Word part has none, and entities are never expanded)"])
    }

    /// The page taken into slutrapport's own document.xml uses a prefix that document does not declare: it would not be well-formed there.
    @Test func aPageWithAPrefixOfItsOwnIsRefused() throws {
        let folder = try templates { name, text in
            name == "word/document.xml"
                ? text.replacingOccurrences(of: "<w:document ", with: "<w:document xmlns:w15=\"urn:x\" ")
                    .replacingOccurrences(of: "</w:sectPr>", with: "<w15:footnoteColumns w15:val=\"1\"/></w:sectPr>")
                : text
        }
        let (_, log) = TemplateSet.load(folder: folder)
        #expect(log.all.map(\.message).first?.hasPrefix(
            "reference.docx is not a Word document slutrapport can use: word/document.xml: its page settings (w:sectPr) are not well-formed on their own (") == true,
            "\(log.all.map(\.message))")
    }

    /// Sizes near Int.max trapped on overflow (a crash, no message); any size past Word's 31,680 twips (22 inches) is refused.
    @Test(arguments: [
        "<w:pgMar w:top=\"1134\" w:right=\"9223372036854775807\" w:bottom=\"1247\" w:left=\"9223372036854775807\"",
        "<w:pgMar w:top=\"1134\" w:right=\"0\" w:bottom=\"1247\" w:left=\"0\"",
        "<w:pgMar w:top=\"1134\" w:right=\"99999999999999999999999\" w:bottom=\"1247\" w:left=\"1\"",
        "<w:pgMar w:top=\"1134\" w:right=\"٣\" w:bottom=\"1247\" w:left=\"1\"",
    ]) func anAbsurdPageIsRefusedNotTrapped(margins: String) throws {
        let folder = try templates { name, text in
            guard name == "word/document.xml" else { return text }
            var text = text
            if let r = text.range(of: "<w:pgMar w:top=\"1134\" w:right=\"1021\" w:bottom=\"1247\" w:left=\"1021\"") { text.replaceSubrange(r, with: margins) }
            if margins.contains("w:right=\"0\"") {
                text = text.replacingOccurrences(of: "<w:pgSz w:w=\"11906\"", with: "<w:pgSz w:w=\"9223372036854775807\"")
            }
            return text
        }
        #expect(try DocxReading(path: folder + "/reference.docx").text("word/document.xml").contains(margins))
        let out = scratch("absurd")
        let (status, stderr) = try runCLI(["build", repositoryRoot + "/data/vak2", "--templates", folder, "--out", out, "--format", "docx"], timeout: 60)
        #expect(status == 1, "\(stderr)")
        #expect(stderr.contains("reference.docx:1:1: error: reference.docx is not a Word document slutrapport can use: word/document.xml: the page's "), "\(stderr)")
        #expect(stderr.contains("is not a whole number of twips from 0 to 31680"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/vak2"))
    }

    /// slutrapport sets the report's language in the reference's run
    /// defaults by a textual search: a comment holding `</w:rPr>` put the
    /// language inside the comment, and the report had none (found reading
    /// the code as an adversary, issue 24).
    @Test func aReferenceWhoseStylesSlutrapportCannotChangeSafelyIsRefused() throws {
        let folder = try templates { name, text in
            name == "word/styles.xml" ? text.replacingOccurrences(of: "<w:rPrDefault><w:rPr>", with: "<w:rPrDefault><w:rPr><!-- </w:rPr> -->") : text
        }
        let (_, log) = TemplateSet.load(folder: folder)
        #expect(log.all.map(\.message) == ["reference.docx is not a Word document slutrapport can use: word/styles.xml: "
            + "the report's language cannot be set in its run defaults (w:rPrDefault) without breaking it"])
    }

    /// A comment after the root holding `</w:numbering>` took the report's lists into the comment: lists without numbers, exit 0.
    @Test func aReferenceWhoseNumberingSlutrapportCannotExtendSafelyIsRefused() throws {
        let folder = try templates { name, text in
            name == "word/numbering.xml" ? text.replacingOccurrences(of: "</w:numbering>", with: "</w:numbering><!-- </w:numbering> -->") : text
        }
        let (_, log) = TemplateSet.load(folder: folder)
        #expect(log.all.map(\.message) == ["reference.docx is not a Word document slutrapport can use: word/numbering.xml: "
            + "the report's lists cannot be added to it without breaking it"])
    }
}

