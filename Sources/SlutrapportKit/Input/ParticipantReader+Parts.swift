/// A large participants.csv read in parts, one per thread (see
/// `ParticipantReader.read` and docs/performance.md).
extension ParticipantReader {
    /// One part's reading: what the merge needs.
    private struct Part: Sendable {
        var tally: Tally
        var log: DiagnosticLog
        var dateHints: DateHints
        var hashes: IDHashes
        /// Lines the part spans.
        var lines: Int
        /// The part could not be opened, or its tokenizer stopped on a failure
        /// (a broken quote, bytes that are not UTF-8 text).
        var failed: Bool
    }

    /// The hashed read (see `read`); nil when the file needs exact mode.
    static func readInParts(project: Project, asOf: Day, path: String, lang: Language,
                            parts: Int, minimumPartBytes: Int, keeping: Int = DiagnosticLog.kept) -> (Tally, DiagnosticLog)? {
        // A small file is read exactly at once, without opening it twice.
        guard let size = TextFileReader.size(path: path), size >= minimumPartBytes else { return nil }
        var header = ParticipantReader(project: project, asOf: asOf, file: path, lang: lang, keeping: keeping)
        let opened: CSVTokenizer?
        do { opened = try CSVFile.openWithHeader(path: path, fallback: .utf8, log: &header.log) } catch { return nil }
        guard let tokenizer = opened else { return (header.tally, header.log) }
        guard let columns = header.readHeader(tokenizer) else { return (header.tally, header.log) }
        // Rows checked but not counted: read exactly, as a file of errors is.
        guard columns.isComplete, let dataStart = tokenizer.consumedOffset, size - dataStart >= minimumPartBytes else { return nil }
        var bounds = [dataStart]
        let count = max(1, min(parts, (size - dataStart) / max(1, minimumPartBytes)))
        for k in 1..<count {
            if let b = TextFileReader.lineStart(path: path, after: dataStart + (size - dataStart) * k / count), b > bounds[bounds.count - 1], b < size {
                bounds.append(b)
            }
        }
        bounds.append(size)
        let starts = bounds
        let delimiter = tokenizer.delimiter
        let expected = tokenizer.estimatedRecords / (bounds.count - 1)
        let read = parallelMap(bounds.count - 1, jobs: bounds.count - 1) { k -> Part in
            let hashes = IDHashes(expected: expected)
            var reader = ParticipantReader(project: project, asOf: asOf, file: path, lang: lang, hashes: hashes, keeping: keeping)
            guard var t = try? CSVTokenizer(path: path, from: starts[k], to: starts[k + 1], delimiter: delimiter) else {
                return Part(tally: reader.tally, log: reader.log, dateHints: reader.dateHints, hashes: hashes, lines: 0, failed: true)
            }
            let failed = reader.readRows(&t, columns) != .complete
            return Part(tally: reader.tally, log: reader.log, dateHints: reader.dateHints, hashes: hashes, lines: t.line - 1, failed: failed)
        }
        guard !read.contains(where: \.failed), !IDHashes.anyEqual(read.map(\.hashes), jobs: parts) else { return nil }
        var line = tokenizer.line - 1
        var tally = header.tally
        for part in read {
            tally.merge(part.tally)
            header.log.append(contentsOf: part.log, shiftingLinesBy: line)
            header.dateHints.merge(part.dateHints, shiftingLinesBy: line)
            line += part.lines
        }
        header.dateHints.report(into: &header.log)
        header.warnLateStarters(tally.lateStarters)
        return (tally, header.log)
    }
}
