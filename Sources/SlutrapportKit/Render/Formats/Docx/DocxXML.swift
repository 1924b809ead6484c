/// The WordprocessingML pieces every part of slutrapport.docx is made of.
/// Every text goes through `escaped` into a `w:t`: whatever it holds, it is
/// character data, never a field, a link or markup.
enum DocxXML {
    static let declaration = OfficePackage.declaration
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// The namespaces the body's drawings (charts, pictures) use, declared once on the root.
    static let bodyNamespaces = "xmlns:w=\"\(w)\" xmlns:r=\"\(r)\""
        + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
        + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
        + " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""
        + " xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\""

    /// Character data or an attribute value; characters XML 1.0 forbids are dropped.
    static func escaped(_ text: String) -> String {
        XMLText().escapeText(text)
    }

    /// Runs holding `text` with run properties `properties` (the inside of
    /// `w:rPr`): a line break becomes `w:br`, a tab `w:tab`.
    static func runs(_ text: String, _ properties: String = "") -> String {
        guard !text.isEmpty else { return "" }
        let open = properties.isEmpty ? "<w:r>" : "<w:r><w:rPr>\(properties)</w:rPr>"
        var out = open
        var piece = ""
        func flush() {
            if !piece.isEmpty { out += "<w:t xml:space=\"preserve\">\(escaped(piece))</w:t>" }
            piece = ""
        }
        for ch in text.unicodeScalars {
            switch ch {
            case "\n": flush(); out += "<w:br/>"
            case "\t": flush(); out += "<w:tab/>"
            case "\r": continue
            default: piece.unicodeScalars.append(ch)
            }
        }
        flush()
        return out + "</w:r>"
    }

    /// `runs` set at another size: `w:sz` and `w:szCs` added to each run's
    /// properties, before its `w:lang` (the schema's order: of what our runs
    /// carry, only `w:vertAlign` and `w:lang` come after the size, and
    /// `w:vertAlign` is never sized).
    static func sized(_ runs: String, halfPoints: Int) -> String {
        let size = "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>"
        return editingRunProperties(runs) { properties in
            guard let lang = properties.range(of: "<w:lang ") else { return properties + size }
            return properties.replacingCharacters(in: lang.lowerBound..<lang.lowerBound, with: size)
        }
    }

    /// `xml`'s runs marked as written in `languageTag` (`sv-SE`): the
    /// project's own text in a report of another language (WCAG 3.1.2), for
    /// Word's proofing and screen readers. `w:lang` goes last in `w:rPr`,
    /// its place in the schema's order for every property our runs carry.
    static func inLanguage(_ xml: String, _ languageTag: String?) -> String {
        guard let languageTag else { return xml }
        return editingRunProperties(xml) { $0 + "<w:lang w:val=\"\(escaped(languageTag))\"/>" }
    }

    /// `xml` with the inside of each run's `w:rPr` changed by `edit` (a run
    /// without one gets one). Our runs are `<w:r>` without attributes, and
    /// no text holds markup (`escaped`), so the tags are found as strings.
    static func editingRunProperties(_ xml: String, _ edit: (String) -> String) -> String {
        var out = ""
        var rest = Substring(xml)
        while let run = rest.range(of: "<w:r>") {
            out += rest[..<run.upperBound]
            rest = rest[run.upperBound...]
            if rest.hasPrefix("<w:rPr>"), let end = rest.range(of: "</w:rPr>") {
                out += "<w:rPr>" + edit(String(rest[rest.index(rest.startIndex, offsetBy: 7)..<end.lowerBound])) + "</w:rPr>"
                rest = rest[end.upperBound...]
            } else {
                out += "<w:rPr>" + edit("") + "</w:rPr>"
            }
        }
        return out + rest
    }

    /// A paragraph in `style` (a style id of the reference document) with
    /// more paragraph properties (after the style, in schema order) and its runs.
    static func paragraph(_ style: String?, _ properties: String = "", _ content: String) -> String {
        let style = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        let pPr = style + properties
        return (pPr.isEmpty ? "<w:p>" : "<w:p><w:pPr>\(pPr)</w:pPr>") + content + "</w:p>"
    }
}

/// How wide a text sets, estimated from its characters with the metrics of
/// DejaVu Sans, the widest face a reader may see in place of Arial
/// (LibreOffice on Linux without Liberation fonts): columns sized by it fit
/// their content in Word and LibreOffice alike, without measuring fonts.
enum DocxTextWidth {
    /// Width in twips (1/20 pt) of `text` at 9 pt; bold sets about 12 % wider.
    static func twips<S: StringProtocol>(_ text: S, bold: Bool = false) -> Int {
        var thousandths = 0
        for ch in text.unicodeScalars { thousandths += em(ch) }
        // 9 pt = 180 twips to the em.
        return (thousandths * 180 * (bold ? 112 : 100)) / 100_000
    }

    /// The widest word of `text`: a column narrower than it breaks the word.
    static func longestWord<S: StringProtocol>(_ text: S, bold: Bool = false) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map { twips($0, bold: bold) }.max() ?? 0
    }

    /// Advance widths in thousandths of an em, by class of character (DejaVu Sans).
    private static func em(_ ch: Unicode.Scalar) -> Int {
        switch ch {
        case "i", "j", "l", "I", "'", "|", ".", ",", ":", ";", "!": 320
        case " ", "\u{00A0}", "\u{202F}", "f", "t", "r", "(", ")", "[", "]", "/", "-": 420
        case "m", "M", "W", "%", "@", "—": 980
        case "w": 820
        case "0"..."9", "a"..."z", "å", "ä", "ö", "é", "ü", "–", "<", ">", "+", "=", "_", "$", "?", "#", "*": 640
        case "A"..."Z", "Å", "Ä", "Ö", "Ü", "É": 760
        default: 700
        }
    }
}
