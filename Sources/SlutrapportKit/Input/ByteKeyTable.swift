/// Finds a code or label from the raw bytes of a CSV field, without making
/// a String: ASCII letters compare case-insensitively, surrounding spaces
/// are ignored and, for exit reasons, `_` counts as a space. A miss is not
/// an error: the reader then asks the String-based lookup, which also folds
/// non-ASCII case (`FULLFÖLJT`), and reports what it cannot find.
///
/// A class over raw memory, built once per file: a lookup touches no Swift
/// array, so it costs no reference counting or uniqueness checks.
final class ByteKeyTable: @unchecked Sendable {
    private let arena: UnsafeMutableBufferPointer<UInt8>
    /// Key k is arena[starts[k]..<starts[k + 1]].
    private let starts: UnsafeMutableBufferPointer<Int>
    private let values: UnsafeMutableBufferPointer<Int>
    private let slots: UnsafeMutableBufferPointer<Int32>
    private let mask: Int
    let underscoreIsSpace: Bool

    /// Keys of 1 to 24 bytes, the usual codes (`long_term_unemployed` has
    /// 20), as three folded words each, so that a lookup compares words
    /// instead of looping over bytes.
    private struct Short {
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        var w2: UInt64 = 0
        /// 0 only in the empty entry, `short[0]`, which an empty slot points at.
        var length = 0
        var value = 0
    }
    /// The short keys, one after another, after an empty one (index 0), so
    /// that a table's keys stay in a few cache lines however many slots it needs.
    private let short: UnsafeMutableBufferPointer<Short>
    /// Each slot's key in `short`, 0 when it has none.
    private let shortSlots: UnsafeMutableBufferPointer<Int32>
    private let shortMask: Int
    /// The slot hash's multiplier, chosen so that no two short keys share a
    /// first slot: a key as it stands is then found in one probe, with no
    /// branch that depends on which key it is (a code column of random
    /// values mispredicted its way to twice the cost).
    private let multiplier: UInt64
    /// A key of 1 to 8 bytes: its word, length and value (length 0: an empty slot).
    private struct Tiny {
        var word: UInt64 = 0
        var length: Int32 = 0
        var value: Int32 = 0
    }
    private let tiny: UnsafeMutableBufferPointer<Tiny>
    private let tinyMask: Int
    private let tinyMultiplier: UInt64

