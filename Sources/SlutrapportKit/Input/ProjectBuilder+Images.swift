import Foundation

/// The narrative's images so far, across a project's sections: an image is
/// read once, named once, and each use counts toward the total, since the
/// HTML holds it once for every use.
struct NarrativeImages {
    /// A photo as a phone takes it.
    static let maximumImageBytes = 4 * 1024 * 1024
    /// Every use of every image of a project: the HTML holds a third more.
    static let maximumTotalImageBytes = 16 * 1024 * 1024

    /// Images read, by their resolved path.
    var byPath: [String: EmbeddedImage] = [:]
    /// Names of the copies beside the Markdown.
    var names: Set<String> = []
    var totalBytes = 0
}

extension ProjectBuilder {
    /// The images of a section's text that are embedded, by destination. Any
    /// other image gets a warning at each use and shows its alt text.
    mutating func images(in markdown: String, source: NarrativeSource, state: inout NarrativeImages) -> [String: EmbeddedImage] {
        let references = MarkdownRenderer().images(in: markdown)
        guard !references.isEmpty else { return [:] }
        var uses: [String: Int] = [:]
        for reference in references { uses[reference.destination, default: 0] += 1 }
        var embedded: [String: EmbeddedImage] = [:]
        var refused: [String: String] = [:]
        for reference in references where embedded[reference.destination] == nil && refused[reference.destination] == nil {
            let destination = reference.destination
            switch image(destination, from: source.folder, state: &state) {
            case .success(let image):
                let bytes = image.bytes.count * (uses[destination] ?? 1)
                if state.totalBytes + bytes <= NarrativeImages.maximumTotalImageBytes {
                    state.totalBytes += bytes
                    embedded[destination] = image
                } else {
                    refused[destination] = "with it the narrative's images would pass \(NarrativeImages.maximumTotalImageBytes / 1024 / 1024) MiB, each use counted"
                }
            case .failure(let reason):
                refused[destination] = reason.text
            }
        }
        let lines = Narrative.lines(markdown)
        for reference in references {
            guard let reason = refused[reference.destination] else { continue }
            let shown = reference.destination.count > 200 ? reference.destination.prefix(200) + "…" : Substring(reference.destination)
            reader.log.warning(.imageNotLoaded, "image '\(shown)' is not loaded: \(reason); its alt text stands in its place",
                               at: location(in: source, line: reference.line, column: Self.column(of: reference, in: lines), lines: lines))
        }
        return embedded
    }

    struct ImageRefusal: Error {
        var text: String
    }

    /// Reads an image the text names, if it is a PNG, JPEG or GIF file inside
    /// the project folder (links resolved) within the size limit.
    private func image(_ destination: String, from base: String, state: inout NarrativeImages) -> Result<EmbeddedImage, ImageRefusal> {
        let elsewhere = ImageRefusal(text: "only an image file inside the project folder is shown")
        guard !destination.isEmpty else { return .failure(ImageRefusal(text: "it names no file")) }
        // A scheme (`http:`, `file:`, `data:`), a network path (`//host`), an absolute path, a query or a fragment.
        let scheme = destination.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
        guard !(destination.dropFirst(scheme.count).hasPrefix(":") && scheme.first?.isLetter == true),
              !destination.hasPrefix("/"), !destination.hasPrefix("\\"), !destination.contains("?"), !destination.contains("#"),
              let path = destination.removingPercentEncoding, !path.contains("\0") else { return .failure(elsewhere) }
        let boundary = FolderBoundary(folder)
        guard var resolved = boundary.contained(URL(fileURLWithPath: base).appendingPathComponent(path)) else {
            return .failure(ImageRefusal(text: "it lies outside the project folder"))
        }
        if let known = state.byPath[resolved] { return .success(known) }
        if !FileManager.default.fileExists(atPath: resolved) {
            // Beside the Markdown file first, as CommonMark readers resolve it, then from the project folder (issue 25).
            let beside = resolved
            guard base != folder, let fromProject = boundary.contained(URL(fileURLWithPath: folder).appendingPathComponent(path)),
                  FileManager.default.fileExists(atPath: fromProject) else {
                guard base != folder else { return .failure(ImageRefusal(text: "there is no such file in the project folder")) }
                return .failure(ImageRefusal(text: "there is no such file beside the Markdown file (\(boundary.relative(beside))) "
                                             + "nor in the project folder (\((path as NSString).standardizingPath))"))
            }
            resolved = fromProject
            if let known = state.byPath[resolved] { return .success(known) }
        }
        // Measured without opening: opening a FIFO would block.
        guard let size = FileBytes.regularFileSize(resolved) else { return .failure(ImageRefusal(text: "it is not a regular file")) }
        let tooLarge = ImageRefusal(text: "it is larger than \(NarrativeImages.maximumImageBytes / 1024 / 1024) MiB")
        guard size <= NarrativeImages.maximumImageBytes else { return .failure(tooLarge) }
        guard let bytes = FileBytes.read(resolved) else { return .failure(ImageRefusal(text: "it cannot be read")) }
        guard bytes.count <= NarrativeImages.maximumImageBytes else { return .failure(tooLarge) }
        guard let mediaType = Self.mediaType(of: bytes) else { return .failure(ImageRefusal(text: "it is not a PNG, JPEG or GIF image")) }
        let image = EmbeddedImage(file: "images/" + Self.copyName(boundary.relative(resolved), taken: &state.names),
                                  mediaType: mediaType, bytes: bytes)
        state.byPath[resolved] = image
        return .success(image)
    }

    /// The type by the file's first bytes, never by its name: the three every browser and Markdown viewer shows.
    static func mediaType(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        return nil
    }

    /// The copy's name: its path in the project with `/` as `-` and nothing
    /// a Markdown link or a file system would need escaped, unique in the report.
    static func copyName(_ relative: String, taken: inout Set<String>) -> String {
        var name = String(relative.map { $0 == "/" ? "-" : ($0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_") })
        if name.hasPrefix(".") { name = "_" + name }
        let stem = (name as NSString).deletingPathExtension
        let suffix = (name as NSString).pathExtension.isEmpty ? "" : "." + (name as NSString).pathExtension
        var candidate = name
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(stem)-\(n)\(suffix)"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// The column, in characters, of the `![` an image starts with. cmark-gfm
    /// counts bytes and can miss a continuation line's indentation, so the
    /// nearest `![` at or after its column is taken, else the line's first.
    static func column(of reference: MarkdownRenderer.ImageReference, in lines: [ArraySlice<UInt8>]) -> Int {
        guard reference.line >= 1, reference.line <= lines.count else { return 1 }
        let line = lines[reference.line - 1]
        func opening(from start: Int) -> Int? {
            var i = start
            while i + 1 < line.endIndex {
                if line[i] == UInt8(ascii: "!") && line[i + 1] == UInt8(ascii: "[") { return i }
                i += 1
            }
            return nil
        }
        let start = line.startIndex + max(0, reference.byteColumn - 1)
        guard let at = opening(from: min(start, line.endIndex)) ?? opening(from: line.startIndex) else { return 1 }
        return String(decoding: line[line.startIndex..<at], as: UTF8.self).count + 1
    }
}
