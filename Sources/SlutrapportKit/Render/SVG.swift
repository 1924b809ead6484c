/// A small writer for the report's charts. Written by hand: no SVG library
/// is among the packages here, and the charts need only rectangles, lines,
/// text and one hatch pattern, with every text escaped as XML.
struct SVG {
    private(set) var body = ""
    /// Whether a text was drawn marked with a language of its own.
    private(set) var hasMarkedText = false
    let id: String
    let width: Int
    let height: Int

    init(id: String, width: Int, height: Int) {
        self.id = id
        self.width = width
        self.height = height
    }

    /// The hatching that stands for a hidden count.
    var hiddenFill: String { "url(#\(id)-hidden)" }

    static func escape(_ s: String) -> String { XMLText().escapeText(s) }

    static func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    mutating func rect(x: Double, y: Double, w: Double, h: Double, fill: String, stroke: String? = nil) {
        body += "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, w)))\" height=\"\(Self.n(h))\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\" stroke-width=\"1\"" }
        body += "/>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        body += "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
        if let dash { body += " stroke-dasharray=\"\(dash)\"" }
        body += "/>\n"
    }

    /// A line through the points, in order.
    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double, dash: String? = nil) {
        body += "<polyline points=\"\(points.map { "\(Self.n($0.x)),\(Self.n($0.y))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
        if let dash { body += " stroke-dasharray=\"\(dash)\"" }
        body += "/>\n"
    }

    enum Anchor: String { case start, middle, end }

    /// `lang`: the text's language where it is not the report's (a name from project.yaml in an English build).
    mutating func text(_ s: String, x: Double, y: Double, anchor: Anchor = .start, size: Int = 12, weight: String? = nil, fill: String = "#1d1d1f",
                       lang: String? = nil) {
        body += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\""
        if let weight { body += " font-weight=\"\(weight)\"" }
        if let lang {
            body += " lang=\"\(Self.escape(lang))\""
            hasMarkedText = true
        }
        body += ">\(Self.escape(s))</text>\n"
    }

    /// A wrapped label's lines, 14 px apart, centred on `middle`.
    mutating func lines(_ lines: [String], x: Double, middle: Double, lang: String? = nil) {
        for (n, line) in lines.enumerated() {
            text(line, x: x, y: middle + 4 + (Double(n) - Double(lines.count - 1) / 2) * 14, lang: lang)
        }
    }

    /// The finished drawing: `role="img"` with a title and a description
    /// that gives every number, so a screen reader hears the chart.
    /// Standalone, the description is the SVG's `<desc>`; inline in HTML it
    /// is the page's element of id `<id>-desc` (`ChartView.descriptionSpans`),
    /// where names in the project's language are marked as such (WCAG 3.1.2),
    /// which a `<desc>` cannot do.
    /// `lang`: the drawing's own language, said on its root when it holds text of another (a label marked `lang`).
    func document(title: String, description: String, standalone: Bool, lang: String? = nil) -> String {
        var out = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\"" + (lang.map { " lang=\"\(Self.escape($0))\"" } ?? "")
            + " viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
        out += "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"'Source Sans 3', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif\">\n"
        out += "<title id=\"\(id)-title\">\(Self.escape(title))</title>\n"
        if standalone { out += "<desc id=\"\(id)-desc\">\(Self.escape(description))</desc>\n" }
        out += "<defs><pattern id=\"\(id)-hidden\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        out += "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8a8a94\" stroke-width=\"2\"/></pattern></defs>\n"
        out += body
        out += "</svg>\n"
        return out
    }

    /// A label in full, broken at spaces into lines no wider than `width`
    /// pixels at 12 px (an estimate: the reader's font is not known here, and
    /// DejaVu Sans, the widest of those named, takes about 7 px a character);
    /// a word longer than a line is broken inside.
    static func wrap(_ s: String, width: Double) -> [String] {
        let chars = max(1, Int(width / 7))
        var lines: [String] = [], line = ""
        for var word in s.split(separator: " ") {
            while word.count > chars {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(chars)))
                word = word.dropFirst(chars)
            }
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= chars {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        return line.isEmpty && !lines.isEmpty ? lines : lines + [line]
    }
}