    init(_ entries: [(String, Int)], underscoreIsSpace: Bool = false) {
        self.underscoreIsSpace = underscoreIsSpace
        var keys: [[UInt8]] = []
        var vals: [Int] = []
        for (key, value) in entries {
            let bytes = Self.normalized(Array(key.utf8), underscoreIsSpace: underscoreIsSpace)
            if !keys.contains(bytes) {
                keys.append(bytes)
                vals.append(value)
            }
        }
        var size = 16
        while size < keys.count * 4 { size *= 2 }
        mask = size - 1
        arena = .allocate(capacity: max(1, keys.reduce(0) { $0 + $1.count }))
        starts = .allocate(capacity: keys.count + 1)
        values = .allocate(capacity: max(1, vals.count))
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1)
        var offset = 0
        for (k, key) in keys.enumerated() {
            starts[k] = offset
            for b in key {
                arena[offset] = b
                offset += 1
            }
            values[k] = vals[k]
            var h = Int(truncatingIfNeeded: Self.hash(key[...])) & mask
            while slots[h] >= 0 { h = (h + 1) & mask }
            slots[h] = Int32(k)
        }
        starts[keys.count] = offset
        // Each short key as stored (folded), Capitalised and in CAPITALS: the
        // usual spellings of a code column (`Ja`, `Nej`, `Arbete`) are then
        // found in one probe, without folding.
        var shortKeys: [(words: Words, length: Int, value: Int)] = []
        for k in keys.indices where (1...Self.shortLimit).contains(keys[k].count) {
            let upper = keys[k].map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
            var spellings = [keys[k]]
            for spelling in [[upper[0]] + keys[k].dropFirst(), upper] where !spellings.contains(spelling) { spellings.append(spelling) }
            for spelling in spellings {
                shortKeys.append((spelling.withUnsafeBufferPointer { Self.words($0) }, spelling.count, vals[k]))
            }
        }
        var shortSize = size
        multiplier = Self.multiplier(placing: shortKeys.map { ($0.words, $0.length) }, in: &shortSize)
        short = .allocate(capacity: shortKeys.count + 1)
        short.initialize(repeating: Short())
        shortSlots = .allocate(capacity: shortSize)
        shortSlots.initialize(repeating: 0)
        shortMask = shortSize - 1
        for (i, key) in shortKeys.enumerated() {
            var h = Self.slot(key.words, key.length, multiplier) & shortMask
            while shortSlots[h] != 0 { h = (h + 1) & shortMask }
            shortSlots[h] = Int32(i + 1)
            short[i + 1] = Short(w0: key.words.0, w1: key.words.1, w2: key.words.2, length: key.length, value: key.value)
        }
        // The keys of one word again, each in a slot of its own: most codes,
        // found by one load of the field and one of the table.
        let tinyKeys = shortKeys.filter { $0.length <= 8 }
        var tinySize = 16
        tinyMultiplier = Self.multiplier(placing: tinyKeys.map { ($0.words, $0.length) }, in: &tinySize)
        tiny = .allocate(capacity: tinySize)
        tiny.initialize(repeating: Tiny())
        tinyMask = tinySize - 1
        for key in tinyKeys {
            let h = Self.slot(key.words, key.length, tinyMultiplier) & tinyMask
            // Two keys in one slot only past 2^16 slots: the first keeps it, the other is found by `find`.
            if tiny[h].length == 0 { tiny[h] = Tiny(word: key.words.0, length: Int32(key.length), value: Int32(truncatingIfNeeded: key.value)) }
        }
    }

    /// An odd multiplier that gives each key a slot of its own in a table of
    /// `size` slots, tried in turn and the table doubled after each round;
    /// past 2^16 slots the last one tried (probing, or `find`, takes the rest).
    private static func multiplier(placing keys: [(Words, Int)], in size: inout Int) -> UInt64 {
        var candidate: UInt64 = 0xFF51_AFD7_ED55_8CCD
        while true {
            for _ in 0..<32 {
                var used = Set<Int>()
                if keys.allSatisfy({ used.insert(slot($0.0, $0.1, candidate) & (size - 1)).inserted }) { return candidate }
                candidate = (candidate &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019) | 1
            }
            guard size < 1 << 16 else { return candidate }
            size *= 2
        }
    }

    deinit {
        arena.deallocate()
        starts.deallocate()
        values.deallocate()
        slots.deallocate()
        short.deallocate()
        shortSlots.deallocate()
        tiny.deallocate()
    }

    @inline(__always)
    static func fold(_ b: UInt8, _ underscoreIsSpace: Bool) -> UInt8 {
        if b >= 65 && b <= 90 { return b | 0x20 }
        if underscoreIsSpace && b == 95 { return 32 }
        return b
    }

    static func normalized(_ bytes: [UInt8], underscoreIsSpace: Bool) -> [UInt8] {
        var s = bytes[...]
        while let f = s.first, f == 32 || f == 9 { s = s.dropFirst() }
        while let l = s.last, l == 32 || l == 9 { s = s.dropLast() }
        return s.map { fold($0, underscoreIsSpace) }
    }

    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The longest key kept as words: `lookup` reads this many bytes from a padded field's start.
    static let shortLimit = 24

    typealias Words = (UInt64, UInt64, UInt64)

    /// A field of 1 to 24 bytes as three little-endian words, zero-padded.
    @inline(__always)
    private static func words(_ p: UnsafeBufferPointer<UInt8>) -> Words {
        var w: Words = (0, 0, 0)
        for i in 0..<min(p.count, shortLimit) {
            let b = UInt64(p[i]) << UInt64(8 * (i % 8))
            switch i / 8 {
            case 0: w.0 |= b
            case 1: w.1 |= b
            default: w.2 |= b
            }
        }
        return w
    }

    @inline(__always)
    private static func paddedWords(_ p: UnsafePointer<UInt8>, _ n: Int) -> Words {
        (p.paddedWord(0, of: n), p.paddedWord(1, of: n), p.paddedWord(2, of: n))
    }

    /// ASCII letters folded to lower case (and `_` to a space, for exit
    /// reasons) eight bytes at a time, as `fold` does one byte at a time.
    @inline(__always)
    private static func foldWord(_ w: UInt64, _ underscoreIsSpace: Bool) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let x = w & low
        // High bit of each byte: at least "A", above "Z", and ASCII at all.
        let atLeastA = (x &+ 0x3F3F_3F3F_3F3F_3F3F) & high
        let aboveZ = (x &+ 0x2525_2525_2525_2525) & high
        var r = w | ((atLeastA & ~aboveZ & ~w & high) >> 2)
        if underscoreIsSpace {
            let y = r ^ 0x5F5F_5F5F_5F5F_5F5F  // zero where "_"
            let underscores = ~(((y & low) &+ low) | y) & high
            r ^= (underscores >> 7) &* 0x7F      // "_" ^ 0x7F is a space
        }
        return r
    }

    @inline(__always)
    private static func slot(_ w: Words, _ length: Int, _ multiplier: UInt64) -> Int {
        // One multiply: keys of a length differ in their words already.
        Int(truncatingIfNeeded: ((w.0 ^ (w.1 << 1) ^ (w.2 << 2) ^ UInt64(length)) &* multiplier) >> 32)
    }

    /// The value for a field's bytes, or nil when they name nothing known
    /// in plain ASCII case-folding.
    ///
    /// `padded`: at least 24 bytes may be read from the field's start (the
    /// tokenizer's read buffer keeps room after its end), so a
    /// short field is read as three words, without a loop.
    @inline(always)
    func lookup(_ field: UnsafeBufferPointer<UInt8>, padded: Bool = false) -> Int? {
        // The usual case, small enough to inline: a padded field that is a
        // key as it stands, in the key's first slot. A field with spaces
        // around it is trimmed first (a key may end in a space that was "_").
        let n = field.count
        if padded, n >= 1, n <= 8, let p = field.baseAddress, p[0] > 32, p[n - 1] > 32 {
            let w0 = p.paddedWord(0, of: n)
            let t = tiny[Self.slot((w0, 0, 0), n, tinyMultiplier) & tinyMask]
            if t.length == n && t.word == w0 { return Int(t.value) }
        } else if padded, n >= 9, n <= Self.shortLimit, let p = field.baseAddress, p[0] > 32, p[n - 1] > 32 {
            let w = Self.paddedWords(p, n)
            let s = short[Int(shortSlots[Self.slot(w, n, multiplier) & shortMask])]
            // One test, not four: each `&&` is a block of the caller, and past
            // its block limit the optimizer stops inlining even this function.
            if (UInt64(truncatingIfNeeded: s.length ^ n) | (s.w0 ^ w.0) | (s.w1 ^ w.1) | (s.w2 ^ w.2)) == 0 { return s.value }
        }
        return lookupAny(field, padded: padded)
    }

    /// The codes a field of several names (separated by `;` or `|`) names,
    /// a bit each; nil when one is unknown (or past the 64th). A padded
    /// field is remembered whole in `memo`: a file repeats a few dozen
    /// combinations, and a hit costs four word compares instead of the split.
    func codes(in field: UnsafeBufferPointer<UInt8>, padded: Bool, memo: FieldMemo) -> UInt64? {
        if padded, let known = memo.value(for: field) { return known }
        var bits: UInt64 = 0
        var s = 0
        while s <= field.count {
            var e = s
            while e < field.count, !RowRule.separatesActivities(field[e]) { e += 1 }
            if e > s {
                guard let v = lookup(UnsafeBufferPointer(rebasing: field[s..<e]), padded: padded), v < 64 else { return nil }
                bits |= 1 << UInt64(v)
            }
            s = e + 1
        }
        if padded { memo.store(bits, for: field) }
        return bits
    }

    @inline(never)
    private func lookupAny(_ field: UnsafeBufferPointer<UInt8>, padded: Bool) -> Int? {
        let n = field.count
        if n >= 1 && n <= Self.shortLimit, let p = field.baseAddress {
            let first = p[0], last = p[n - 1]
            if first != 32 && first != 9 && last != 32 && last != 9 {
                let w = padded ? Self.paddedWords(p, n) : Self.words(field)
                // Keys are stored folded, so a field that equals one as it is
                // folds to itself (it has no capitals and no "_"): most fields
                // are found without folding.
                if let value = find(w, n) { return value }
                let f = (Self.foldWord(w.0, underscoreIsSpace), Self.foldWord(w.1, underscoreIsSpace), Self.foldWord(w.2, underscoreIsSpace))
                return f == w ? nil : find(f, n)
            }
        }
        return lookupTrimmed(field)
    }

    @inline(__always)
    private func find(_ w: Words, _ n: Int) -> Int? {
        var h = Self.slot(w, n, multiplier) & shortMask
        while shortSlots[h] != 0 {
            let s = short[Int(shortSlots[h])]
            if s.w0 == w.0 && s.w1 == w.1 && s.w2 == w.2 && s.length == n { return s.value }
            h = (h + 1) & shortMask
        }
        return nil
    }

    /// Any field: surrounding spaces trimmed, then byte by byte.
    private func lookupTrimmed(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        var lo = 0, hi = field.count
        while lo < hi, field[lo] == 32 || field[lo] == 9 { lo += 1 }
        while hi > lo, field[hi - 1] == 32 || field[hi - 1] == 9 { hi -= 1 }
        let u = underscoreIsSpace
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in lo..<hi { h = (h ^ UInt64(Self.fold(field[i], u))) &* 0x100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 {
            let k = Int(slots[slot])
            let start = starts[k]
            if starts[k + 1] - start == hi - lo {
                var j = 0
                while j < hi - lo, arena[start + j] == Self.fold(field[lo + j], u) { j += 1 }
                if j == hi - lo { return values[k] }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
