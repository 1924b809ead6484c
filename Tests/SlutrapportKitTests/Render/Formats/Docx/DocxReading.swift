import Foundation
import FoundationXML
import ZIPFoundation

/// A built slutrapport.docx opened again: its parts by name, and its XML
/// parts read back with Foundation's libxml2-based XMLDocument and XPath.
struct DocxReading {
    let parts: [String: Data]
    /// The zip's entry names in their stored order.
    let names: [String]

    init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: Data] = [:]
        var names: [String] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
            names.append(entry.path)
        }
        self.parts = parts
        self.names = names
    }

    func text(_ part: String) -> String {
        parts[part].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    func xml(_ part: String) throws -> XMLDocument {
        try XMLDocument(data: parts[part] ?? Data(), options: [])
    }

    /// Elements of a WordprocessingML part by local name, in document order (XPath without namespace prefixes).
    func elements(_ name: String, in part: String = "word/document.xml") throws -> [XMLElement] {
        try xml(part).nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
    }
}

extension XMLElement {
    /// The text of every `w:t` under this element, joined.
    var wordText: String {
        ((try? nodes(forXPath: ".//*[local-name()='t']")) ?? []).map { $0.stringValue ?? "" }.joined()
    }

    /// An attribute by local name (`w:val`).
    func attribute(local name: String) -> String? {
        attributes?.first { $0.localName == name || $0.name == name }?.stringValue
    }

    /// Child elements by local name.
    func children(local name: String) -> [XMLElement] {
        (children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == name }
    }

    /// A paragraph's style id.
    var paragraphStyle: String? {
        ((try? nodes(forXPath: "./*[local-name()='pPr']/*[local-name()='pStyle']")) ?? []).compactMap { $0 as? XMLElement }.first?.attribute(local: "val")
    }

    /// A table's rows, each a list of its cells' texts.
    var tableRows: [[String]] {
        children(local: "tr").map { $0.children(local: "tc").map(\.wordText) }
    }
}
