import Foundation
import CSlutrapportXML2

/// Validates generated XML against the project's XSD with libxml2. The
/// schema is parsed once per run and shared; each validation makes its own
/// context, so validations may run on several threads.
public final class XMLSchemaValidator: @unchecked Sendable {
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    private let schema: xmlSchemaPtr

    /// Problems found while collecting libxml2's structured errors.
    private final class Collector {
        var problems: [Problem] = []
    }

    private static let errorHandler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
        let message = error.pointee.message.map { String(cString: $0) } ?? "invalid XML"
        collector.problems.append(Problem(line: Int(error.pointee.line), column: Int(error.pointee.int2),
                                          message: message.trimmingCharacters(in: " \n")))
    }

    /// Runs `body` with libxml2's per-thread error handler pointed at a collector.
    private static func collecting<T>(_ body: (UnsafeMutableRawPointer) -> T) -> (T, [Problem]) {
        let collector = Collector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSetStructuredErrorFunc(context, errorHandler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let result = withExtendedLifetime(collector) { body(context) }
        return (result, collector.problems)
    }

    /// libxml2 may load nothing by itself: no DTD, no entity, no schema
    /// import or include, local or remote. Set once per process, before any
    /// parse; the schema and the documents are handed over from memory.
    private static let loadsNothing: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    /// Parses the XSD at `path`; its problems are returned with their lines.
    public init(schemaPath path: String) throws(SchemaError) {
        _ = Self.loadsNothing
        guard let bytes = FileBytes.read(path) else {
            throw SchemaError(path: path, problems: [Problem(line: 1, column: 1, message: "cannot read the schema")])
        }
        let (parsed, problems) = Self.collecting { context -> xmlSchemaPtr? in
            let parser = bytes.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { xmlSchemaNewMemParserCtxt($0.baseAddress, Int32($0.count)) }
            }
            guard let parser else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, Self.errorHandler, context)
            return xmlSchemaParse(parser)
        }
        guard let parsed else { throw SchemaError(path: path, problems: problems) }
        schema = parsed
    }

    deinit { xmlSchemaFree(schema) }

    public struct SchemaError: Error {
        public var path: String
        public var problems: [Problem]
    }

    /// Problems of `xml` against the schema, or none when it is valid. The
    /// document is parsed without network access or entity substitution.
    public func validate(_ xml: String) -> [Problem] {
        let (valid, problems) = Self.collecting { context -> Bool in
            let options = Int32(XML_PARSE_NONET.rawValue)
            let bytes = Array(xml.utf8)
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlReadMemory(chars.baseAddress, Int32(chars.count), "slutrapport.xml", "UTF-8", options)
                }
            }
            guard let document else { return false }
            defer { xmlFreeDoc(document) }
            guard let validation = xmlSchemaNewValidCtxt(schema) else { return false }
            defer { xmlSchemaFreeValidCtxt(validation) }
            xmlSchemaSetValidStructuredErrors(validation, Self.errorHandler, context)
            return xmlSchemaValidateDoc(validation, document) == 0
        }
        if !valid && problems.isEmpty { return [Problem(line: 1, column: 1, message: "the document is not valid")] }
        return valid ? [] : problems
    }
}
