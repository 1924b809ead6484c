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
    /// 0 = empty; else (entry index + 1) << 32 | the hash's high 32 bits, so a
    /// probe rarely has to look at an entry (a cache miss) that is not the one.
    private var slots: [UInt64]
    private var mask: Int

    /// `expected`: about how many ids will come, so that a large file is not
    /// rehashed over and over as the table grows.
    init(expected: Int = 0) {
        var size = 1 << 12
        while size < expected * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        entries.reserveCapacity(expected)
        arena.reserveCapacity(max(1 << 16, expected * 12))
    }

    var count: Int { entries.count }

    /// Records `id` as seen on `line`; returns the line it was first seen on, if any.
    @inline(__always)
    mutating func insert(_ id: UnsafeBufferPointer<UInt8>, line: Int) -> Int? {
        let h = Self.hash(id)
        let tag = h >> 32
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[slot]
            if s == 0 { break }
            if s & 0xFFFF_FFFF == tag {
                let e = entries[Int(s >> 32) - 1]
                if e.length == id.count, equal(e.offset, id) { return e.line }
            }
            slot = (slot + 1) & mask
        }
        entries.append(Entry(hash: h, offset: arena.count, length: id.count, line: line))
        arena.append(contentsOf: id)
        slots[slot] = UInt64(entries.count) << 32 | tag
        if entries.count * 2 > slots.count { grow() }
        return nil
    }

    /// Adds every id of `other` (read from a later part of the file): for each
    /// one seen before, the line it appears on in `other` and the first line.
    mutating func merge(_ other: ParticipantIDs, lineOffset: Int) -> [(line: Int, first: Int)] {
        var duplicates: [(line: Int, first: Int)] = []
        other.arena.withUnsafeBufferPointer { a in
            for e in other.entries {
                let id = UnsafeBufferPointer(rebasing: a[e.offset..<e.offset + e.length])
                if let first = insert(id, line: e.line + lineOffset) { duplicates.append((e.line + lineOffset, first)) }
            }
        }
        return duplicates
    }

    /// FNV-1a, eight bytes at a time where it can.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in b { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        // Mix the high bits down so the slot index uses all of them.
        return h ^ (h >> 29)
    }

    private func equal(_ start: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { a in
            for j in 0..<id.count where a[start + j] != id[j] { return false }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for (k, e) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: e.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt64(k + 1) << 32 | (e.hash >> 32)
        }
    }
}
