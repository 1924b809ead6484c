import Foundation

/// What slutrapport.docx takes from the template folder's `reference.docx`
/// (as pandoc's `--reference-doc`): its styles, theme, fonts, numbering and
/// page setup. Read once where the templates load; the writer gets bytes.
public struct DocxReference: Sendable {
    /// `word/styles.xml`, required: without it nothing has the report's look.
    var styles: String
    var theme: String?
    var fontTable: String?
    var numbering: String?
    /// The last `<w:sectPr>` of `word/document.xml` without its header and
    /// footer references (they point into the reference's own package).
    var section: String?
    /// The styles of the built-in reference the user's lacked, added to `styles` (issue 25).
    var addedStyles: [String] = []
    /// The reference's own headers and footers (a logo, a line of text),
    /// used in place of slutrapport's, as pandoc does (issue 25).
    var carried: [CarriedPart] = []

    /// Whether the reference's own default header (or footer) takes the place of slutrapport's.
    func carries(_ kind: String) -> Bool { carried.contains { $0.kind == kind && $0.type == "default" } }

    /// A header or footer of the reference, with what it points to.
    struct CarriedPart: Sendable {
        /// `header` or `footer`.
        var kind: String
        /// `default`, `first` or `even`.
        var type: String
        var xml: String
        /// Its relationships (pictures as `media/reference-N.ext`, external links), or nil.
        var relationships: String?
        var media: [(name: String, contentType: String, bytes: [UInt8])]
    }

    /// A Word file is small; a larger one is refused before it is read.
    static let maximumFileBytes = 16 * 1024 * 1024
    /// Each part taken is inflated to at most this, whatever its header says (zip bombs).
    static let maximumPartBytes = 4 * 1024 * 1024

    struct Invalid: Error {
        let reason: String
    }

