/// The declared breakdowns' cells of one reader's rows (SPEC §3.6): which
/// values each cell names, read from its bytes (`readFast`) or, when that
/// turns a row down, from its text (`read`), which says what is wrong.
/// An empty cell is "not stated", never an error; so is every cell of a
/// column the header lacks.
///
/// A class over raw memory, one per reader (a part of a large file has its
/// own): the row being read leaves its values in `values`, which the tally
/// counts once the whole row is accepted.
final class BreakdownCells {
    let count: Int
    private let declarations: [DeclaredBreakdown]
    /// Each breakdown's codes, labels and spellings, lowercased, to the value's index.
    private let byText: [[String: Int]]
    /// Read as `tables[b]`: a let array of a final class is borrowed, not retained, in a row's lookups.
    private let tables: [ByteKeyTable]
    /// Each cell of several codes as a whole, for a `multiple` breakdown (an empty memo for the others).
    private let memos: [FieldMemo]
    private let multiple: UnsafeMutableBufferPointer<Bool>
    /// Each breakdown's field in the file being read; -1 when its header lacks the column.
    private let positions: UnsafeMutableBufferPointer<Int>
    /// The row being read: the values breakdown b's cell names, a bit each;
    /// "not stated" is the bit after the values' (`notStated[b]`).
    let values: UnsafeMutableBufferPointer<UInt64>
    private let notStated: UnsafeMutableBufferPointer<UInt64>

    init(_ project: Project) {
        declarations = project.breakdowns
        count = declarations.count
        byText = declarations.map { d in
            var keys: [String: Int] = [:]
            for (i, v) in d.values.enumerated() {
                for text in [v.code] + (v.label.map { [$0] } ?? []) + v.spellings {
                    let key = CodeKey.of(text)
                    if keys[key] == nil { keys[key] = i }
                }
            }
            return keys
        }
        // The byte tables take each text as written (lowercased: `long_term_unemployed` is found in
        // one probe, as before issue 25) and as `CodeKey` has it; other spellings reach `byText`.
        let declared = project.breakdowns, folded = byText
        tables = declared.indices.map { b in
            var entries: [(String, Int)] = []
            for (i, v) in declared[b].values.enumerated() {
                for text in [v.code] + (v.label.map { [$0] } ?? []) + v.spellings {
                    entries.append((String(text.trimmingSpaces).lowercased(), i))
                }
            }
            return ByteKeyTable(entries + folded[b].sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        memos = declarations.map { $0.multiple ? FieldMemo() : FieldMemo(size: 1) }
        multiple = .allocate(capacity: max(1, count))
        multiple.initialize(repeating: false)
        for (b, d) in declarations.enumerated() { multiple[b] = d.multiple }
        positions = .allocate(capacity: max(1, count))
        positions.initialize(repeating: -1)
        values = .allocate(capacity: max(1, count))
        values.initialize(repeating: 0)
        notStated = .allocate(capacity: max(1, count))
        notStated.initialize(repeating: 0)
        for (b, d) in declarations.enumerated() { notStated[b] = 1 << UInt64(d.values.count) }
    }

    deinit {
        multiple.deallocate()
        positions.deallocate()
        values.deallocate()
        notStated.deallocate()
    }

    /// Takes the positions of a header just read; a breakdown whose column
    /// it lacks is said once, as a warning.
    func use(_ columns: ColumnMap, file: String, line: Int, log: inout DiagnosticLog) {
        use(columns)
        let at = SourceLocation(file: file, line: line, column: 1)
        let missing = declarations.indices.filter { columns.breakdownPositions[$0] == nil }.map { declarations[$0] }
        for d in missing where d.esf == nil {
            log.warning(.breakdownColumnMissing, "the header has no column '\(d.columns[0])' for breakdown '\(d.id)': every participant is counted as not stated there",
                        at: at)
        }
        // The ESF+ breakdowns a project does not record are said at once.
        let esf = missing.compactMap(\.esf)
        guard !esf.isEmpty else { return }
        let names = esf.map { "'\($0.columns[0])' (or '\($0.columns[1])')" }.joined(separator: ", ")
        log.warning(.breakdownColumnMissing, "the header has no column for the ESF+ breakdown\(esf.count == 1 ? "" : "s") \(names): "
                        + "every participant is counted as not stated there", at: at)
    }

    /// Takes the positions of a header read by another reader (a part of the same file), saying nothing.
    func use(_ columns: ColumnMap) {
        for b in 0..<count { positions[b] = columns.breakdownPositions[b] ?? -1 }
    }

    /// Reads every breakdown's cell on its bytes; false, leaving the row to
    /// `read`, for a value the tables do not know as it stands.
    @inline(__always)
    func readFast(_ r: some RowBytes) -> Bool {
        for b in 0..<count {
            let field = positions[b]
            guard field >= 0 else {
                values[b] = notStated[b]
                continue
            }
            let bytes = r.bytes(field)
            if bytes.isEmpty {
                values[b] = notStated[b]
            } else if !multiple[b] {
                guard let v = tables[b].lookup(bytes, padded: r.padded) else { return false }
                values[b] = 1 << UInt64(v)
            } else {
                guard let bits = tables[b].codes(in: bytes, padded: r.padded, memo: memos[b]) else { return false }
                values[b] = bits == 0 ? notStated[b] : bits
            }
        }
        return true
    }

    /// Reads every breakdown's cell on its text, logging (at the cell, never
    /// quoting it) each code the breakdown does not have.
    func read(_ t: some CellRecord, _ checks: RowChecks, log: inout DiagnosticLog, ok: inout Bool) {
        for b in 0..<count {
            values[b] = notStated[b]
            let field = positions[b]
            guard field >= 0 else { continue }
            let text = String(t.string(field).trimmingSpaces)
            let codes: [Substring] = multiple[b] ? text.split(whereSeparator: { $0 == ";" || $0 == "|" }) : [Substring(text)]
            for code in codes {
                let key = CodeKey.of(code)
                guard !key.isEmpty else { continue }
                if let v = byText[b][key] {
                    values[b] = (values[b] & ~notStated[b]) | 1 << UInt64(v)
                    continue
                }
                ok = false
                let d = declarations[b]
                let known = d.values.map(\.code)
                let hint = CodeLookup.closest(to: key, among: known + d.values.compactMap(\.label))
                let list = known == ["yes", "no"]
                    ? d.values.map { $0.spellings.joined(separator: "/") }.joined(separator: " or ") : known.joined(separator: ", ")
                log.error(.unknownBreakdownValue,
                          "the value in column '\(checks.columns.breakdownName(b))' is not a value of breakdown '\(d.id)'; use \(list)"
                            + (hint.map { "; did you mean '\($0)'?" } ?? ""),
                          at: checks.location(t, field))
            }
        }
    }
}
