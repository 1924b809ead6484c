import Foundation
import Yams

extension ProjectBuilder {
    /// Sections in report order: the standard ones in their fixed order, then
    /// the project's own in file order. Empty ones are dropped here, so no
    /// renderer can show an empty heading.
    mutating func sections(_ node: Node) -> [Section] {
        guard case .mapping(let mapping) = node else {
            reader.log.error(.yamlType, "'sections' must be a mapping from section id to text", at: reader.location(node))
            return []
        }
        var standard: [StandardSection: Section] = [:]
        var own: [Section] = []
        for (k, v) in mapping {
            guard let id = k.scalar?.string else { continue }
            let kind = StandardSection(rawValue: id)
            guard let section = section(id: id, kind: kind, keyNode: k, value: v) else { continue }
            guard !section.markdown.allSatisfy(\.isWhitespace) else { continue }
            if let kind { standard[kind] = section } else { own.append(section) }
        }
        return StandardSection.allCases.compactMap { standard[$0] } + own
    }

    private mutating func section(id: String, kind: StandardSection?, keyNode: Node, value: Node) -> Section? {
        switch value {
        case .scalar:
            guard kind != nil else {
                var message = "section '\(id)' is not a standard section; give it as {title: ..., text: ...}"
                let names = StandardSection.allCases.map(\.rawValue)
                if let hint = YAMLNodeReader.closest(to: id, in: names) { message += ", or did you mean '\(hint)'?" }
                reader.log.error(.invalidValue, message, at: reader.location(keyNode))
                return nil
            }
            guard let text = reader.string(value, "section '\(id)'") else { return nil }
            if Self.isSectionPath(text) {
                return sectionFile(text, node: value).map { Section(id: id, title: nil, markdown: $0) }
            }
            return Section(id: id, title: nil, markdown: text)
        case .mapping:
            guard let m = reader.mapping(value, "section '\(id)'", known: ["title", "text", "file"]) else { return nil }
            let title = reader.optionalString(m, "title")
            if kind == nil && title == nil {
                reader.log.error(.yamlMissingKey, "section '\(id)' needs a 'title'", at: reader.location(value))
            }
            var markdown: String?
            if let n = m["text"] { markdown = reader.string(n, "'text'") }
            if let n = m["file"], let path = reader.string(n, "'file'") {
                if markdown != nil {
                    reader.log.error(.invalidValue, "section '\(id)' has both 'text' and 'file'", at: reader.location(n))
                }
                markdown = sectionFile(path, node: n)
            }
            guard let markdown else { return nil }
            return Section(id: id, title: title, markdown: markdown)
        default:
            reader.log.error(.yamlType, "section '\(id)' must be Markdown text, a path to a .md file, or {title, text}", at: reader.location(value))
            return nil
        }
    }

    /// A value that is one line ending in `.md` names a file (SPEC §3.1).
    static func isSectionPath(_ text: String) -> Bool {
        let t = text.trimmingSpaces
        return !t.contains("\n") && t.lowercased().hasSuffix(".md")
    }

    /// Reads a section file, refusing paths that leave the project folder
    /// once `..` and symbolic links are resolved.
    private mutating func sectionFile(_ path: String, node: Node) -> String? {
        let relative = String(path.trimmingSpaces)
        let at = reader.location(node)
        let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        let target = relative.hasPrefix("/")
            ? URL(fileURLWithPath: relative)
            : URL(fileURLWithPath: folder).appendingPathComponent(relative)
        let resolved = target.standardizedFileURL.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            reader.log.error(.sectionOutsideProject, "section file '\(relative)' lies outside the project folder", at: at)
            return nil
        }
        guard let read = FileBytes.text(resolved) else {
            reader.log.error(.sectionFileMissing, "section file '\(relative)' does not exist or cannot be read", at: at)
            return nil
        }
        guard let text = read else {
            reader.log.error(.sectionFileMissing, "section file '\(relative)' is not UTF-8 text", at: at)
            return nil
        }
        return text
    }
}
