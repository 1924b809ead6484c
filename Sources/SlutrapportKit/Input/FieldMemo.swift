/// What a whole field of up to 32 bytes came to the last time it was seen,
/// for the activities and a breakdown of several codes a cell: such a cell is one field of several codes,
/// and a file repeats a few dozen combinations of them. A hit costs four
/// word compares instead of splitting the field and looking up each code.
///
/// Direct-mapped over raw memory (a new field takes the slot of an old one),
/// so it stays small and touches no Swift array. It keeps the bytes of
/// activity fields only, never an id.
final class FieldMemo {
    private struct Entry {
        var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
        /// 0 marks an empty slot.
        var length = 0
        var value: UInt64 = 0
    }

    private let entries: UnsafeMutableBufferPointer<Entry>
    /// Entries less one: the slot is the hash's top bits, masked.
    private let mask: Int

    /// `size`: a power of two up to 1024.
    init(size: Int = 1024) {
        entries = .allocate(capacity: size)
        entries.initialize(repeating: Entry())
        mask = size - 1
    }

    deinit { entries.deallocate() }

    /// The field's bytes as four zero-padded words. The field must be of 1
    /// to 32 bytes, with 32 bytes readable from its start (`CSVTokenizer.padding`).
    @inline(__always)
    private static func words(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt64, UInt64, UInt64, UInt64) {
        (p.paddedWord(0, of: n), p.paddedWord(1, of: n), p.paddedWord(2, of: n), p.paddedWord(3, of: n))
    }

    @inline(__always)
    private func slot(_ w: (UInt64, UInt64, UInt64, UInt64), _ n: Int) -> Int {
        // One multiply: the rotations keep the words from cancelling out.
        let h = (w.0 ^ w.1.rotated(17) ^ w.2.rotated(31) ^ w.3.rotated(47) ^ UInt64(n)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: h >> 54) & mask  // the top 10 bits: 0..<1024
    }

    /// The value stored for exactly these bytes, if any.
    @inline(always)
    func value(for field: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let n = field.count
        guard n >= 1, n <= 32, let p = field.baseAddress else { return nil }
        let w = Self.words(p, n)
        let e = entries[slot(w, n)]
        return e.length == n && e.w0 == w.0 && e.w1 == w.1 && e.w2 == w.2 && e.w3 == w.3 ? e.value : nil
    }

    func store(_ value: UInt64, for field: UnsafeBufferPointer<UInt8>) {
        let n = field.count
        guard n >= 1, n <= 32, let p = field.baseAddress else { return }
        let w = Self.words(p, n)
        entries[slot(w, n)] = Entry(w0: w.0, w1: w.1, w2: w.2, w3: w.3, length: n, value: value)
    }
}

private extension UInt64 {
    @inline(__always)
    func rotated(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
