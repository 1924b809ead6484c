/// A narrative image shown in the body: an inline picture at its pixel size
/// (96 per inch), narrowed to the page's text width, with its alt text.
enum DocxPicture {
    /// English Metric Units: 914,400 to the inch, 635 to the twip.
    static let emuPerPixel = 9525
    static let emuPerTwip = 635

    static func run(_ image: EmbeddedImage, relationshipID: String, drawingID: Int, alt: String, maximumWidth twips: Int) -> String {
        let (width, height) = pixelSize(image.bytes) ?? (400, 300)
        var cx = width * emuPerPixel, cy = height * emuPerPixel
        let widest = twips * emuPerTwip
        if cx > widest {
            cy = cy * widest / cx
            cx = widest
        }
        let descr = DocxXML.escaped(alt)
        return "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/>"
            + "<wp:docPr id=\"\(drawingID)\" name=\"Picture \(drawingID)\" descr=\"\(descr)\"/>"
            + "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
            + "<pic:nvPicPr><pic:cNvPr id=\"\(drawingID)\" name=\"Picture \(drawingID)\" descr=\"\(descr)\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"\(relationshipID)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    }

    /// Width and height in pixels from a PNG, GIF or JPEG header; nil when unreadable.
    static func pixelSize(_ bytes: [UInt8]) -> (Int, Int)? {
        func big(_ at: Int, _ count: Int) -> Int? {
            guard at >= 0, at + count <= bytes.count else { return nil }
            return bytes[at..<at + count].reduce(0) { $0 << 8 | Int($1) }
        }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), let w = big(16, 4), let h = big(20, 4) { return positive(w, h) }
        if bytes.starts(with: Array("GIF".utf8)), bytes.count >= 10 {
            return positive(Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8)
        }
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        // JPEG: walk the segments to the frame header (SOF0–SOF15 but DHT, JPG and DAC).
        var at = 2
        while at + 4 <= bytes.count, bytes[at] == 0xFF {
            let marker = bytes[at + 1]
            guard let length = big(at + 2, 2), length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard let h = big(at + 5, 2), let w = big(at + 7, 2) else { return nil }
                return positive(w, h)
            }
            at += 2 + length
        }
        return nil
    }

    private static func positive(_ w: Int, _ h: Int) -> (Int, Int)? {
        // A header can claim anything: keep the picture within a sane page size.
        guard w > 0, h > 0, w <= 100_000, h <= 100_000 else { return nil }
        return (w, h)
    }
}
