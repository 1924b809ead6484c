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
///
/// A class over raw memory: appending touches no Swift array, so it costs no
/// uniqueness check. One reader's thread fills it; after that it is only read.
final class IDHashes: @unchecked Sendable {
    static let bucketBits = 7
    private static let bucketCount = 1 << bucketBits
    private let bases: UnsafeMutableBufferPointer<UnsafeMutablePointer<UInt64>>
    private let counts: UnsafeMutableBufferPointer<Int>
    private let capacities: UnsafeMutableBufferPointer<Int>

    init(expected: Int = 0) {
        let each = max(4, (expected >> Self.bucketBits) + (expected >> (Self.bucketBits + 3)))
        bases = .allocate(capacity: Self.bucketCount)
        counts = .allocate(capacity: Self.bucketCount)
        capacities = .allocate(capacity: Self.bucketCount)
        for b in 0..<Self.bucketCount { bases.initializeElement(at: b, to: .allocate(capacity: each)) }
        counts.initialize(repeating: 0)
        capacities.initialize(repeating: each)
    }

    deinit {
        for b in 0..<Self.bucketCount { bases[b].deallocate() }
        bases.deallocate()
        counts.deallocate()
        capacities.deallocate()
    }

    /// Notes `id`'s hash, of its NFC form (`IDForm`), as `ParticipantIDs` compares ids.
    @inline(__always)
    func add(_ id: UnsafeBufferPointer<UInt8>) {
        let h = IDForm.withNFC(id) { Self.hash($0) }
        let b = Int(truncatingIfNeeded: h >> (64 - UInt64(Self.bucketBits)))
        let n = counts[b]
        if n == capacities[b] { grow(b) }
        bases[b][n] = h
        counts[b] = n + 1
    }

    private func grow(_ b: Int) {
        let capacity = capacities[b] * 2
        let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        grown.update(from: bases[b], count: counts[b])
        bases[b].deallocate()
        bases[b] = grown
        capacities[b] = capacity
    }

    func bucket(_ b: Int) -> UnsafeBufferPointer<UInt64> {
        UnsafeBufferPointer(start: bases[b], count: counts[b])
    }

    /// Hashes the first 64 KiB of an id, as `ParticipantIDs` compares them
    /// (its table slots come from this hash too),
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
        let threads = max(1, min(jobs, parts.count))
        return parallelMap(threads, jobs: threads) { t in
            var table: [UInt64] = []
            for b in stride(from: t, to: bucketCount, by: threads) {
                let count = parts.reduce(0) { $0 + $1.counts[b] }
                guard count > 1 else { continue }
                var size = 16
                while size < count * 2 { size <<= 1 }
                if table.count < size { table = Array(repeating: 0, count: size) } else {
                    for i in 0..<size { table[i] = 0 }
                }
                let mask = size - 1
                for part in parts {
                    for h in part.bucket(b) {
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
