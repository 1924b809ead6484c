import Foundation

/// How templates include each other. swift-mustache follows a partial
/// wherever it leads: a template that includes itself, directly or through
/// others, recurses until the stack overflows, and partials that include
/// partials many times over multiply into more text than memory holds. These
/// are checked when the templates load, on the graph of `{{> name}}` tags.
extension TemplateSet {
    /// Partials within partials, counted from a report template.
    static let maximumPartialDepth = 10
    /// A template's text with every partial written out in its place.
    static let maximumExpandedTemplateBytes = 1024 * 1024

    /// A `{{> name}}` (or `{{< name}}`) tag and where it starts.
    struct PartialTag: Equatable {
        var name: String
        var line: Int
        var column: Int
        /// `{{>*name}}`: the name is looked up in the data when rendering.
        var dynamic: Bool
    }

    /// A loaded template as the partial checks see it.
    struct LoadedTemplate {
        var name: String
        var path: String
        var bytes: Int
        var partials: [PartialTag]
    }

    /// The partial tags of a template, found the way swift-mustache reads
    /// tags (set-delimiter tags included), in one pass: the text has parsed
    /// already, so every opening delimiter starts a tag that closes.
    static func partialTags(in text: String) -> [PartialTag] {
        let chars = Array(text)
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
        var tags: [PartialTag] = []
        var (i, line, column) = (0, 1, 1)
        func starts(_ delimiter: [Character], at k: Int) -> Bool {
            k + delimiter.count <= chars.count && chars[k..<(k + delimiter.count)].elementsEqual(delimiter)
        }
        func advance(to end: Int) {
            while i < end {
                if chars[i].isNewline { (line, column) = (line + 1, 1) } else { column += 1 }
                i += 1
            }
        }
        while i < chars.count {
            guard starts(open, at: i) else {
                advance(to: i + 1)
                continue
            }
            let (tagLine, tagColumn) = (line, column)
            let contentStart = i + open.count
            var end = contentStart
            while end < chars.count && !starts(close, at: end) { end += 1 }
            guard end < chars.count else { break }
            let content = chars[contentStart..<end]
            var after = end + close.count
            switch content.first {
            case "{":
                if after < chars.count && chars[after] == "}" { after += 1 }  // `{{{name}}}` ends in one more brace
            case ">", "<":
                var name = String(content.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
                let dynamic = name.hasPrefix("*")
                if dynamic { name = String(name.dropFirst()) }
                tags.append(PartialTag(name: name, line: tagLine, column: tagColumn, dynamic: dynamic))
            case "=":
                // `{{=<% %>=}}`: the two new delimiters between the equals signs.
                let parts = content.dropFirst().split { $0 == "=" || $0.isWhitespace }
                if parts.count == 2 { (open, close) = (Array(parts[0]), Array(parts[1])) }
            default:
                break
            }
            advance(to: after)
        }
        return tags
    }

    /// Cycles, dynamic partials, nesting deeper than `maximumPartialDepth` and
    /// expansions past `maximumExpandedTemplateBytes`, each an error at the
    /// tag responsible. Iterative, so a long chain of partials cannot
    /// overflow the stack of the thread loading them.
    static func checkPartials(_ templates: [LoadedTemplate], log: inout DiagnosticLog) {
        let index = Dictionary(templates.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        func location(_ t: Int, _ tag: PartialTag) -> SourceLocation {
            SourceLocation(file: templates[t].path, line: tag.line, column: tag.column)
        }
        var edges: [[(tag: PartialTag, target: Int)]] = templates.map { _ in [] }
        for (t, template) in templates.enumerated() {
            for tag in template.partials {
                if tag.dynamic {
                    log.error(.templateDynamicPartial, "a dynamic partial ({{>*\(tag.name)}}) picks its template from the data when rendering, so what it includes cannot be checked; name the partial", at: location(t, tag))
                } else if let target = index[tag.name] {
                    edges[t].append((tag, target))
                }
            }
        }

        // Depth-first, in name order; an edge back to a template still on the path closes a cycle.
        enum State { case new, onPath, done }
        var state = [State](repeating: .new, count: templates.count)
        var order: [Int] = []  // each template after every template it includes
        var cyclic = false
        for root in templates.indices.sorted(by: { templates[$0].name < templates[$1].name }) where state[root] == .new {
            var path: [(template: Int, next: Int)] = [(root, 0)]
            state[root] = .onPath
            while let (t, next) = path.last {
                guard next < edges[t].count else {
                    state[t] = .done
                    order.append(t)
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let (tag, target) = edges[t][next]
                switch state[target] {
                case .new:
                    state[target] = .onPath
                    path.append((target, 0))
                case .onPath:
                    cyclic = true
                    let names = path.drop { $0.template != target }.map { templates[$0.template].name } + [templates[target].name]
                    log.error(.templatePartialCycle, "partial '\(templates[target].name)' includes itself: \(names.joined(separator: " → ")); a partial cannot include itself, directly or through others",
                              at: location(t, tag))
                case .done:
                    break
                }
            }
        }
        guard !cyclic else { return }

        // Depth and expanded size, each template after its partials. The error
        // goes to the tag where a template crosses the limit while the partial
        // it includes is within it, so one chain gives one error.
        var depth = [Int](repeating: 0, count: templates.count)
        var expanded = [Int](repeating: 0, count: templates.count)
        for t in order {
            var size = templates[t].bytes
            var sizeReported = false
            for (tag, target) in edges[t] {
                if depth[target] == maximumPartialDepth {
                    log.error(.templatePartialDepth, "partials nest more than \(maximumPartialDepth) deep here: '\(tag.name)' includes partials \(maximumPartialDepth) levels down",
                              at: location(t, tag))
                }
                depth[t] = max(depth[t], depth[target] + 1)
                size = min(size + expanded[target], maximumExpandedTemplateBytes + 1)
                if size > maximumExpandedTemplateBytes && expanded[target] <= maximumExpandedTemplateBytes && !sizeReported {
                    sizeReported = true
                    log.error(.templateTooLarge, "with its partials written out, \(templates[t].name) grows past \(maximumExpandedTemplateBytes / 1024) KiB here; include fewer partials, or smaller ones",
                              at: location(t, tag))
                }
            }
            expanded[t] = size
        }
    }
}
