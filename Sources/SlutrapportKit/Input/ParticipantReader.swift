/// Reads participants.csv row by row, checks every rule of SPEC §3.2 and
/// folds each valid row into a `Tally` at once; no row is kept.
///
/// Ids and birth years are personal data: diagnostics name the line and
/// column, never the value.
package struct ParticipantReader {
    let project: Project
    let asOf: Day
    let file: String
    private(set) var log = DiagnosticLog()
    private let counter: Tally.Counter
    var tally: Tally { counter.tally }

    private let codes: CodeLookup
    /// Exact mode (no `hashes`) finds duplicate ids as they come, comparing
    /// the ids themselves; otherwise ids are only hashed, and checked after reading.
    private var ids = ParticipantIDs()
    private let hashes: IDHashes?
    private let months = Day.MonthTable.shared
    private let asOfOrdinal: Int
    /// Activity fields seen before, and the activities they named.
    private let activitySets = FieldMemo()

    init(project: Project, asOf: Day, file: String, lang: Language, hashes: IDHashes? = nil) {
        self.project = project
        self.asOf = asOf
        asOfOrdinal = asOf.ordinal
        self.file = file
        self.hashes = hashes
        counter = Tally.Counter(Tally(source: .participants, subprojects: project.subprojects.count,
                                      reasons: project.exitReasons.count, activities: project.activities.count, ageLimits: project.ageBands))
        codes = CodeLookup(project: project, lang: lang)
    }

    /// Reads `path`. A UTF-8 file of at least `minimumPartBytes` is read in
    /// up to `parts` parts of at least that size, on as many threads; ids
    /// are hashed and checked for duplicates after reading. When anything
    /// there needs a closer look (a duplicate, a file that is not UTF-8, a
    /// quoted line break or a broken quote across parts), the file is read
    /// again from the start in exact mode, one row after the other, so that
    /// the figures and every diagnostic are the same however it was read.
    package static func read(project: Project, asOf: Day, path: String, lang: Language,
                     parts: Int = 1, minimumPartBytes: Int = 8 << 20) -> (Tally, DiagnosticLog) {
        if let result = readInParts(project: project, asOf: asOf, path: path, lang: lang, parts: parts, minimumPartBytes: minimumPartBytes) {
            return result
        }
        var reader = ParticipantReader(project: project, asOf: asOf, file: path, lang: lang)
        if !reader.run(path: path, encoding: .utf8) {
            reader = ParticipantReader(project: project, asOf: asOf, file: path, lang: lang)
            reader.log.note(.csvWindows1252, "the file is not UTF-8; read as Windows-1252", at: SourceLocation(file: path, line: 1, column: 1))
            _ = reader.run(path: path, encoding: .windows1252)
        }
        return (reader.tally, reader.log)
    }

    /// One part's reading: what the merge needs.
    private struct Part: Sendable {
        var tally: Tally
        var log: DiagnosticLog
        var hashes: IDHashes
        /// Lines the part spans.
        var lines: Int
        /// The part could not be opened, or its tokenizer stopped on a failure
        /// (a broken quote, bytes that are not UTF-8 text).
        var failed: Bool
    }

    /// The hashed read (see `read`); nil when the file needs exact mode.
    static func readInParts(project: Project, asOf: Day, path: String, lang: Language,
                            parts: Int, minimumPartBytes: Int) -> (Tally, DiagnosticLog)? {
        // A small file is read exactly at once, without opening it twice.
        guard let size = CSVTokenizer.size(path: path), size >= minimumPartBytes else { return nil }
        var header = ParticipantReader(project: project, asOf: asOf, file: path, lang: lang)
        let opened: CSVTokenizer?
        do { opened = try CSVTokenizer.openWithHeader(path: path, fallback: .utf8, log: &header.log) } catch { return nil }
        guard let tokenizer = opened else { return (header.tally, header.log) }
        guard let columns = header.readHeader(tokenizer) else { return (header.tally, header.log) }
        // Rows checked but not counted: read exactly, as a file of errors is.
        guard columns.isComplete, let dataStart = tokenizer.consumedOffset, size - dataStart >= minimumPartBytes else { return nil }
        var bounds = [dataStart]
        let count = max(1, min(parts, (size - dataStart) / max(1, minimumPartBytes)))
        for k in 1..<count {
            if let b = CSVTokenizer.lineStart(path: path, after: dataStart + (size - dataStart) * k / count), b > bounds[bounds.count - 1], b < size {
                bounds.append(b)
            }
        }
        bounds.append(size)
        let starts = bounds
        let delimiter = tokenizer.delimiter
        let expected = tokenizer.estimatedRecords / (bounds.count - 1)
        let read = parallelMap(bounds.count - 1, jobs: bounds.count - 1) { k -> Part in
            let hashes = IDHashes(expected: expected)
            var reader = ParticipantReader(project: project, asOf: asOf, file: path, lang: lang, hashes: hashes)
            guard var t = try? CSVTokenizer(path: path, from: starts[k], to: starts[k + 1], delimiter: delimiter) else {
                return Part(tally: reader.tally, log: reader.log, hashes: hashes, lines: 0, failed: true)
            }
            let failed = reader.readRows(&t, columns) != .complete
            return Part(tally: reader.tally, log: reader.log, hashes: hashes, lines: t.line - 1, failed: failed)
        }
        guard !read.contains(where: \.failed), !IDHashes.anyEqual(read.map(\.hashes), jobs: parts) else { return nil }
        var line = tokenizer.line - 1
        var tally = header.tally
        for part in read {
            tally.merge(part.tally)
            header.log.append(contentsOf: part.log, shiftingLinesBy: line)
            line += part.lines
        }
        header.warnLateStarters(tally.lateStarters)
        return (tally, header.log)
    }

    /// False when the file turned out not to be UTF-8: the caller starts again.
    private mutating func run(path: String, encoding: TextEncoding) -> Bool {
        let opened: CSVTokenizer?
        do { opened = try CSVTokenizer.openWithHeader(path: path, fallback: encoding, log: &log) } catch { return false }
        guard var tokenizer = opened, let columns = readHeader(tokenizer) else { return true }
        ids = ParticipantIDs(expected: tokenizer.estimatedRecords)
        if readRows(&tokenizer, columns) == .notUTF8 { return false }
        warnLateStarters(counter.lateStarters)
        return true
    }

    /// The columns of the header record, with its problems logged; nil when
    /// the first record is no header. Rows are counted only by a complete one.
    private mutating func readHeader(_ tokenizer: borrowing CSVTokenizer) -> ColumnMap? {
        var required: [Column] = [.id, .gender, .startDate]
        if !project.subprojects.isEmpty { required.append(.subproject) }
        guard var columns = ColumnMap.read(tokenizer, file: file,
                                           allowed: [.id, .subproject, .gender, .birthYear, .startDate, .endDate, .exitReason, .activities],
                                           required: required, log: &log) else { return nil }
        if (columns[.endDate] == nil) != (columns[.exitReason] == nil) {
            let (has, lacks) = columns[.endDate] != nil ? ("end_date", "exit_reason") : ("exit_reason", "end_date")
            log.error(.csvMissingColumn, "the header has '\(has)' but lacks '\(lacks)'",
                      at: SourceLocation(file: file, line: tokenizer.recordLine, column: 1))
            columns.isComplete = false
        }
        columns.noteIfIncomplete(file: file, line: tokenizer.recordLine, log: &log)
        return columns
    }

    private enum RowsEnd {
        case complete
        /// The tokenizer stopped on a failure, which is logged.
        case failed
        /// The file is not UTF-8 after all: nothing is logged.
        case notUTF8
    }

    /// Reads every row after the header.
    private mutating func readRows(_ tokenizer: inout CSVTokenizer, _ columns: ColumnMap) -> RowsEnd {
        let fast = FastColumns(columns)
        do {
            while true {
                // Most rows are fine: the byte-level path takes them, most
                // straight from the read buffer; any row it does not accept
                // is checked field by field for its diagnostics.
                tokenizer.plainRecords(fields: fast.count) { fastRow($0, fast) }
                guard try tokenizer.nextRecord() else { break }
                if !tokenizer.withRecord({ fastRow($0, fast) }) { row(tokenizer, columns) }
            }
        } catch {
            if case .text(.notUTF8) = error { return .notUTF8 }
            tokenizer.report(error, file: file, log: &log)
            return .failed
        }
        return .complete
    }

    private mutating func warnLateStarters(_ n: Int) {
        guard n > 0 else { return }
        log.warning(.startsAfterAsOf, n == 1 ? "1 participant starts after the as-of date \(asOf) and is left out"
                        : "\(n) participants start after the as-of date \(asOf) and are left out",
                    at: SourceLocation(file: file, line: 1, column: 1))
    }

    private func at(_ t: borrowing CSVTokenizer, _ i: Int) -> SourceLocation {
        SourceLocation(file: file, line: t.fields[i].line, column: t.column(i))
    }

    private mutating func row(_ t: borrowing CSVTokenizer, _ columns: ColumnMap) {
        guard t.fields.count == columns.fieldCount else {
            let column = t.column(t.fields.count > columns.fieldCount ? columns.fieldCount : t.fields.count - 1)
            log.error(.csvFieldCount, "expected \(columns.fieldCount) fields as in the header, found \(t.fields.count)",
                      at: SourceLocation(file: file, line: t.recordLine, column: column))
            return
        }
        // Only the columns the header has are checked: a missing one is
        // reported once, with the header.
        var ok = true
        func value(_ c: Column) -> (String, Int)? {
            guard let i = columns[c] else { return nil }
            let s = String(t.string(i).trimmingSpaces)
            return s.isEmpty ? nil : (s, i)
        }
        func empty(_ c: Column, _ what: String) {
            guard let i = columns[c] else { return }
            log.error(.emptyValue, "the \(what) is empty", at: at(t, i))
            ok = false
        }

        // id
        if let (id, i) = value(.id) {
            if let first = Array(id.utf8).withUnsafeBufferPointer({ see(id: $0, line: t.recordLine) }) {
                log.error(.duplicateParticipant, "duplicate participant id (first on line \(first))", at: at(t, i))
                ok = false
            }
        } else {
            empty(.id, "participant id")
        }

        // gender
        var gender = Gender.other
        if let (text, i) = value(.gender) {
            if let g = codes.gender(text, column: columns.name(.gender), at: at(t, i), log: &log) { gender = g } else { ok = false }
        } else {
            empty(.gender, "gender")
        }

        // subproject
        var slot = project.subprojects.count
        if let (text, i) = value(.subproject) {
            if let s = codes.subproject(text, column: columns.name(.subproject), at: at(t, i), log: &log) { slot = s } else { ok = false }
        } else if !project.subprojects.isEmpty {
            empty(.subproject, "subproject")
        }

        // dates
        var start: Day?
        if let (text, i) = value(.startDate) {
            start = Day(iso: text)
            if start == nil {
                log.error(.invalidDate, CellMessage.date(column: columns.name(.startDate)), at: at(t, i))
                ok = false
            }
        } else {
            empty(.startDate, "start date")
        }
        var end: Day?
        if let (text, i) = value(.endDate) {
            end = Day(iso: text)
            if end == nil {
                log.error(.invalidDate, CellMessage.date(column: columns.name(.endDate)), at: at(t, i))
                ok = false
            } else if let s = start, let e = end, e < s {
                log.error(.endBeforeStart, CellMessage.endBeforeStart(column: columns.name(.endDate)), at: at(t, i))
                ok = false
            }
        }

        // exit reason, and whether it pairs with an end date (when the header has both)
        var reason: Int?
        let paired = columns[.endDate] != nil && columns[.exitReason] != nil
        if let (text, i) = value(.exitReason) {
            if let r = codes.reason(text, column: columns.name(.exitReason), at: at(t, i), log: &log) { reason = r } else { ok = false }
            if paired && value(.endDate) == nil {
                log.error(.exitWithoutEnd, "an exit reason is given but no end date", at: at(t, i))
                ok = false
            }
        } else if paired, let (_, i) = value(.endDate) {
            log.error(.endWithoutExit, "an end date is given but no exit reason", at: at(t, i))
            ok = false
        }

        // birth year: checked, never shown
        var birthYear: Int?
        if let (text, i) = value(.birthYear) {
            let latest = start?.year ?? 9999
            if let year = Int(text), (1900...max(1900, latest)).contains(year) { birthYear = year } else {
                log.error(.birthYearRange, "the birth year is not a year from 1900 to the start year", at: at(t, i))
                ok = false
            }
        }

        // activities
        var activities: [Int] = []
        if let (text, i) = value(.activities) {
            for code in text.split(whereSeparator: { $0 == ";" || $0 == "|" }) where !code.trimmingSpaces.isEmpty {
                if let a = codes.activity(code, column: columns.name(.activities), at: at(t, i), log: &log) {
                    if !activities.contains(a) { activities.append(a) }
                } else {
                    ok = false
                }
            }
        }

        guard ok, columns.isComplete, let start else { return }
        count(slot: slot, gender: gender, start: (start.ordinal, start.year), end: end?.ordinal, reason: reason,
              birthYear: birthYear, activities: activities)
    }

    /// Notes a participant id. In exact mode, returns the line it was first
    /// seen on when it was seen before; otherwise only hashes it.
    @inline(__always)
    private mutating func see(id: UnsafeBufferPointer<UInt8>, line: Int) -> Int? {
        guard let hashes else { return ids.insert(id, line: line) }
        hashes.add(id)
        return nil
    }

    /// Folds one valid participant into the tally; dates as ordinals.
    @inline(__always)
    private mutating func count(slot: Int, gender: Gender, start: (ordinal: Int, year: Int), end: Int?, reason: Int?,
                                birthYear: Int?, activities: some Sequence<Int>) {
        guard start.ordinal <= asOfOrdinal else {
            counter.lateStarters += 1
            return
        }
        let ended = end.map { $0 <= asOfOrdinal } ?? false
        counter.add(slot: slot, gender: gender, reason: ended ? reason : nil)
        for a in activities { counter.addActivity(a, slot: slot, gender: gender) }
        // Age at the start, from the birth year alone (the only date kept).
        counter.addAge(birthYear.map { start.year - $0 }, gender: gender)
        if ended, let end { counter.addDuration(days: end - start.ordinal, gender: gender) }
    }

    /// Column positions as plain integers (-1 when absent) for the fast path.
    struct FastColumns {
        let count, id, subproject, gender, birthYear, start, end, exitReason, activities: Int

        init(_ c: ColumnMap) {
            // A header that lacks a column gives rows no fast path (a count of
            // -1 matches no row): each is checked, none counted, by `row`.
            count = c.isComplete ? c.fieldCount : -1
            id = c[.id] ?? -1
            subproject = c[.subproject] ?? -1
            gender = c[.gender] ?? -1
            birthYear = c[.birthYear] ?? -1
            start = c[.startDate] ?? -1
            end = c[.endDate] ?? -1
            exitReason = c[.exitReason] ?? -1
            activities = c[.activities] ?? -1
        }
    }

    /// A row checked and counted on its bytes alone. Returns false, having
    /// changed nothing, for any row it cannot accept as it is: `row` then
    /// checks it and says exactly what is wrong.
    @inline(__always)
    private mutating func fastRow(_ r: some RowBytes, _ c: FastColumns) -> Bool {
        guard r.count == c.count, c.gender >= 0, c.start >= 0, c.id >= 0 else { return false }
        guard let g = codes.fastGenders.lookup(r.bytes(c.gender), padded: r.padded), let gender = Gender(rawValue: g) else { return false }
        var slot = project.subprojects.count
        if c.subproject >= 0 {
            let b = r.bytes(c.subproject)
            if project.subprojects.isEmpty {
                guard b.allSatisfy({ $0 == 32 }) else { return false }
            } else {
                guard let s = codes.fastSubprojects.lookup(b, padded: r.padded) else { return false }
                slot = s
            }
        } else if !project.subprojects.isEmpty {
            return false
        }
        guard let start = months.parse(r.bytes(c.start)) else { return false }
        var end: Int?
        var reason: Int?
        if c.end >= 0 {
            let endBytes = r.bytes(c.end), reasonBytes = r.bytes(c.exitReason)
            guard endBytes.isEmpty == reasonBytes.isEmpty else { return false }
            if !endBytes.isEmpty {
                guard let e = months.parse(endBytes)?.ordinal, e >= start.ordinal, let x = codes.fastReasons.lookup(reasonBytes, padded: r.padded) else { return false }
                end = e
                reason = x
            }
        }
        var birthYear: Int?
        if c.birthYear >= 0 {
            let b = r.bytes(c.birthYear)
            if !b.isEmpty {
                guard b.count == 4 else { return false }
                var y = 0
                for d in b {
                    guard d >= 48 && d <= 57 else { return false }
                    y = y * 10 + Int(d - 48)
                }
                guard y >= 1900 && y <= start.year else { return false }
                birthYear = y
            }
        }
        var activities: UInt64 = 0
        if c.activities >= 0 {
            let b = r.bytes(c.activities)
            if r.padded, let known = activitySets.value(for: b) {
                activities = known
            } else {
                var s = 0
                while s <= b.count {
                    var e = s
                    while e < b.count, b[e] != 59, b[e] != 124 { e += 1 }
                    if e > s {
                        guard let a = codes.fastActivities.lookup(UnsafeBufferPointer(rebasing: b[s..<e]), padded: r.padded), a < 64 else { return false }
                        activities |= 1 << UInt64(a)
                    }
                    s = e + 1
                }
                if r.padded { activitySets.store(activities, for: b) }
            }
        }
        // Last, so that a row turned down above has left no trace.
        let id = r.bytes(c.id)
        // Spaces around the id (a no-break space too) are trimmed by `row`, not here.
        guard let first = id.first, let last = id.last, first > 32, last > 32, first != 0xC2,
              !(last == 0xA0 && id.count >= 2 && id[id.count - 2] == 0xC2),
              hashes != nil || ids.insert(id, line: r.line) == nil else { return false }
        // `see(id:line:)` written out: the call cost a fiftieth of a large file's time.
        hashes?.add(id)
        count(slot: slot, gender: gender, start: start, end: end, reason: reason, birthYear: birthYear,
              activities: ActivityBits(bits: activities))
        return true
    }
}

/// The activities of a row as a bit set, listed lowest first.
private struct ActivityBits: Sequence, IteratorProtocol {
    var bits: UInt64

    mutating func next() -> Int? {
        guard bits != 0 else { return nil }
        let a = bits.trailingZeroBitCount
        bits &= bits &- 1
        return a
    }
}
