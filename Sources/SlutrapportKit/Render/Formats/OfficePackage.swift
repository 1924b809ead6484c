import Foundation
import ZIPFoundation

/// What slutrapport.docx and slutrapport.xlsx share as Office Open XML
/// packages: the zip, written the same way every time, and the parts that
/// describe the package itself.
enum OfficePackage {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// The parts zipped in order, each dated 1980-01-01 (the zip epoch): the same parts give the same bytes.
    static func zip(_ parts: [(name: String, contents: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        let epoch = Date(timeIntervalSince1970: 315_532_800)
        for part in parts {
            try archive.addEntry(with: part.name, type: .file, uncompressedSize: Int64(part.contents.count),
                                 modificationDate: epoch, permissions: 0o644, compressionMethod: .deflate) { position, size in
                Data(part.contents[Int(position)..<Int(position) + size])
            }
        }
        return archive.data.map { [UInt8]($0) } ?? []
    }

    /// `_rels/.rels`: the main part (rId1), the core properties (rId2) and,
    /// when there are any, the application's properties (rId3).
    static func packageRelationships(main: String, appProperties: Bool = false) -> String {
        declaration + "<Relationships xmlns=\"\(relationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(officeRelationship)officeDocument\" Target=\"\(main)\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(relationships)/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            + (appProperties ? "<Relationship Id=\"rId3\" Type=\"\(officeRelationship)extended-properties\" Target=\"docProps/app.xml\"/>" : "")
            + "</Relationships>\n"
    }

    /// `docProps/core.xml`: the title and language; no author, and a date
    /// only when SOURCE_DATE_EPOCH gave one (`generated`, YYYY-MM-DD).
    static func coreProperties(title: String, language: String, generated: String?) -> String {
        var out = declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XMLText().escapeText(title))</dc:title>"
            + "<dc:language>\(language)</dc:language>"
        if let generated {
            out += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(generated)T00:00:00Z</dcterms:created>"
                + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(generated)T00:00:00Z</dcterms:modified>"
        }
        return out + "</cp:coreProperties>\n"
    }
}
