import CSlutrapportXML2
import Foundation

/// Every element and attribute of an HTML page, read with libxml2's HTML
/// parser (no network), to check what a report could make a browser do.
struct HTMLInspector {
    struct Element: Equatable {
        var name: String
        var attributes: [String: String]
    }

    /// A `<table>`'s caption and its rows of cell texts (header row included).
    struct Table: Equatable {
        var caption: String
        var rows: [[String]]
    }

    private(set) var elements: [Element] = []
    /// Text of <style> elements.
    private(set) var styles: [String] = []
    /// Every table, in document order.
    private(set) var tables: [Table] = []

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
                if name == "table" { tables.append(Self.table(current)) }
                if let child = current.pointee.children { walk(child) }
            }
            n = current.pointee.next
        }
    }

    private static func table(_ node: xmlNodePtr) -> Table {
        var table = Table(caption: "", rows: [])
        func visit(_ node: xmlNodePtr) {
            var n: xmlNodePtr? = node.pointee.children
            while let current = n {
                if current.pointee.type == XML_ELEMENT_NODE {
                    switch String(cString: current.pointee.name).lowercased() {
                    case "caption": table.caption = text(current)
                    case "tr": table.rows.append(cells(current))
                    case "table": break  // a nested table is its own
                    default: visit(current)
                    }
                }
                n = current.pointee.next
            }
        }
        func cells(_ row: xmlNodePtr) -> [String] {
            var cells: [String] = []
            var n: xmlNodePtr? = row.pointee.children
            while let current = n {
                if current.pointee.type == XML_ELEMENT_NODE, ["th", "td"].contains(String(cString: current.pointee.name).lowercased()) {
                    cells.append(shownText(current))
                }
                n = current.pointee.next
            }
            return cells
        }
        visit(node)
        return table
    }

    /// The text under a node a reader sees: without what is there for screen readers only (`.visually-hidden`).
    private static func shownText(_ node: xmlNodePtr) -> String {
        var shown = ""
        var n: xmlNodePtr? = node.pointee.children
        while let current = n {
            if current.pointee.type == XML_ELEMENT_NODE {
                var classes = ""
                var a = current.pointee.properties
                while let attr = a {
                    if String(cString: attr.pointee.name).lowercased() == "class" {
                        classes = attr.pointee.children.flatMap { $0.pointee.content }.map { String(cString: $0) } ?? ""
                    }
                    a = attr.pointee.next
                }
                if !classes.split(separator: " ").contains("visually-hidden") { shown += shownText(current) }
            } else {
                shown += text(current)
            }
            n = current.pointee.next
        }
        return shown
    }

    /// All text under a node, through a buffer (Swift 6 will not call libxml2's global `xmlFree`).
    static func text(_ node: xmlNodePtr) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        xmlNodeBufGetContent(buffer, node)
        return xmlBufferContent(buffer).map { String(cString: $0) } ?? ""
    }
}
