/// A participant's row checked and counted: on its bytes (`fastRow`), or,
/// when that path turns it down, on its text (`row`), which says what is
/// wrong. Both keep to `RowRule`; `RowChecks` words the diagnostics.
extension ParticipantReader {
    /// A row checked cell by cell, every problem logged; counted when it has none.
    mutating func row(_ t: some CellRecord, _ checks: RowChecks) {
        if TotalRow.matches(t) { return TotalRow.note(t, file: file, log: &log) }
        let columns = checks.columns
        guard checks.fieldCountMatches(t, log: &log) else { return }
        // Only the columns the header has are checked: a missing one is
        // reported once, with the header.
        var ok = true

        if let (id, i) = checks.required(.id, "participant id", t, log: &log, ok: &ok),
           let first = Array(id.utf8).withUnsafeBufferPointer({ see(id: $0, line: t.recordLine) }) {
            log.error(.duplicateParticipant, "duplicate participant id (first on line \(first))", at: checks.location(t, i))
            ok = false
        }

        var gender = Gender.other
        if let (text, i) = checks.required(.gender, "gender", t, log: &log, ok: &ok) {
            gender = checks.gender(text, i, t, log: &log, ok: &ok)
        }
        let slot = checks.subproject(t, log: &log, ok: &ok)

        var start: Day?
        if let (text, i) = checks.required(.startDate, "start date", t, log: &log, ok: &ok) {
            start = checks.date(text, i, .startDate, t, log: &log, hints: &dateHints, ok: &ok)
            checkNear(start, .startDate, i, t, checks)
        }
        let endCell = checks.filled(.endDate, t)
        var end: Day?
        if let (text, i) = endCell {
            end = checks.date(text, i, .endDate, t, log: &log, hints: &dateHints, ok: &ok)
            checkNear(end, .endDate, i, t, checks)
            if let s = start, let e = end, !RowRule.endFits(e.ordinal, start: s.ordinal) {
                log.error(.endBeforeStart, CellMessage.endBeforeStart(column: columns.name(.endDate)), at: checks.location(t, i))
                ok = false
            }
        }

        // The exit reason, and whether it pairs with an end date (when the header has both).
        let reasonCell = checks.filled(.exitReason, t)
        var reason: Int?
        if let (text, i) = reasonCell { reason = checks.exitReason(text, i, t, log: &log, ok: &ok) }
        if columns[.endDate] != nil, columns[.exitReason] != nil,
           !RowRule.endAndReasonPair(hasEnd: endCell != nil, hasReason: reasonCell != nil) {
            if let (_, i) = reasonCell {
                log.error(.exitWithoutEnd, "an exit reason is given but no end date", at: checks.location(t, i))
            } else if let (_, i) = endCell {
                log.error(.endWithoutExit, "an end date is given but no exit reason", at: checks.location(t, i))
            }
            ok = false
        }

        // The birth year: checked, never shown.
        var birthYear: Int?
        if let (text, i) = checks.filled(.birthYear, t) {
            if let year = Int(text), RowRule.birthYears(startYear: start?.year ?? 9999).contains(year) { birthYear = year } else {
                log.error(.birthYearRange, "the birth year is not a year from \(RowRule.firstBirthYear) to the start year", at: checks.location(t, i))
                ok = false
            }
        }

        var activities: [Int] = []
        if let (text, i) = checks.filled(.activities, t) {
            for code in text.utf8.split(whereSeparator: RowRule.separatesActivities) where !Substring(code).trimmingSpaces.isEmpty {
                if let a = checks.codes.activity(Substring(code), column: columns.name(.activities), at: checks.location(t, i), log: &log) {
                    if !activities.contains(a) { activities.append(a) }
                } else {
                    ok = false
                }
            }
        }

        breakdownCells.read(t, checks, log: &log, ok: &ok)

        guard ok, columns.isComplete, let start else { return }
        count(slot: slot, gender: gender, start: (start.ordinal, start.year, start.monthNumber), end: end.map { ($0.ordinal, $0.monthNumber) }, reason: reason,
              birthYear: birthYear, activities: activities)
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
    mutating func fastRow(_ r: some RowBytes, _ c: FastColumns) -> Bool {
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
        // A date far from the period goes to `row`, which warns of it.
        guard let start = months.parse(r.bytes(c.start)), nearDates.contains(start.ordinal) else { return false }
        var end: (ordinal: Int, month: Int)?
        var reason: Int?
        if c.end >= 0 {
            let endBytes = r.bytes(c.end), reasonBytes = r.bytes(c.exitReason)
            guard RowRule.endAndReasonPair(hasEnd: !endBytes.isEmpty, hasReason: !reasonBytes.isEmpty) else { return false }
            if !endBytes.isEmpty {
                guard let e = months.parse(endBytes), RowRule.endFits(e.ordinal, start: start.ordinal), nearDates.contains(e.ordinal), let x = codes.fastReasons.lookup(reasonBytes, padded: r.padded) else { return false }
                end = (e.ordinal, e.month)
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
                guard RowRule.birthYears(startYear: start.year).contains(y) else { return false }
                birthYear = y
            }
        }
        var activities: UInt64 = 0
        if c.activities >= 0 {
            guard let bits = codes.fastActivities.codes(in: r.bytes(c.activities), padded: r.padded, memo: activitySets) else { return false }
            activities = bits
        }
        guard breakdownCells.readFast(r) else { return false }
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
