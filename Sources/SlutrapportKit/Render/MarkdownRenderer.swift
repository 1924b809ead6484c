import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Markdown to HTML through libcmark-gfm with the table, strikethrough,
/// autolink and tagfilter extensions, in cmark's safe mode: raw HTML is
/// omitted and `javascript:`-style links are dropped.
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

    public init() {
        _ = Self.registered
    }

    public func html(_ markdown: String) -> String {
        Self.lock.withLock { render(markdown) }
    }

    private func render(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
