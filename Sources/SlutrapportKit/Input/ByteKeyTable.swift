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
    }

    deinit {
        arena.deallocate()
        starts.deallocate()
        values.deallocate()
        slots.deallocate()
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

    /// The value for a field's bytes, or nil when they name nothing known
    /// in plain ASCII case-folding.
    @inline(__always)
    func lookup(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
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
