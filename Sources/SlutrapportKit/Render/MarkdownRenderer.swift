import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Markdown to HTML through libcmark-gfm with the table, strikethrough,
/// autolink and tagfilter extensions, in cmark's safe mode: raw HTML is
/// omitted and `javascript:`-style links are dropped. Images are the
/// project's own, embedded, or their alt text: nothing is fetched.
public struct MarkdownRenderer: Sendable {
    /// The core extensions are registered once per process: the registration
    /// function is not thread-safe, a Swift global initialiser is.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// libcmark-gfm keeps the inline characters of attached extensions (`~`
    /// for strikethrough) in a process-wide table that freeing a parser
    /// clears: two parsers at once on two threads can lose each other's.
    /// One render at a time keeps the output the same whatever `--jobs`.
    private static let lock = NSLock()

    private static let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    public init() {
        _ = Self.registered
    }

    /// The HTML of text whose images are all shown as their alt text.
    public func html(_ markdown: String) -> String {
        render(markdown, images: [:]).html
    }

    /// An image as cmark-gfm reads it, with where it starts.
    struct ImageReference: Equatable {
        var destination: String
        /// 1-based line of the text.
        var line: Int
        /// 1-based column in bytes, as cmark-gfm counts it (inside a
        /// paragraph's continuation lines it may miss indentation).
        var byteColumn: Int
    }

    /// Every image of the text, outer ones first, in the order they are written.
    func images(in markdown: String) -> [ImageReference] {
        Self.lock.withLock {
            parse(markdown) { document, _ in
                imageNodes(in: document, exiting: false).map { node in
                    ImageReference(destination: Self.string(cmark_node_get_url(node)), line: Int(cmark_node_get_start_line(node)),
                                   byteColumn: Int(cmark_node_get_start_column(node)))
                }
            } ?? []
        }
    }

    /// The HTML and the Markdown of a section's text. An image in `images`
    /// is embedded in the HTML as a `data:` URI and links its copy in the
    /// Markdown; any other becomes its alt text, as plain text. Text without
    /// images keeps its Markdown as written; text with images is written
    /// back by cmark-gfm, which may change how some of it is spelled.
    func render(_ markdown: String, images: [String: EmbeddedImage]) -> (html: String, markdown: String) {
        Self.lock.withLock {
            parse(markdown) { document, parser in
                // Inner images (in an alt text) first, so that replacing an outer one cannot free one still to see.
                let nodes = imageNodes(in: document, exiting: true)
                var embedded: [(node: OpaquePointer, image: EmbeddedImage)] = []
                for node in nodes {
                    if let image = images[Self.string(cmark_node_get_url(node))] {
                        cmark_node_set_url(node, image.file)
                        embedded.append((node, image))
                    } else {
                        replaceWithAltText(node)
                    }
                }
                let written = nodes.isEmpty ? markdown : Self.take(cmark_render_commonmark(document, Self.options, 0))
                var dataURIs: [String: String] = [:]
                for (node, image) in embedded {
                    let uri = dataURIs[image.file] ?? "data:\(image.mediaType);base64,\(Data(image.bytes).base64EncodedString())"
                    dataURIs[image.file] = uri
                    cmark_node_set_url(node, uri)
                }
                let html = Self.take(cmark_render_html(document, Self.options, cmark_parser_get_syntax_extensions(parser)))
                return (html, written.trimmingTrailingWhitespace)
            } ?? ("", markdown)
        }
    }

    /// cmark-gfm's tree of `markdown`, handed to `body` under the lock every render takes.
    func withDocument<T>(_ markdown: String, _ body: (OpaquePointer) -> T) -> T? {
        Self.lock.withLock { parse(markdown) { document, _ in body(document) } }
    }

    /// Parses with the extensions attached and hands the document over; nil when cmark-gfm fails.
    private func parse<T>(_ markdown: String, _ body: (OpaquePointer, OpaquePointer) -> T) -> T? {
        guard let parser = cmark_parser_new(Self.options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return body(document, parser)
    }

    /// Image nodes in document order, or with every image after those inside it.
    private func imageNodes(in document: OpaquePointer, exiting: Bool) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        let wanted = exiting ? CMARK_EVENT_EXIT : CMARK_EVENT_ENTER
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == wanted, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                nodes.append(node)
            }
        }
        return nodes
    }

    /// Puts a text node with the image's alt text (its text and code, without markup) in its place.
    private func replaceWithAltText(_ image: OpaquePointer) {
        var alt = ""
        if let iterator = cmark_iter_new(image) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE: alt += Self.string(cmark_node_get_literal(node))
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: alt += " "
                default: break
                }
            }
            cmark_iter_free(iterator)
        }
        if let text = cmark_node_new(CMARK_NODE_TEXT) {
            cmark_node_set_literal(text, alt)
            cmark_node_insert_before(image, text)
        }
        cmark_node_unlink(image)
        cmark_node_free(image)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// A string cmark-gfm allocated, copied and freed.
    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
