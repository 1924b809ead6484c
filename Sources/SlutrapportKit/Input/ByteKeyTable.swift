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
        /// 0 marks an empty slot.
        var length = 0
        var value = 0
    }
    private let short: UnsafeMutableBufferPointer<Short>
    private let shortMask: Int
    /// The slot hash's multiplier, chosen so that no two short keys share a
    /// first slot: a key as it stands is then found in one probe, with no
    /// branch that depends on which key it is (a code column of random
    /// values mispredicted its way to twice the cost).
    private let multiplier: UInt64

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
        let shortKeys = keys.indices.filter { (1...Self.shortLimit).contains(keys[$0].count) }.map { k in
            (words: keys[k].withUnsafeBufferPointer { Self.words($0) }, length: keys[k].count, value: vals[k])
        }
        // Odd multipliers tried in turn, the table doubled after each round, until every key has a slot of its own.
        var shortSize = size
        var candidate: UInt64 = 0xFF51_AFD7_ED55_8CCD
        search: while true {
            for _ in 0..<32 {
                var used = Set<Int>()
                if shortKeys.allSatisfy({ used.insert(Self.slot($0.words, $0.length, candidate) & (shortSize - 1)).inserted }) {
                    break search
                }
                candidate = (candidate &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019) | 1
            }
            // Past a table of 2^16 slots, probing takes the rest.
            guard shortSize < 1 << 16 else { break }
            shortSize *= 2
        }
        multiplier = candidate
        short = .allocate(capacity: shortSize)
        short.initialize(repeating: Short())
        shortMask = shortSize - 1
        for key in shortKeys {
            var h = Self.slot(key.words, key.length, multiplier) & shortMask
            while short[h].length != 0 { h = (h + 1) & shortMask }
            short[h] = Short(w0: key.words.0, w1: key.words.1, w2: key.words.2, length: key.length, value: key.value)
        }
    }

    deinit {
        arena.deallocate()
        starts.deallocate()
        values.deallocate()
        slots.deallocate()
        short.deallocate()
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
    @inline(__always)
    func lookup(_ field: UnsafeBufferPointer<UInt8>, padded: Bool = false) -> Int? {
        // The usual case, small enough to inline: a padded field that is a
        // key as it stands, in the key's first slot. A field with spaces
        // around it is trimmed first (a key may end in a space that was "_").
        let n = field.count
        if padded, n >= 1, n <= Self.shortLimit, let p = field.baseAddress, p[0] > 32, p[n - 1] > 32 {
            let w = Self.paddedWords(p, n)
            let s = short[Self.slot(w, n, multiplier) & shortMask]
            if s.length == n && s.w0 == w.0 && s.w1 == w.1 && s.w2 == w.2 { return s.value }
        }
        return lookupAny(field, padded: padded)
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
        while short[h].length != 0 {
            let s = short[h]
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
