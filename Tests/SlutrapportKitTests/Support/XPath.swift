import CSlutrapportXML2
import Foundation

/// A slutrapport.xml queried with libxml2's own XPath, the way an
/// evaluator's lxml script does: the namespace under the prefix `s`
/// (docs/xml.md's recipes), not `local-name()`.
final class XPath {
    enum Failure: Error { case unreadable(String), invalid(String) }

    /// What an expression gives: the string value of each node it selects,
    /// or one number, string or boolean rendered as XPath's `string()` would.
    enum Value: Equatable {
        case nodes([String])
        case number(Double)
        case string(String)
        case boolean(Bool)
    }

    private let document: xmlDocPtr

    init(path: String) throws {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        // From memory: the process's entity loader refuses every load, files included (XMLSchemaValidator).
        let bytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
        let parsed = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), path, nil, options) }
        }
        guard let document = parsed else { throw Failure.unreadable(path) }
        self.document = document
    }

    deinit { xmlFreeDoc(document) }

    func evaluate(_ expression: String) throws -> Value {
        guard let context = xmlXPathNewContext(document) else { throw Failure.invalid(expression) }
        defer { xmlXPathFreeContext(context) }
        xmlXPathRegisterNs(context, "s", "urn:slutrapport:1")
        guard let result = xmlXPathEvalExpression(expression, context) else { throw Failure.invalid(expression) }
        defer { xmlXPathFreeObject(result) }
        switch result.pointee.type {
        case XPATH_NODESET:
            guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0 else { return .nodes([]) }
            return .nodes((0..<Int(set.pointee.nodeNr)).map { i in set.pointee.nodeTab[i].map(HTMLInspector.text) ?? "" })
        case XPATH_NUMBER: return .number(result.pointee.floatval)
        case XPATH_BOOLEAN: return .boolean(result.pointee.boolval != 0)
        case XPATH_STRING: return .string(result.pointee.stringval.map { String(cString: $0) } ?? "")
        default: throw Failure.invalid(expression)
        }
    }

    /// The string values of the nodes `expression` selects.
    func strings(_ expression: String) throws -> [String] {
        guard case .nodes(let values) = try evaluate(expression) else { throw Failure.invalid(expression) }
        return values
    }
}
