import Foundation
import Yams

extension ProjectBuilder {
    /// Sections in report order: the standard ones in their fixed order, then
    /// the project's own in file order. Empty ones are dropped here, so no
    /// renderer can show an empty heading. Sizes are checked before
    /// cmark-gfm reads any text (see `Narrative`).
    mutating func sections(_ node: Node) -> [Section] {
        guard case .mapping(let mapping) = node else {
            reader.log.error(.yamlType, "'sections' must be a mapping from section id to text", at: reader.location(node))
            return []
        }
        var standard: [StandardSection: Section] = [:]
        var own: [Section] = []
        var total = 0
        var images = NarrativeImages()
        for (k, v) in mapping {
            guard let id = k.scalar?.string else { continue }
            let kind = StandardSection(rawValue: id)
            guard case (var section, let source)? = section(id: id, kind: kind, keyNode: k, value: v) else { continue }
            guard !section.markdown.allSatisfy(\.isWhitespace) else { continue }
            // Each use of a section file counts: the reports hold the text once for each.
            total += section.markdown.utf8.count + (section.title?.utf8.count ?? 0)
            guard total <= Narrative.maximumNarrativeBytes else {
                reader.log.error(.narrativeTooLarge, "with section '\(id)' the narrative passes \(Narrative.maximumNarrativeBytes) bytes (1 MiB) in all (titles and texts, each use of a file counted); the sections after it are not checked",
                                 at: reader.location(k))
                break
            }
            guard checkTables(section.markdown, source: source) else { continue }
            section.images = self.images(in: section.markdown, source: source, state: &images)
            if let kind { standard[kind] = section } else { own.append(section) }
        }
        return StandardSection.allCases.compactMap { standard[$0] } + own
    }

    private mutating func section(id: String, kind: StandardSection?, keyNode: Node, value: Node) -> (Section, NarrativeSource)? {
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
                return sectionFile(text, node: value).map { (Section(id: id, title: nil, markdown: $0.text), $0.source) }
            }
            return inlineText(text, node: value, id: id).map { (Section(id: id, title: nil, markdown: text), $0) }
        case .mapping:
            guard let m = reader.mapping(value, "section '\(id)'", known: ["title", "text", "file"]) else { return nil }
            let title = reader.optionalString(m, "title")
            if kind == nil && title == nil {
                reader.log.error(.yamlMissingKey, "section '\(id)' needs a 'title'", at: reader.location(value))
            }
            var read: (text: String, source: NarrativeSource)?
            if let n = m["text"], let text = reader.string(n, "'text'") {
                read = inlineText(text, node: n, id: id).map { (text, $0) }
            }
            if let n = m["file"], let path = reader.string(n, "'file'") {
                if m["text"] != nil {
                    reader.log.error(.invalidValue, "section '\(id)' has both 'text' and 'file'", at: reader.location(n))
                }
                read = sectionFile(path, node: n)
            }
            guard let read else { return nil }
            return (Section(id: id, title: title, markdown: read.text), read.source)
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

    /// Text written in project.yaml, within the size limit, with where it was written.
    private mutating func inlineText(_ text: String, node: Node, id: String) -> NarrativeSource? {
        let at = reader.location(node)
        guard text.utf8.count <= Narrative.maximumSectionBytes else {
            reader.log.error(.sectionTooLarge, "section '\(id)' is \(text.utf8.count) bytes; a section may be at most \(Narrative.maximumSectionBytes) (128 KiB)", at: at)
            return nil
        }
        let kind: NarrativeSource.Kind = if case .scalar(let s) = node, s.style == .literal { .literal(firstLine: at.line + 1) } else { .folded }
        return NarrativeSource(kind: kind, file: reader.file, start: at, folder: folder)
    }

    /// Reads a section file, refusing paths that leave the project folder
    /// once `..` and symbolic links are resolved, and files past the size
    /// limit before reading them.
    private mutating func sectionFile(_ path: String, node: Node) -> (text: String, source: NarrativeSource)? {
        let relative = String(path.trimmingSpaces)
        let at = reader.location(node)
        let target = relative.hasPrefix("/")
            ? URL(fileURLWithPath: relative)
            : URL(fileURLWithPath: folder).appendingPathComponent(relative)
        guard let resolved = FolderBoundary(folder).contained(target) else {
            reader.log.error(.sectionOutsideProject, "section file '\(relative)' lies outside the project folder", at: at)
            return nil
        }
        // Measured before it is opened (a FIFO would block) or read.
        let size = FileBytes.regularFileSize(resolved)
        if let size, size > Narrative.maximumSectionBytes {
            reader.log.error(.sectionTooLarge, "section file '\(relative)' is \(size) bytes; a section may be at most \(Narrative.maximumSectionBytes) (128 KiB)", at: at)
            return nil
        }
        guard size != nil, let read = FileBytes.text(resolved) else {
            reader.log.error(.sectionFileMissing, "section file '\(relative)' does not exist or cannot be read", at: at)
            return nil
        }
        guard let text = read else {
            reader.log.error(.sectionFileMissing, "section file '\(relative)' is not UTF-8 text", at: at)
            return nil
        }
        let file = relative.hasPrefix("/") ? relative : folder.appendingPathComponent(relative)
        return (text, NarrativeSource(kind: .file, file: file, start: at, folder: (file as NSString).deletingLastPathComponent))
    }

    /// Tables cmark-gfm would take seconds over are errors at their line;
    /// false when there is one.
    private mutating func checkTables(_ text: String, source: NarrativeSource) -> Bool {
        let problems = Narrative.oversizedTables(in: text)
        let lines = problems.isEmpty ? [] : Narrative.lines(text)
        for problem in problems {
            let message = switch problem.kind {
            case .columns(let n): "a table line of \(n) cells; a table may have at most \(Narrative.maximumTableColumns) columns"
            case .cells(let n): "a table of up to \(n) cells (lines to the next blank line × columns); a table may have at most \(Narrative.maximumTableCells)"
            }
            reader.log.error(.sectionTableTooLarge, message, at: location(in: source, line: problem.line, column: 1, lines: lines))
        }
        return problems.isEmpty
    }

    /// A line and column (in characters) of a section's text, whose lines
    /// (`Narrative.lines`) are given, as a position in the file that holds
    /// it. In a literal block each line of text is a line of project.yaml,
    /// shifted by the block's indentation, which is read back from the file.
    mutating func location(in source: NarrativeSource, line: Int, column: Int, lines textLines: [ArraySlice<UInt8>]) -> SourceLocation {
        switch source.kind {
        case .file:
            return SourceLocation(file: source.file, line: line, column: column)
        case .folded:
            return source.start
        case .literal(let firstLine):
            if yamlLines == nil {
                yamlLines = yamlText.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            }
            let yamlLine = firstLine + line - 1
            guard line >= 1, line <= textLines.count, let lines = yamlLines, yamlLine <= lines.count else { return source.start }
            let written = lines[yamlLine - 1]
            let content = String(decoding: textLines[line - 1], as: UTF8.self)
            guard written.hasSuffix(content) else { return source.start }
            return SourceLocation(file: source.file, line: yamlLine, column: column + written.count - content.count)
        }
    }
}
