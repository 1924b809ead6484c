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

        /// Blocks in document order, with a list of open containers in place
        /// of recursion: a quote or list nested 60,000 deep (128 KiB of `>`)
        /// overflowed the stack when each level was a call (issue 24).
        mutating func children(of node: OpaquePointer, _ context: Context) {
            struct Open {
                var next: OpaquePointer?
                var context: Context
                /// A list's number and level, for its items.
                var list: (id: Int, level: Int)?
                /// An item's frame: only its first block carries the number.
                var isItem = false
            }
            var open = [Open(next: cmark_node_first_child(node), context: context)]
            while let last = open.indices.last {
                guard let node = open[last].next else {
                    open.removeLast()
                    continue
                }
                open[last].next = cmark_node_next(node)
                let context = open[last].context
                if let list = open[last].list {
                    // An item of a list.
                    var inner = context
                    inner.number = list
                    inner.itemLevel = list.level
                    open.append(Open(next: cmark_node_first_child(node), context: inner, isItem: true))
                    continue
                }
                if open[last].isItem { open[last].context.number = nil }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_BLOCK_QUOTE:
                    var inner = context
                    inner.style = "Quote"
                    open.append(Open(next: cmark_node_first_child(node), context: inner))
                case CMARK_NODE_LIST:
                    let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                    let level = min(context.itemLevel.map { $0 + 1 } ?? 0, 8)
                    let id = references.list(ordered: ordered, start: max(Int(cmark_node_get_list_start(node)), 0), level: level)
                    open.append(Open(next: cmark_node_first_child(node), context: context, list: (id, level)))
                case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_HTML_BLOCK:
                    block(node, context)
                default:
                    if DocxNarrative.string(cmark_node_get_type_string(node)) == "table" {
                        out += table(node)
                    } else {
                        open.append(Open(next: cmark_node_first_child(node), context: context))
                    }
                }
            }
        }

        /// A leaf block: paragraph, heading, code, rule (raw HTML is dropped).
        mutating func block(_ node: OpaquePointer, _ context: Context) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                out += DocxXML.paragraph(context.style ?? (context.itemLevel == nil ? nil : "ListParagraph"),
                                         listProperties(context), inlines(node, Format()))
            case CMARK_NODE_HEADING:
                // The section's title is Heading 1: the narrative's headings nest under it.
                let level = min(Int(cmark_node_get_heading_level(node)) + 1, 4)
                out += DocxXML.paragraph("Heading\(level)", "", inlines(node, Format()))
            case CMARK_NODE_CODE_BLOCK:
                var code = DocxNarrative.string(cmark_node_get_literal(node))
                if code.hasSuffix("\n") { code.removeLast() }
                out += DocxXML.paragraph("SourceCode", listProperties(context, numbered: false), DocxXML.runs(code))
            case CMARK_NODE_THEMATIC_BREAK:
                out += DocxXML.paragraph(nil, "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"D4D4DA\"/></w:pBdr>", "")
            default:
                break
            }
        }

        /// Numbering for an item's first paragraph, indentation for its others.
        func listProperties(_ context: Context, numbered: Bool = true) -> String {
            if numbered, let number = context.number {
                return "<w:numPr><w:ilvl w:val=\"\(number.level)\"/><w:numId w:val=\"\(number.id)\"/></w:numPr>"
            }
            return context.itemLevel.map { "<w:ind w:left=\"\(360 * ($0 + 1))\"/>" } ?? ""
        }

        /// The runs of a block's inline content, walked with cmark's iterator
        /// and a list of formats in place of recursion (emphasis nests as
        /// deep as the text is long).
        mutating func inlines(_ root: OpaquePointer, _ format: Format) -> String {
            var out = ""
            guard let iterator = cmark_iter_new(root) else { return "" }
            defer { cmark_iter_free(iterator) }
            // The format inside each open inline container, and whether it opened a hyperlink.
            var formats: [(format: Format, hyperlink: Bool)] = [(format, false)]
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator), node != root else { continue }
                let current = formats[formats.count - 1].format
                if event == CMARK_EVENT_EXIT {
                    if formats.removeLast().hyperlink { out += "</w:hyperlink>" }
                    continue
                }
                var inner = current
                switch cmark_node_get_type(node) {
                case CMARK_NODE_TEXT:
                    out += DocxXML.runs(DocxNarrative.string(cmark_node_get_literal(node)), current.properties)
                    continue
                case CMARK_NODE_SOFTBREAK:
                    out += DocxXML.runs(" ", current.properties)
                    continue
                case CMARK_NODE_LINEBREAK:
                    out += "<w:r><w:br/></w:r>"
                    continue
                case CMARK_NODE_CODE:
                    inner.code = true
                    out += DocxXML.runs(DocxNarrative.string(cmark_node_get_literal(node)), inner.properties)
                    continue
                case CMARK_NODE_HTML_INLINE:
                    continue
                case CMARK_NODE_IMAGE:
                    let alt = DocxNarrative.plainText(node)
                    if let image = images[DocxNarrative.string(cmark_node_get_url(node))] {
                        let relationshipID = references.image(image)
                        out += DocxPicture.run(image, relationshipID: relationshipID, drawingID: references.nextDrawingID(), alt: alt,
                                               maximumWidth: available)
                    } else {
                        out += DocxXML.runs(alt, current.properties)
                    }
                    // Its text is the alt text, written: go on after it.
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    continue
                case CMARK_NODE_EMPH:
                    inner.italic = true
                case CMARK_NODE_STRONG:
                    inner.bold = true
                case CMARK_NODE_LINK:
                    if let url = DocxLink.safeTarget(DocxNarrative.string(cmark_node_get_url(node))) {
                        inner.link = true
                        out += "<w:hyperlink r:id=\"\(references.hyperlink(url))\">"
                        formats.append((inner, true))
                        continue
                    }
                default:
                    if DocxNarrative.string(cmark_node_get_type_string(node)) == "strikethrough" { inner.strike = true }
                }
                // An inline container: its children take its format until its exit.
                if cmark_node_first_child(node) != nil {
                    formats.append((inner, false))
                } else {
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                }
            }
            return out
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
