import CSlutrapportXML2
import Foundation

/// Every element and attribute of an HTML page, read with libxml2's HTML
/// parser (no network), to check what a report could make a browser do.
struct HTMLInspector {
    struct Element: Equatable {
        var name: String
        var attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    /// Text of <style> elements.
    private(set) var styles: [String] = []

    init(_ html: String) {
        let bytes = Array(html.utf8)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let doc = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), "report.html", "UTF-8", options) }
        }
        guard let doc else { return }
        defer { xmlFreeDoc(doc) }
        if let root = xmlDocGetRootElement(doc) { walk(root) }
    }

    private mutating func walk(_ node: xmlNodePtr) {
        var n: xmlNodePtr? = node
        while let current = n {
            if current.pointee.type == XML_ELEMENT_NODE {
                var attributes: [String: String] = [:]
                var a = current.pointee.properties
                while let attr = a {
                    let value = attr.pointee.children.flatMap { $0.pointee.content }.map { String(cString: $0) } ?? ""
                    attributes[String(cString: attr.pointee.name).lowercased()] = value
                    a = attr.pointee.next
                }
                let name = String(cString: current.pointee.name).lowercased()
                elements.append(Element(name: name, attributes: attributes))
                if name == "style", let text = current.pointee.children?.pointee.content { styles.append(String(cString: text)) }
                if let child = current.pointee.children { walk(child) }
            }
            n = current.pointee.next
        }
    }
}
