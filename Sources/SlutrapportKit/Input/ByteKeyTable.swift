/// Finds a code or label from the raw bytes of a CSV field, without making
/// a String: ASCII letters compare case-insensitively, surrounding spaces
/// are ignored and, for exit reasons, `_` counts as a space. A miss is not
/// an error: the reader then asks the String-based lookup, which also folds
/// non-ASCII case (`FULLFÖLJT`), and reports what it cannot find.
struct ByteKeyTable: Sendable {
    private var keys: [[UInt8]] = []
    private var values: [Int] = []
    private var slots: [Int32]
    private let mask: Int
    let underscoreIsSpace: Bool

    init(_ entries: [(String, Int)], underscoreIsSpace: Bool = false) {
        self.underscoreIsSpace = underscoreIsSpace
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (key, value) in entries {
            let bytes = Self.normalized(Array(key.utf8), underscoreIsSpace: underscoreIsSpace)
            guard find(bytes[...]) == nil else { continue }
            keys.append(bytes)
            values.append(value)
            var h = Int(truncatingIfNeeded: Self.hash(bytes[...])) & mask
            while slots[h] >= 0 { h = (h + 1) & mask }
            slots[h] = Int32(keys.count - 1)
        }
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

    @inline(__always)
    static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    private func find(_ normalizedKey: ArraySlice<UInt8>) -> Int? {
        var h = Int(truncatingIfNeeded: Self.hash(normalizedKey)) & mask
        while slots[h] >= 0 {
            let k = Int(slots[h])
            if keys[k].elementsEqual(normalizedKey) { return values[k] }
            h = (h + 1) & mask
        }
        return nil
    }

    /// The value for a field's bytes, or nil when they name nothing known
    /// in plain ASCII case-folding (or are longer than any key).
    @inline(__always)
    func lookup(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        var lo = 0, hi = field.count
        while lo < hi, field[lo] == 32 || field[lo] == 9 { lo += 1 }
        while hi > lo, field[hi - 1] == 32 || field[hi - 1] == 9 { hi -= 1 }
        guard hi - lo <= 64 else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in lo..<hi { h = (h ^ UInt64(Self.fold(field[i], underscoreIsSpace))) &* 0x100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 {
            let k = Int(slots[slot])
            let key = keys[k]
            if key.count == hi - lo {
                var same = true
                for j in 0..<key.count where key[j] != Self.fold(field[lo + j], underscoreIsSpace) {
                    same = false
                    break
                }
                if same { return values[k] }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
