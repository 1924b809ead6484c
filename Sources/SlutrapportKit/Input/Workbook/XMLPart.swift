import Foundation
import CSlutrapportXML2

/// The small parts of a workbook (the workbook, its relationships, its
/// styles), read whole and parsed with libxml2's streaming reader.
enum XMLPart {
    /// A start tag: its local name, its parent's, and its attributes by
    /// local name (`r:id` is `id`).
    struct Element {
        var name: String
        var parent: String
        var attributes: [String: String]
    }

    /// libxml2's first error.
    private final class FirstError {
        var error: (line: Int, column: Int, message: String)?
    }

    private static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let box = Unmanaged<FirstError>.fromOpaque(context).takeUnretainedValue()
        guard box.error == nil else { return }
        let message = error.pointee.message.map { String(cString: $0) } ?? "invalid XML"
        box.error = (Int(error.pointee.line), Int(error.pointee.int2), message.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Calls `body` for each start tag of `bytes`, in document order.
    /// A DTD or an entity declaration is refused before libxml2 sees the
    /// text, so nothing is ever declared, loaded or expanded.
    static func elements(of bytes: [UInt8], part: String, _ body: (Element) throws(WorkbookError) -> Void) throws(WorkbookError) {
        for declaration: StaticString in ["<!DOCTYPE", "<!ENTITY"] {
            if let at = find(declaration, in: bytes) {
                let (line, column) = position(of: at, in: bytes)
                throw .malformedXML(part: part, line: line, column: column,
                                    reason: "a document type declaration (DTD); a workbook has none, and entities are never expanded")
            }
        }
        let firstError = FirstError()
        let context = Unmanaged.passUnretained(firstError).toOpaque()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let reader = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { xmlReaderForMemory($0.baseAddress, Int32(clamping: $0.count), part, nil, options) }
        }
        guard let reader else { throw .damaged("\(part) cannot be parsed") }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, handler, context)
        var parents: [String] = []
        var status: Int32 = 1
        try withExtendedLifetime(firstError) { () throws(WorkbookError) in
            while true {
                status = xmlTextReaderRead(reader)
                guard status == 1 else { break }
                let type = xmlTextReaderNodeType(reader)
                let depth = Int(xmlTextReaderDepth(reader))
                if type == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
                    let name = text(xmlTextReaderConstLocalName(reader))
                    parents.removeLast(max(0, parents.count - depth))
                    var attributes: [String: String] = [:]
                    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                        if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                        attributes[text(xmlTextReaderConstLocalName(reader))] = text(xmlTextReaderConstValue(reader))
                    }
                    _ = xmlTextReaderMoveToElement(reader)
                    try body(Element(name: name, parent: parents.last ?? "", attributes: attributes))
                    if xmlTextReaderIsEmptyElement(reader) != 1 { parents.append(name) }
                } else if type == Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue) {
                    throw .malformedXML(part: part, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                        column: Int(xmlTextReaderGetParserColumnNumber(reader)), reason: "an entity reference")
                }
            }
        }
        if status != 0 || firstError.error != nil {
            let e = firstError.error ?? (1, 1, "not well-formed")
            throw .malformedXML(part: part, line: e.line, column: e.column, reason: e.message)
        }
    }

    private static func text(_ p: UnsafePointer<xmlChar>?) -> String {
        p.map { String(cString: $0) } ?? ""
    }

    private static func find(_ needle: StaticString, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in b.baseAddress.flatMap { findBytes($0, b.count, needle) } }
    }

    /// 1-based line and byte column of `offset`.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, start = 0
        for i in 0..<offset where bytes[i] == 10 {
            line += 1
            start = i + 1
        }
        return (line, offset - start + 1)
    }
}
