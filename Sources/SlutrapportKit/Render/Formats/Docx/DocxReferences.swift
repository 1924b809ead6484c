/// What the body points to outside itself, gathered in body order while it
/// is written: charts, pictures and links (relationships of
/// word/document.xml), numbered and bulleted lists (numbering instances),
/// and the drawings' ids. Ids count up from fixed starts: no random ids.
struct DocxReferences {
    struct Relationship {
        var id: String
        var type: String
        var target: String
        var external: Bool
    }

    struct Media {
        /// `media/image1.png`, relative to word/.
        var target: String
        var image: EmbeddedImage
    }

    static let relationshipType = OfficePackage.officeRelationship
    /// The parts every document has take rId1–rId7 (see `DocxPackage`).
    static let firstFreeRelationship = 8
    /// Our numbering instances follow whatever the reference document defines.
    static let firstList = 9001

    private(set) var relationships: [Relationship] = []
    private(set) var charts: [ChartView] = []
    private(set) var media: [Media] = []
    /// Each list's kind, first number and level, its `w:numId` `firstList` + its index.
    private(set) var lists: [(ordered: Bool, start: Int, level: Int)] = []
    private var drawings = 0
    private var imageIDs: [String: String] = [:]
    private var linkIDs: [String: String] = [:]

    private mutating func add(_ type: String, _ target: String, external: Bool = false) -> String {
        let id = "rId\(Self.firstFreeRelationship + relationships.count)"
        relationships.append(Relationship(id: id, type: Self.relationshipType + type, target: target, external: external))
        return id
    }

    /// A `wp:docPr` id, unique in the document.
    mutating func nextDrawingID() -> Int {
        drawings += 1
        return drawings
    }

    /// The N-th chart of the report is word/charts/chartN.xml.
    mutating func chart(_ chart: ChartView) -> (relationshipID: String, drawingID: Int) {
        charts.append(chart)
        return (add("chart", "charts/chart\(charts.count).xml"), nextDrawingID())
    }

    /// A picture's relationship, one part per image file however often it is shown.
    mutating func image(_ image: EmbeddedImage) -> String {
        if let id = imageIDs[image.file] { return id }
        let ext = switch image.mediaType {
        case "image/jpeg": "jpeg"
        case "image/gif": "gif"
        default: "png"
        }
        let target = "media/image\(media.count + 1).\(ext)"
        media.append(Media(target: target, image: image))
        let id = add("image", target)
        imageIDs[image.file] = id
        return id
    }

    /// An external hyperlink's relationship; `url` is checked and encoded already.
    mutating func hyperlink(_ url: String) -> String {
        if let id = linkIDs[url] { return id }
        let id = add("hyperlink", url, external: true)
        linkIDs[url] = id
        return id
    }

    /// A new list at `level`, numbered from `start` when ordered; its `w:numId`.
    mutating func list(ordered: Bool, start: Int, level: Int) -> Int {
        lists.append((ordered, start, level))
        return Self.firstList + lists.count - 1
    }
}
