/// 64-bit hashes of participant ids, for a large file read in parts: a part
/// only writes each id's hash down (no hash-table probe, which misses the
/// cache on every row), and once all parts are read, `anyEqual` looks for
/// two equal hashes, one bucket at a time in cache-sized tables.
///
/// Two equal ids always have equal hashes, so no pair of equal hashes means
/// no duplicate id. An equal pair (a duplicate, or very rarely two ids whose
/// hashes collide) sends the file to `ParticipantIDs`, which compares the
/// ids themselves and says which line came first: no diagnostic depends on
/// a hash. The hashes never leave this type, and no id is kept.
struct IDHashes: Sendable {
    static let bucketBits = 9
    private(set) var buckets: [[UInt64]] = Array(repeating: [], count: 1 << bucketBits)

    init(expected: Int = 0) {
        let each = expected >> Self.bucketBits
        if each > 0 { for b in buckets.indices { buckets[b].reserveCapacity(each + each / 8 + 16) } }
    }

    @inline(__always)
    mutating func add(_ id: UnsafeBufferPointer<UInt8>) {
        let h = Self.hash(id)
        buckets[Int(truncatingIfNeeded: h >> (64 - UInt64(Self.bucketBits)))].append(h)
    }

    /// Hashes the first 64 KiB of an id, as `ParticipantIDs` compares them,
    /// eight bytes at a time, then mixes the bits (MurmurHash3's finalizer).
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = min(b.count, 0xFFFF)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i += 8
            }
            if i < n {
                var w: UInt64 = 0, shift: UInt64 = 0
                while i < n {
                    w |= UInt64(raw.load(fromByteOffset: i, as: UInt8.self)) << shift
                    shift += 8
                    i += 1
                }
                h = (h ^ w) &* 0xC4CE_B9FE_1A85_EC53
                h ^= h >> 29
            }
        }
        h = (h ^ (h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }

    /// Whether two hashes in `parts` are equal, checked on up to `jobs` threads.
    static func anyEqual(_ parts: [IDHashes], jobs: Int) -> Bool {
        let bucketCount = 1 << bucketBits
        let threads = max(1, min(jobs, parts.count))
        return parallelMap(threads, jobs: threads) { t in
            var table: [UInt64] = []
            for b in stride(from: t, to: bucketCount, by: threads) {
                let count = parts.reduce(0) { $0 + $1.buckets[b].count }
                guard count > 1 else { continue }
                var size = 16
                while size < count * 2 { size <<= 1 }
                if table.count < size { table = Array(repeating: 0, count: size) } else {
                    for i in 0..<size { table[i] = 0 }
                }
                let mask = size - 1
                for part in parts {
                    for h in part.buckets[b] {
                        // 0 marks an empty slot, so a hash of 0 counts as 1: at
                        // worst a false alarm, which only costs the exact check.
                        let key = h == 0 ? 1 : h
                        var slot = Int(truncatingIfNeeded: key) & mask
                        while table[slot] != 0 {
                            if table[slot] == key { return true }
                            slot = (slot + 1) & mask
                        }
                        table[slot] = key
                    }
                }
            }
            return false
        }.contains(true)
    }
}
