/// The participant ids seen so far, with the line each was first seen on,
/// to find duplicates. Ids live as bytes in one arena behind an open-addressing
/// table: memory grows with the distinct ids, and no String is made per row.
/// The ids never leave this type.
struct ParticipantIDs {
    private struct Entry {
        var hash: UInt64
        var offset: Int
        var length: Int
        var line: Int
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var slots: [Int32]
    private var mask: Int

    init() {
        slots = Array(repeating: -1, count: 1 << 12)
        mask = (1 << 12) - 1
        arena.reserveCapacity(1 << 16)
    }

    /// Records `id` as seen on `line`; returns the line it was first seen on, if any.
    @inline(__always)
    mutating func insert(_ id: UnsafeBufferPointer<UInt8>, line: Int) -> Int? {
        let h = ByteKeyTable.hash(id)
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 {
            let e = entries[Int(slots[slot])]
            if e.hash == h, e.length == id.count, equal(e.offset, id) { return e.line }
            slot = (slot + 1) & mask
        }
        entries.append(Entry(hash: h, offset: arena.count, length: id.count, line: line))
        arena.append(contentsOf: id)
        slots[slot] = Int32(entries.count - 1)
        if entries.count * 2 > slots.count { grow() }
        return nil
    }

    private func equal(_ start: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { a in
            for j in 0..<id.count where a[start + j] != id[j] { return false }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for k in entries.indices {
            var slot = Int(truncatingIfNeeded: entries[k].hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(k)
        }
    }
}
