import Mustache

/// Escaping belongs to the format: each template selects its own with
/// `{{% CONTENT_TYPE: MARKDOWN}}` or `{{% CONTENT_TYPE: XML}}`.
enum ContentTypes {
    /// Registered once per process (swift-mustache keeps them in a global table).
    static let registered: Bool = {
        MustacheContentTypes.register(MarkdownText(), named: "MARKDOWN")
        MustacheContentTypes.register(XMLText(), named: "XML")
        return true
    }()
}

/// Inline Markdown text: whatever a name contains, it stays text and keeps a
/// table cell whole. Punctuation that opens Markdown inline syntax (`<` and
/// `&` included, which would start HTML or an entity) is backslash-escaped,
/// and line breaks become spaces.
struct MarkdownText: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "<", "&":
                out.append("\\")
                out.unicodeScalars.append(ch)
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// XML character data and attribute values; characters XML 1.0 forbids are dropped.
struct XMLText: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(ch)
            default:
                if ch.value < 0x20 || ch.value == 0xFFFE || ch.value == 0xFFFF { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
