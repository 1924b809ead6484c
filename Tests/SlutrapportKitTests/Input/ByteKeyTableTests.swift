import PropertyBased
import Testing
@testable import SlutrapportKit

/// The word-at-a-time lookup must find exactly what folding byte by byte finds.
@Suite struct ByteKeyTableTests {
    /// Letters of both cases, the bytes next to A, Z, a and z, underscore,
    /// space, tab, a digit and "ö" (two bytes).
    static let alphabet = ["A", "Z", "a", "z", "b", "Y", "_", " ", "@", "[", "`", "{", "\t", "5", "ö", "Ö"]

    static func word(_ rng: inout SplitMix, length: Int) -> [UInt8] {
        Array((0..<length).map { _ in alphabet[rng.next(alphabet.count)] }.joined().utf8)
    }

    func find(_ table: ByteKeyTable, _ field: [UInt8], padded: Bool) -> Int? {
        // A padded field sits in a larger buffer, as in the tokenizer's read buffer.
        let buffer = field + (padded ? [UInt8](repeating: 0x41, count: CSVTokenizer.padding) : [])
        return buffer.withUnsafeBufferPointer { table.lookup(UnsafeBufferPointer(rebasing: $0[0..<field.count]), padded: padded) }
    }

    @Test func wordsFindWhatBytesFind() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000), Gen.bool) { seed, underscore in
            var rng = SplitMix(state: UInt64(seed))
            let keys = (0..<8).map { _ in Self.word(&rng, length: 1 + rng.next(28)) }
            let table = ByteKeyTable(keys.enumerated().map { (String(decoding: $1, as: UTF8.self), $0) }, underscoreIsSpace: underscore)
            var expected: [[UInt8]: Int] = [:]
            for (i, k) in keys.enumerated() where expected[ByteKeyTable.normalized(k, underscoreIsSpace: underscore)] == nil {
                expected[ByteKeyTable.normalized(k, underscoreIsSpace: underscore)] = i
            }
            for _ in 0..<50 {
                // Half the queries are a key with its letters' case changed.
                var q = rng.next(2) == 0 ? Self.word(&rng, length: rng.next(28))
                    : keys[rng.next(keys.count)].map { $0 >= 65 && $0 <= 90 || $0 >= 97 && $0 <= 122 ? $0 ^ 0x20 : $0 }
                if rng.next(4) == 0 { q = [32] + q }
                let want = expected[ByteKeyTable.normalized(q, underscoreIsSpace: underscore)]
                #expect(find(table, q, padded: false) == want, "\(q)")
                #expect(find(table, q, padded: true) == want, "\(q)")
            }
        }
    }

    @Test func aFieldWithSpacesAroundItIsTrimmedBeforeItIsCompared() {
        // "_ab" is stored as " ab"; the field " ab" trims to "ab", which is no key.
        let table = ByteKeyTable([("_ab", 1)], underscoreIsSpace: true)
        for padded in [false, true] {
            #expect(find(table, Array(" ab".utf8), padded: padded) == nil)
            #expect(find(table, Array("_AB".utf8), padded: padded) == 1)
            #expect(find(table, Array("\t_ab ".utf8), padded: padded) == 1)
        }
    }

    @Test func everyByteFoldsAsItself() {
        // Each byte alone and in every position of a 16-byte word.
        for b in 0...255 {
            let byte = UInt8(b)
            let key = ByteKeyTable.fold(byte, true)
            for length in [1, 8, 9, 16] {
                for position in 0..<length {
                    var field = [UInt8](repeating: UInt8(ascii: "q"), count: length)
                    field[position] = byte
                    var stored = field
                    stored[position] = key
                    guard stored.first != 32, stored.last != 32, stored.first != 9, stored.last != 9 else { continue }
                    let table = ByteKeyTable([(String(decoding: stored, as: UTF8.self), 1)], underscoreIsSpace: true)
                    // Keys are Strings: bytes that are not UTF-8 do not round-trip, and are no codes.
                    guard Array(String(decoding: stored, as: UTF8.self).utf8) == stored else { continue }
                    #expect(find(table, field, padded: true) == 1, "byte \(b) at \(position) of \(length)")
                    #expect(find(table, field, padded: false) == 1, "byte \(b) at \(position) of \(length)")
                }
            }
        }
    }
}
