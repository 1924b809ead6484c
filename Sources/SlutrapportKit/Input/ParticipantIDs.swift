/// The participant ids seen so far, with the line each was first seen on,
/// to find duplicates. Ids live as bytes in one arena behind an open-addressing
/// table: memory grows with the distinct ids (about 30 bytes each beyond the
/// id itself), and no String is made per row. The ids never leave this type.
struct ParticipantIDs {
    private var arena: [UInt8] = []
    /// Per id: its offset in the arena << 16 | its length.
    private var spans: [UInt64] = []
    private var lines: [UInt32] = []
    /// 0 = empty; else (id index + 1) << 32 | the hash's high 32 bits, so a
    /// probe rarely has to look at an id (a cache miss) that is not the one.
    private var slots: [UInt64]
    private var mask: Int

    /// `expected`: about how many ids will come, so that a large file is not
    /// rehashed over and over as the table grows.
    init(expected: Int = 0) {
        var size = 1 << 12
        while size * 3 < expected * 4 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        spans.reserveCapacity(expected)
        lines.reserveCapacity(expected)
        arena.reserveCapacity(max(1 << 16, expected * 10))
    }

    /// Records `id` as seen on `line`; returns the line it was first seen on,
    /// if any. Ids are compared in NFC (`IDForm`).
    @inline(__always)
    mutating func insert(_ id: UnsafeBufferPointer<UInt8>, line: Int) -> Int? {
        IDForm.withNFC(id) { insertComposed($0, line: line) }
    }

    @inline(__always)
    private mutating func insertComposed(_ id: UnsafeBufferPointer<UInt8>, line: Int) -> Int? {
        let h = IDHashes.hash(id)
        let tag = h >> 32
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[slot]
            if s == 0 { break }
            if s & 0xFFFF_FFFF == tag {
                let k = Int(s >> 32) - 1
                if equal(spans[k], id) { return Int(lines[k]) }
            }
            slot = (slot + 1) & mask
        }
        // Ids longer than 64 KiB are kept by their first 64 KiB: duplicates of
        // such ids are still found, only two ids alike in all of it are one.
        let length = min(id.count, 0xFFFF)
        spans.append(UInt64(arena.count) << 16 | UInt64(length))
        lines.append(UInt32(truncatingIfNeeded: line))
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: id[0..<length]))
        slots[slot] = UInt64(spans.count) << 32 | tag
        if spans.count * 4 > slots.count * 3 { grow() }
        return nil
    }

    private func equal(_ span: UInt64, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(span >> 16), length = Int(span & 0xFFFF)
        guard length == min(id.count, 0xFFFF) else { return false }
        return arena.withUnsafeBufferPointer { a in
            for j in 0..<length where a[start + j] != id[j] { return false }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        arena.withUnsafeBufferPointer { a in
            for (k, span) in spans.enumerated() {
                let h = IDHashes.hash(UnsafeBufferPointer(rebasing: a[Int(span >> 16)..<Int(span >> 16) + Int(span & 0xFFFF)]))
                var slot = Int(truncatingIfNeeded: h) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = UInt64(k + 1) << 32 | (h >> 32)
            }
        }
    }
}