    /// The parts of the .docx at `path`, read with the workbooks' zip reader
    /// (`ZipArchive`), which counts what it inflates and refuses a stream cut
    /// short: ZIPFoundation's `extract` waited for ever on a last member whose
    /// deflate stream runs past the end of the file.
    init(path: String) throws(Invalid) {
        var limits = WorkbookLimits.standard
        limits.smallPartBytes = Self.maximumPartBytes
        let archive: ZipArchive
        do { archive = try ZipArchive(path: path, limits: limits) } catch {
            throw Invalid(reason: "it is not a zip archive")
        }
        var parts: [String: String] = [:]
        for name in ["word/styles.xml", "word/theme/theme1.xml", "word/fontTable.xml", "word/numbering.xml", "word/document.xml",
                     "word/_rels/document.xml.rels"] {
            guard let member = archive.member(name) else { continue }
            let bytes: [UInt8]
            do { bytes = try archive.readWhole(member) } catch {
                if case .tooLarge = error { throw Invalid(reason: "\(name) is larger than \(Self.maximumPartBytes / 1024 / 1024) MiB") }
                throw Invalid(reason: "\(name) cannot be read from the archive")
            }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw Invalid(reason: "\(name) is not UTF-8") }
            try Self.check(bytes, part: name)
            parts[name] = text
        }
        guard let userStyles = parts["word/styles.xml"] else { throw Invalid(reason: "it has no word/styles.xml") }
        let merged = DocxStyleMerge.merge(userStyles)
        styles = merged.styles
        addedStyles = merged.added
        try Self.check(Array(styles.utf8), part: "word/styles.xml")
        theme = parts["word/theme/theme1.xml"]
        fontTable = parts["word/fontTable.xml"]
        numbering = parts["word/numbering.xml"].map { DocxStyleMerge.renamingReferences(merged.renamed, in: $0) }
        section = parts["word/document.xml"].flatMap(Self.lastSection)
        if let document = parts["word/document.xml"], let rels = parts["word/_rels/document.xml.rels"] {
            carried = try Self.headersAndFooters(document: document, relationships: rels, archive: archive)
        }
        if let section { try Self.check(section: section) }
        try Self.checkChanges(styles: styles, numbering: numbering)
    }

    /// The writer changes the styles and numbering by textual search
    /// (`DocxPackage.styles`, `DocxPackage.numbering`): tried here once, so
    /// that a reference on which the change would break the part, or miss
    /// its place, is refused before any report is written (issue 24).
    static func checkChanges(styles: String, numbering: String?) throws(Invalid) {
        let tag = "x-slutrapport"
        let changed = DocxPackage.styles(styles, languageTag: tag)
        if changed != styles {
            var set = false
            do {
                try XMLPart.elements(of: Array(changed.utf8), part: "word/styles.xml") { e throws(WorkbookError) in
                    if e.name == "lang" && e.parent == "rPr" && e.attributes["val"] == tag { set = true }
                }
            } catch {}
            guard set else { throw Invalid(reason: "word/styles.xml: the report's language cannot be set in its run defaults (w:rPrDefault) without breaking it") }
        }
        guard let numbering else { return }
        let id = "999999"
        let extended = DocxPackage.numbering(numbering, abstract: "<w:abstractNum w:abstractNumId=\"\(id)\"/>",
                                             instances: "<w:num w:numId=\"\(id)\"><w:abstractNumId w:val=\"\(id)\"/></w:num>")
        var found = (abstract: false, instance: false)
        do {
            try XMLPart.elements(of: Array(extended.utf8), part: "word/numbering.xml") { e throws(WorkbookError) in
                if e.name == "abstractNum" && e.parent == "numbering" && e.attributes["abstractNumId"] == id { found.abstract = true }
                if e.name == "num" && e.parent == "numbering" && e.attributes["numId"] == id { found.instance = true }
            }
        } catch {}
        guard found.abstract && found.instance else {
            throw Invalid(reason: "word/numbering.xml: the report's lists cannot be added to it without breaking it")
        }
    }

    /// The root element each part taken must have.
    static let roots = ["word/styles.xml": "styles", "word/theme/theme1.xml": "theme", "word/fontTable.xml": "fonts",
                        "word/numbering.xml": "numbering", "word/document.xml": "document",
                        "word/_rels/document.xml.rels": "Relationships"]

    /// A part is well-formed XML, without a DTD, rooted in the element its name says (issue 24).
    static func check(_ bytes: [UInt8], part: String) throws(Invalid) {
        var root: String?
        do {
            try XMLPart.elements(of: bytes, part: part) { element throws(WorkbookError) in
                if root == nil { root = element.name }
            }
        } catch {
            guard case let .malformedXML(_, line, column, reason) = error else { throw Invalid(reason: "\(part) is not well-formed XML") }
            throw Invalid(reason: "\(part) is not well-formed XML (line \(line), column \(column): "
                + reason.replacingOccurrences(of: "a workbook has none", with: "a Word part has none") + ")")
        }
        if let expected = roots[part], root != expected {
            throw Invalid(reason: "\(part) holds <\(root ?? "")>, not <\(expected)>")
        }
    }

    /// The page settings go into slutrapport's own document.xml, so they
    /// must be well-formed there, with its namespaces alone; and each size
    /// a whole number of twips Word can have, so that no sum overflows.
    static func check(section: String) throws(Invalid) {
        let wrapped = Array("<w:body \(DocxXML.bodyNamespaces)>\(section)</w:body>".utf8)
        do {
            try XMLPart.elements(of: wrapped, part: "word/document.xml") { _ throws(WorkbookError) in }
        } catch {
            let reason = if case let .malformedXML(_, _, _, reason) = error { reason } else { "cannot be parsed" }
            throw Invalid(reason: "word/document.xml: its page settings (w:sectPr) are not well-formed on their own (\(reason))")
        }
        for (element, names) in [("<w:pgSz", ["w:w", "w:h"]),
                                 ("<w:pgMar", ["w:top", "w:right", "w:bottom", "w:left", "w:header", "w:footer", "w:gutter"])] {
            for name in names {
                guard let value = DocxWriter.attributeText(name, of: element, in: section) else { continue }
                // w:top and w:bottom may be negative (text over a header).
                let digits = (name == "w:top" || name == "w:bottom") && value.hasPrefix("-") ? value.dropFirst() : Substring(value)
                guard !digits.isEmpty, digits.count <= 5, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                      let twips = Int(digits), twips <= maximumTwips else {
                    throw Invalid(reason: "word/document.xml: the page's \(name)=\"\(value.prefix(40))\" is not a whole number of twips from 0 to \(maximumTwips)")
                }
            }
        }
    }

    /// The headers and footers the last section of `document` names, each
    /// with its pictures; one pointing at anything else (an embedded object,
    /// another part) is left out, and slutrapport's own stays in its place.
    static func headersAndFooters(document: String, relationships: String, archive: ZipArchive) throws(Invalid) -> [CarriedPart] {
        var document = document
        while let change = document.range(of: "<w:sectPrChange"),
              let close = document.range(of: "</w:sectPrChange>", range: change.upperBound..<document.endIndex) {
            document.removeSubrange(change.lowerBound..<close.upperBound)
        }
        guard let start = document.range(of: "<w:sectPr", options: .backwards),
              let end = document.range(of: "</w:sectPr>", range: start.upperBound..<document.endIndex) else { return [] }
        let section = document[start.lowerBound..<end.upperBound]
        let targets = Self.relationships(relationships)
        var result: [CarriedPart] = []
        var mediaCount = 0
        for kind in ["header", "footer"] {
            var from = section.startIndex
            while let r = section.range(of: "<w:\(kind)Reference ", range: from..<section.endIndex),
                  let close = section.range(of: "/>", range: r.upperBound..<section.endIndex) {
                from = close.upperBound
                let tag = String(section[r.lowerBound..<close.upperBound])
                guard let id = DocxStyleMerge.attribute("r:id", in: tag), let target = targets[id]?.target,
                      !target.contains(".."), !(targets[id]?.external ?? true) else { continue }
                let type = DocxStyleMerge.attribute("w:type", in: tag) ?? "default"
                guard ["default", "first", "even"].contains(type), !result.contains(where: { $0.kind == kind && $0.type == type }) else { continue }
                let name = target.hasPrefix("/") ? String(target.dropFirst()) : "word/" + target
                guard let xml = try part(name, archive: archive, root: kind == "header" ? "hdr" : "ftr") else { continue }
                var carried = CarriedPart(kind: kind, type: type, xml: Self.renumberingDrawings(xml), relationships: nil, media: [])
                let folder = (name as NSString).deletingLastPathComponent
                let relsName = folder + "/_rels/" + (name as NSString).lastPathComponent + ".rels"
                if let rels = try part(relsName, archive: archive, root: "Relationships") {
                    var out = DocxXML.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    var usable = true
                    for (rid, rel) in Self.relationships(rels).sorted(by: { $0.key < $1.key }) {
                        if rel.external {
                            out += "<Relationship Id=\"\(DocxXML.escaped(rid))\" Type=\"\(DocxXML.escaped(rel.type))\" Target=\"\(DocxXML.escaped(rel.target))\" TargetMode=\"External\"/>"
                            continue
                        }
                        let ext = (rel.target as NSString).pathExtension.lowercased()
                        guard rel.type.hasSuffix("/image"), !rel.target.contains(".."), let contentType = Self.imageTypes[ext],
                              let member = archive.member(rel.target.hasPrefix("/") ? String(rel.target.dropFirst()) : folder + "/" + rel.target),
                              let bytes = try? archive.readWhole(member) else { usable = false; break }
                        mediaCount += 1
                        let target = "media/reference-image\(mediaCount).\(ext)"
                        carried.media.append((target, contentType, bytes))
                        out += "<Relationship Id=\"\(DocxXML.escaped(rid))\" Type=\"\(DocxXML.escaped(rel.type))\" Target=\"\(target)\"/>"
                    }
                    guard usable else { continue }
                    carried.relationships = out + "</Relationships>\n"
                }
                result.append(carried)
            }
        }
        return result
    }

    static let imageTypes = ["png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif",
                             "emf": "image/x-emf", "wmf": "image/x-wmf", "tif": "image/tiff", "tiff": "image/tiff", "bmp": "image/bmp"]

    /// A part of the archive, checked as XML with its root; nil when absent.
    static func part(_ name: String, archive: ZipArchive, root: String) throws(Invalid) -> String? {
        guard let member = archive.member(name) else { return nil }
        let bytes: [UInt8]
        do { bytes = try archive.readWhole(member) } catch { throw Invalid(reason: "\(name) cannot be read from the archive") }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw Invalid(reason: "\(name) is not UTF-8") }
        var first: String?
        do {
            try XMLPart.elements(of: bytes, part: name) { e throws(WorkbookError) in if first == nil { first = e.name } }
        } catch { throw Invalid(reason: "\(name) is not well-formed XML") }
        guard first == root else { throw Invalid(reason: "\(name) holds <\(first ?? "")>, not <\(root)>") }
        return text
    }

    /// The relationships of a .rels part by id.
    static func relationships(_ xml: String) -> [String: (type: String, target: String, external: Bool)] {
        var result: [String: (type: String, target: String, external: Bool)] = [:]
        try? XMLPart.elements(of: Array(xml.utf8), part: "rels") { e throws(WorkbookError) in
            guard e.name == "Relationship", let id = e.attributes["Id"], let target = e.attributes["Target"] else { return }
            result[id] = (e.attributes["Type"] ?? "", target, e.attributes["TargetMode"] == "External")
        }
        return result
    }

    /// A carried part's drawings numbered apart from the body's (`wp:docPr` ids are unique in a document).
    static func renumberingDrawings(_ xml: String) -> String {
        var xml = xml
        var from = xml.startIndex
        var n = 0
        while let r = xml.range(of: "<wp:docPr ", range: from..<xml.endIndex),
              let id = xml.range(of: " id=\"", range: r.upperBound..<xml.endIndex),
              let close = xml.range(of: "\"", range: id.upperBound..<xml.endIndex) {
            n += 1
            xml.replaceSubrange(id.upperBound..<close.lowerBound, with: String(900_000 + n))
            from = id.upperBound
        }
        return xml
    }

    /// Word's largest page side, 22 inches.
    static let maximumTwips = 31_680

    /// The body's last section properties, the page of the document, without
    /// header, footer and other references into the reference's own parts.
    static func lastSection(of document: String) -> String? {
        // A tracked change of the page (`w:sectPrChange`) holds a section of its own: it goes first.
        var document = document
        while let change = document.range(of: "<w:sectPrChange"),
              let close = document.range(of: "</w:sectPrChange>", range: change.upperBound..<document.endIndex) {
            document.removeSubrange(change.lowerBound..<close.upperBound)
        }
        guard let start = document.range(of: "<w:sectPr", options: .backwards),
              let end = document.range(of: "</w:sectPr>", range: start.upperBound..<document.endIndex) else { return nil }
        var section = String(document[start.lowerBound..<end.upperBound])
        for element in ["w:headerReference", "w:footerReference", "w:printerSettings"] {
            while let r = section.range(of: "<\(element)"), let close = section.range(of: "/>", range: r.upperBound..<section.endIndex) {
                section.removeSubrange(r.lowerBound..<close.upperBound)
            }
        }
        return section
    }

    /// Loads `reference.docx` of a template folder; nil, without a word, when
    /// the folder has none (only a build asking for docx needs it).
    static func load(folder: String, boundary: FolderBoundary, log: inout DiagnosticLog) -> DocxReference? {
        let path = folder.appendingPathComponent("reference.docx")
        let at = SourceLocation(file: path, line: 1, column: 1)
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: FolderBoundary.resolve(url)) else { return nil }
        guard let resolved = boundary.contained(url) else {
            log.error(.templateOutsideFolder, "reference.docx links to a file outside the template folder", at: at)
            return nil
        }
        guard let size = FileBytes.regularFileSize(resolved) else {
            log.error(.fileUnreadable, "cannot read reference.docx: not a regular file", at: at)
            return nil
        }
        guard size <= maximumFileBytes else {
            log.error(.templateTooLarge, "reference.docx is too large: it may be at most \(maximumFileBytes / 1024 / 1024) MiB", at: at)
            return nil
        }
        do {
            let reference = try DocxReference(path: resolved)
            if !reference.addedStyles.isEmpty {
                log.warning(.referenceDocxStyles, "reference.docx lacks \(reference.addedStyles.count) of the styles the Word report uses, "
                            + "taken from slutrapport's own (with your fonts): \(reference.addedStyles.joined(separator: ", "))", at: at)
            }
            return reference
        } catch {
            log.error(.referenceDocxInvalid, "reference.docx is not a Word document slutrapport can use: \(error.reason)", at: at)
            return nil
        }
    }
}
