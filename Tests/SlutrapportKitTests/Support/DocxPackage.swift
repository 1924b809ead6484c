import CSlutrapportXML2
import Foundation
import ZIPFoundation

/// A .docx read back the way another program would: the zip's entries in
/// their stored order (ZIPFoundation), and each XML part queried by XPath with
/// libxml2, the WordprocessingML and DrawingML prefixes registered.
struct DocxPackage {
    let entries: [(path: String, bytes: [UInt8])]

    init(path: String) throws {
        try self.init(data: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    init(data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        var entries: [(String, [UInt8])] = []
        for entry in archive {
            var bytes: [UInt8] = []
            _ = try archive.extract(entry) { bytes += $0 }
            entries.append((entry.path, bytes))
        }
        self.entries = entries
    }

    var paths: [String] { entries.map(\.path) }

    func bytes(_ path: String) -> [UInt8]? { entries.first { $0.path == path }?.bytes }

    /// A part parsed as XML; a missing or malformed part is an error naming it.
    func xml(_ path: String) throws -> XMLPart {
        guard let bytes = bytes(path) else { throw DocxReadError.missingPart(path) }
        return try XMLPart(bytes, name: path)
    }

    /// Each table of the body, as rows of cell texts (a cell's paragraphs joined by a line break).
    func tables() throws -> [[[String]]] {
        let document = try xml("word/document.xml")
        let table = "/w:document/w:body/w:tbl"
        return (1...).prefix(document.count(table)).map { t in
            (1...).prefix(document.count("\(table)[\(t)]/w:tr")).map { r in
                (1...).prefix(document.count("\(table)[\(t)]/w:tr[\(r)]/w:tc")).map { c in
                    document.strings("\(table)[\(t)]/w:tr[\(r)]/w:tc[\(c)]/w:p").joined(separator: "\n")
                }
            }
        }
    }
}

enum DocxReadError: Error {
    case missingPart(String)
    case malformed(String)
}

/// One XML part, parsed without the network and without entities expanded.
final class XMLPart {
    static let namespaces: [(String, String)] = [
        ("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        ("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        ("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        ("c", "http://schemas.openxmlformats.org/drawingml/2006/chart"),
        ("ct", "http://schemas.openxmlformats.org/package/2006/content-types"),
        ("rel", "http://schemas.openxmlformats.org/package/2006/relationships"),
        ("cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
        ("dc", "http://purl.org/dc/elements/1.1/"),
        ("dcterms", "http://purl.org/dc/terms/"),
    ]

    private let document: xmlDocPtr

    init(_ bytes: [UInt8], name: String) throws {
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), name, nil, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
                }
            }
        }
        guard let parsed else { throw DocxReadError.malformed(name) }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The text content of every node (element, attribute or text) the expression selects, in document order.
    func strings(_ xpath: String) -> [String] {
        guard let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        for (prefix, uri) in Self.namespaces { xmlXPathRegisterNs(context, prefix, uri) }
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        return (0..<Int(set.pointee.nodeNr)).map { i in
            // Through a buffer: `xmlFree` is a global variable Swift 6 will not call.
            guard let node = set.pointee.nodeTab[i], let buffer = xmlBufferCreate() else { return "" }
            defer { xmlBufferFree(buffer) }
            xmlNodeBufGetContent(buffer, node)
            return xmlBufferContent(buffer).map { String(cString: $0) } ?? ""
        }
    }

    func count(_ xpath: String) -> Int { strings(xpath).count }
}
