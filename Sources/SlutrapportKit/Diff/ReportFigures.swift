import CSlutrapportXML2
#if canImport(Glibc)
import Glibc
#endif

/// The figures of one built report, read back from its slutrapport.xml as a
/// flat list: "where" (the element path with its identifying attributes)
/// and "what" (the attribute) → value. Written against the XML, not the
/// Swift model, so that reports from an older build compare too.
public struct ReportFigures: Sendable, Equatable {
    public struct Key: Hashable, Sendable, Comparable {
        /// e.g. ["subproject karlstad", "exits", "exit arbete"]
        public var path: [String]
        public var attribute: String

        public static func < (a: Key, b: Key) -> Bool {
            (a.path.joined(separator: "\u{1}"), a.attribute) < (b.path.joined(separator: "\u{1}"), b.attribute)
        }
    }

    /// In document order.
    public var values: [(key: Key, value: String)]

    public static func == (a: ReportFigures, b: ReportFigures) -> Bool {
        a.values.elementsEqual(b.values) { $0.key == $1.key && $0.value == $1.value }
    }

    /// Attributes that name an element rather than measure it; the first one
    /// present labels the element.
    static let identifying = ["id", "reason", "code", "gender", "name", "label", "from", "to", "unknown", "month", "group"]
    /// Which attributes disclosure control left out, and why, and what
    /// kind of thing an element is: not figures themselves.
    static let notFigures: Set<String> = ["suppressed", "suppressedPrimary", "suppressedSecondary", "kind", "sensitive"]
    /// Elements whose content is not a figure.
    static let skipped: Set<String> = ["text", "name", "period", "funding", "project"]
    /// Elements that only hold others: left out of the path.
    static let containers: Set<String> = ["subprojects", "goals", "groups", "exits", "activities", "ageBands", "timeline", "breakdowns"]

    public enum Failure: Error, Sendable {
        case unreadable(String, reason: String)
    }

    /// Reads the report with `FileBytes`, which opens nothing but a regular
    /// file: a FIFO in its place blocked `diff` forever in libxml2's open.
    public init(path: String) throws(Failure) {
        var st = stat()
        guard stat(path, &st) == 0 else { throw .unreadable(path, reason: String(cString: strerror(errno))) }
        guard st.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path, reason: "not a regular file") }
        // libxml2 takes a length of 32 bits: said before reading, not after.
        guard st.st_size <= off_t(Int32.max) else { throw .unreadable(path, reason: "larger than 2 GiB") }
        guard let bytes = FileBytes.read(path), bytes.count <= Int(Int32.max) else {
            throw .unreadable(path, reason: "not a regular file, or no read succeeded")
        }
        xmlInitParser()
        let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOERROR.rawValue) | Int32(XML_PARSE_NOWARNING.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlReadMemory($0, Int32(clamping: buffer.count), path, nil, options) }
            }
        }
        guard let doc = parsed else { throw .unreadable(path, reason: "not well-formed XML") }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { throw .unreadable(path, reason: "not well-formed XML") }
        var values: [(key: Key, value: String)] = []
        Self.walk(root, path: [], into: &values)
        self.values = values
    }

    private static func walk(_ node: xmlNodePtr, path: [String], into values: inout [(key: Key, value: String)]) {
        var child = node.pointee.children
        while let c = child {
            defer { child = c.pointee.next }
            guard c.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = String(cString: c.pointee.name)
            guard !skipped.contains(name) else { continue }
            var attributes: [(String, String)] = []
            var attr = c.pointee.properties
            while let a = attr {
                let attrName = String(cString: a.pointee.name)
                // An attribute's value is its text child; reading it in place needs no free.
                let value = a.pointee.children.flatMap { $0.pointee.content }.map { String(cString: $0) } ?? ""
                attributes.append((attrName, value))
                attr = a.pointee.next
            }
            let identity = identifying.lazy.compactMap { key in attributes.first { $0.0 == key } }.first
            let label = identity.map { $0.0 == "unknown" ? "\(name) unknown" : "\(name) \($0.1)" } ?? name
            let here = containers.contains(name) ? path : path + [label]
            for (a, v) in attributes where !identifying.contains(a) && !notFigures.contains(a) {
                values.append((Key(path: here, attribute: a), v))
            }
            walk(c, path: here, into: &values)
        }
    }
}
