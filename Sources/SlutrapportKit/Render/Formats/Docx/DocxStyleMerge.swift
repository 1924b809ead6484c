/// A user's reference.docx (python-docx's default template, a document
/// Word saved from Normal.dotm) rarely defines slutrapport's own styles
/// (`ReportTable`, `TableText`, `Kicker` …); without them the tables fell to
/// one word a line over 39 pages (issue 25). Each style the report uses is
/// looked for in the user's styles by its id, then by its name (Word writes
/// Swedish ids, `Rubrik1`, for the built-in name `heading 1`: that style is
/// given our id); the rest are taken from the built-in reference
/// (`DocxReference.builtInStyles`) without their fonts, so that the user's
/// fonts win, and with the user's heading colour for our accent.
/// The parts are textual, as `DocxPackage.styles`, and checked as XML after.
enum DocxStyleMerge {
    struct Style {
        var id: String
        var type: String
        var name: String?
        var range: Range<String.Index>
    }

    /// The `<w:style>` elements of a styles part, in order. Styles do not
    /// nest; the part has been parsed as XML already.
    static func styles(in xml: String) -> [Style] {
        var result: [Style] = []
        var from = xml.startIndex
        while let open = xml.range(of: "<w:style ", range: from..<xml.endIndex) {
            guard let tagEnd = xml.range(of: ">", range: open.upperBound..<xml.endIndex) else { break }
            let tag = xml[open.lowerBound..<tagEnd.upperBound]
            let end: String.Index
            if tag.hasSuffix("/>") {
                end = tagEnd.upperBound
            } else if let close = xml.range(of: "</w:style>", range: tagEnd.upperBound..<xml.endIndex) {
                end = close.upperBound
            } else { break }
            let element = String(xml[open.lowerBound..<end])
            if let id = attribute("w:styleId", in: String(tag)) {
                let name = element.range(of: "<w:name ").flatMap { r in
                    attribute("w:val", in: String(element[r.lowerBound...].prefix { $0 != ">" }))
                }
                result.append(Style(id: id, type: attribute("w:type", in: String(tag)) ?? "paragraph", name: name,
                                    range: open.lowerBound..<end))
            }
            from = end
        }
        return result
    }

    /// An attribute's value in one tag, with either quote.
    static func attribute(_ name: String, in tag: String) -> String? {
        for quote in ["\"", "'"] {
            if let r = tag.range(of: " \(name)=\(quote)"), let close = tag.range(of: quote, range: r.upperBound..<tag.endIndex) {
                return String(tag[r.upperBound..<close.lowerBound])
            }
        }
        return nil
    }

    /// The built-in accent colour, which an added style takes from the user's first heading.
    static let accent = "0B4F8A"
    /// The built-in monospace font, kept on the styles of code.
    static let monospace = "Courier New"

    /// `user`'s styles with every style of the built-in reference it lacks;
    /// the ids taken, in built-in order, and the user's ids renamed to ours.
    static func merge(_ user: String, builtIn: String = DocxReference.builtInStyles)
        -> (styles: String, added: [String], renamed: [(from: String, to: String)]) {
        var styles = user
        var renamed: [(from: String, to: String)] = []
        var have = self.styles(in: styles)
        var missing: [Style] = []
        for style in self.styles(in: builtIn) {
            if have.contains(where: { $0.id == style.id }) { continue }
            if let name = style.name?.lowercased(),
               let same = have.first(where: { $0.type == style.type && $0.name?.lowercased() == name }) {
                styles = rename(same.id, to: style.id, in: styles)
                renamed.append((same.id, style.id))
                have = self.styles(in: styles)
                continue
            }
            missing.append(style)
        }
        guard !missing.isEmpty, let end = styles.range(of: "</w:styles>", options: .backwards) else { return (styles, [], renamed) }
        let colour = have.first { $0.id == "Heading1" }.flatMap { heading in
            styles[heading.range].range(of: "<w:color ").flatMap { r in
                attribute("w:val", in: String(styles[heading.range][r.lowerBound...].prefix { $0 != ">" }))
            }
        }.flatMap { $0.count == 6 && $0.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) } ? $0 : nil }
        var added = ""
        for style in missing {
            var element = String(builtIn[style.range])
            if !element.contains(monospace) { element = removing("<w:rFonts ", from: element) }
            if let colour { element = element.replacingOccurrences(of: "\"\(accent)\"", with: "\"\(colour)\"") }
            added += element
        }
        styles.replaceSubrange(end, with: added + "</w:styles>")
        return (styles, missing.map(\.id), renamed)
    }

    /// Every empty element starting `start` removed from `xml`.
    static func removing(_ start: String, from xml: String) -> String {
        var xml = xml
        while let r = xml.range(of: start), let close = xml.range(of: "/>", range: r.upperBound..<xml.endIndex) {
            xml.removeSubrange(r.lowerBound..<close.upperBound)
        }
        return xml
    }

    /// The style `old` called `new`, and every reference to it in the part
    /// (based on, next, linked): a Swedish Word's `Rubrik1` is our `Heading1`.
    static func rename(_ old: String, to new: String, in xml: String) -> String {
        var xml = xml
        for quote in ["\"", "'"] {
            xml = xml.replacingOccurrences(of: " w:styleId=\(quote)\(old)\(quote)", with: " w:styleId=\"\(new)\"")
            for element in ["w:basedOn", "w:next", "w:link"] {
                xml = xml.replacingOccurrences(of: "<\(element) w:val=\(quote)\(old)\(quote)", with: "<\(element) w:val=\"\(new)\"")
            }
        }
        return xml
    }

    /// `numbering` with its references to renamed paragraph styles renamed too.
    static func renamingReferences(_ renamed: [(from: String, to: String)], in numbering: String) -> String {
        var numbering = numbering
        for (old, new) in renamed {
            for quote in ["\"", "'"] {
                numbering = numbering.replacingOccurrences(of: "<w:pStyle w:val=\(quote)\(old)\(quote)", with: "<w:pStyle w:val=\"\(new)\"")
            }
        }
        return numbering
    }
}
