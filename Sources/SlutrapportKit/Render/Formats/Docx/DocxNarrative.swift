import CCmarkGFM

/// A section's Markdown as Word paragraphs, from cmark-gfm's node tree (not
/// through HTML): paragraphs, headings under the section's, emphasis,
/// strong, strikethrough, code, block quotes, lists, tables, the project's
/// own images, and links with a safe scheme as hyperlinks. Raw HTML is
/// dropped, as in the HTML report's safe mode.
struct DocxNarrative {
    let markdown: MarkdownRenderer
    /// The narrative's images by the name the Markdown links them as.
    let images: [String: EmbeddedImage]
    /// The page's text width in twips.
    let available: Int

    func blocks(_ text: String, references: inout DocxReferences) -> String {
        markdown.withDocument(text) { document in
            var writer = Writer(images: images, available: available, references: references)
            writer.children(of: document, Context())
            references = writer.references
            return writer.out
        } ?? ""
    }

    /// Where a block stands: in a quote, in a list item.
    struct Context {
        var style: String?
        /// The list's `w:numId` and the item's level, for the item's first paragraph.
        var number: (id: Int, level: Int)?
        /// The level of the innermost list item, for an item's later paragraphs.
        var itemLevel: Int?
    }

    /// The character formatting inline nodes add up to.
    struct Format {
        var bold = false, italic = false, strike = false, code = false, link = false

        var properties: String {
            (link ? "<w:rStyle w:val=\"Hyperlink\"/>" : code ? "<w:rStyle w:val=\"VerbatimChar\"/>" : "")
                + (bold ? "<w:b/><w:bCs/>" : "") + (italic ? "<w:i/><w:iCs/>" : "") + (strike ? "<w:strike/>" : "")
        }
    }

    struct Writer {
        let images: [String: EmbeddedImage]
        let available: Int
        var references: DocxReferences
        var out = ""

        mutating func children(of node: OpaquePointer, _ context: Context) {
            var child = cmark_node_first_child(node)
            while let c = child {
                block(c, context)
                child = cmark_node_next(c)
            }
        }

        mutating func block(_ node: OpaquePointer, _ context: Context) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                out += DocxXML.paragraph(context.style ?? (context.itemLevel == nil ? nil : "ListParagraph"),
                                         listProperties(context), inlines(node, Format()))
            case CMARK_NODE_HEADING:
                // The section's title is Heading 1: the narrative's headings nest under it.
                let level = min(Int(cmark_node_get_heading_level(node)) + 1, 4)
                out += DocxXML.paragraph("Heading\(level)", "", inlines(node, Format()))
            case CMARK_NODE_BLOCK_QUOTE:
                var inner = context
                inner.style = "Quote"
                children(of: node, inner)
            case CMARK_NODE_LIST:
                list(node, context)
            case CMARK_NODE_CODE_BLOCK:
                var code = DocxNarrative.string(cmark_node_get_literal(node))
                if code.hasSuffix("\n") { code.removeLast() }
                out += DocxXML.paragraph("SourceCode", listProperties(context, numbered: false), DocxXML.runs(code))
            case CMARK_NODE_THEMATIC_BREAK:
                out += DocxXML.paragraph(nil, "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"D4D4DA\"/></w:pBdr>", "")
            case CMARK_NODE_HTML_BLOCK:
                break
            default:
                if DocxNarrative.string(cmark_node_get_type_string(node)) == "table" {
                    out += table(node)
                } else {
                    children(of: node, context)
                }
            }
        }

        /// Numbering for an item's first paragraph, indentation for its others.
        func listProperties(_ context: Context, numbered: Bool = true) -> String {
            if numbered, let number = context.number {
                return "<w:numPr><w:ilvl w:val=\"\(number.level)\"/><w:numId w:val=\"\(number.id)\"/></w:numPr>"
            }
            return context.itemLevel.map { "<w:ind w:left=\"\(360 * ($0 + 1))\"/>" } ?? ""
        }

        mutating func list(_ node: OpaquePointer, _ context: Context) {
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let level = min(context.itemLevel.map { $0 + 1 } ?? 0, 8)
            let id = references.list(ordered: ordered, start: max(Int(cmark_node_get_list_start(node)), 0), level: level)
            var item = cmark_node_first_child(node)
            while let i = item {
                var inner = context
                inner.number = (id, level)
                inner.itemLevel = level
                var child = cmark_node_first_child(i)
                while let c = child {
                    block(c, inner)
                    // Only the item's first block carries its number or bullet.
                    inner.number = nil
                    child = cmark_node_next(c)
                }
                item = cmark_node_next(i)
            }
        }

        mutating func inlines(_ node: OpaquePointer, _ format: Format) -> String {
            var out = ""
            var child = cmark_node_first_child(node)
            while let c = child {
                out += inline(c, format)
                child = cmark_node_next(c)
            }
            return out
        }

        mutating func inline(_ node: OpaquePointer, _ format: Format) -> String {
            var inner = format
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                return DocxXML.runs(DocxNarrative.string(cmark_node_get_literal(node)), format.properties)
            case CMARK_NODE_SOFTBREAK:
                return DocxXML.runs(" ", format.properties)
            case CMARK_NODE_LINEBREAK:
                return "<w:r><w:br/></w:r>"
            case CMARK_NODE_CODE:
                inner.code = true
                return DocxXML.runs(DocxNarrative.string(cmark_node_get_literal(node)), inner.properties)
            case CMARK_NODE_HTML_INLINE:
                return ""
            case CMARK_NODE_EMPH:
                inner.italic = true
            case CMARK_NODE_STRONG:
                inner.bold = true
            case CMARK_NODE_LINK:
                guard let url = DocxLink.safeTarget(DocxNarrative.string(cmark_node_get_url(node))) else { break }
                inner.link = true
                return "<w:hyperlink r:id=\"\(references.hyperlink(url))\">" + inlines(node, inner) + "</w:hyperlink>"
            case CMARK_NODE_IMAGE:
                let alt = DocxNarrative.plainText(node)
                guard let image = images[DocxNarrative.string(cmark_node_get_url(node))] else { return DocxXML.runs(alt, format.properties) }
                let relationshipID = references.image(image)
                return DocxPicture.run(image, relationshipID: relationshipID, drawingID: references.nextDrawingID(), alt: alt,
                                       maximumWidth: available)
            default:
                if DocxNarrative.string(cmark_node_get_type_string(node)) == "strikethrough" { inner.strike = true }
            }
            return inlines(node, inner)
        }

        /// A GFM table in the report's table style; a column aligned right stays right.
        mutating func table(_ node: OpaquePointer) -> String {
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            let alignments = cmark_gfm_extensions_get_table_alignments(node)
            var rows: [DocxTable.Row] = []
            var row = cmark_node_first_child(node)
            while let r = row {
                let isHeader = cmark_gfm_extensions_get_table_row_is_header(r) != 0
                var cells: [DocxTable.Cell] = []
                var cell = cmark_node_first_child(r)
                while let c = cell {
                    let right = cells.count < columns && alignments?[cells.count] == UInt8(ascii: "r")
                    cells.append(DocxTable.Cell(runs: inlines(c, Format()), text: DocxNarrative.plainText(c), rightAligned: right))
                    cell = cmark_node_next(c)
                }
                rows.append(DocxTable.Row(cells: cells, isHeader: isHeader))
                row = cmark_node_next(r)
            }
            return DocxTable(style: "ReportTable", rows: rows, caption: nil, available: available).xml
                + DocxXML.paragraph(nil, "<w:spacing w:before=\"0\" w:after=\"0\"/>", "")
        }
    }

    /// The text of a node and everything in it, without markup.
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(n) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(n))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

/// Which link targets become hyperlinks: http, https and mailto only, as the
/// HTML report's safe mode keeps no script or file link. The target is
/// percent-encoded where a URI may not hold a character, so Word reads it.
enum DocxLink {
    static let schemes = ["http:", "https:", "mailto:"]

    static func safeTarget(_ url: String) -> String? {
        let lower = url.lowercased()
        guard schemes.contains(where: { lower.hasPrefix($0) }) else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'();/?:@&=+$,#".utf8)
        let hex = Set("0123456789abcdefABCDEF".utf8)
        let bytes = Array(url.utf8)
        var out = ""
        for (i, byte) in bytes.enumerated() {
            let escape = byte == UInt8(ascii: "%") && i + 2 < bytes.count && hex.contains(bytes[i + 1]) && hex.contains(bytes[i + 2])
            if allowed.contains(byte) || escape {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
