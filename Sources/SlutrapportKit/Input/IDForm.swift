import Foundation

/// Participant ids are compared in Unicode's composed form (NFC), so that
/// `Åsa-01` typed on two systems, once composed and once decomposed, is one
/// person (issue 24). An id of ASCII bytes alone, the usual one, is its own
/// NFC and is checked a word at a time; only an id with a byte of 0x80 or
/// more is normalised, so the hot path of a large file pays a test per row.
enum IDForm {
    @inline(__always)
    static func withNFC<R>(_ id: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if isASCII(id) { return body(id) }
        return composed(id, body)
    }

    @inline(__always)
    static func isASCII(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = id.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        var any: UInt64 = 0
        while i + 8 <= id.count {
            any |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < id.count {
            any |= UInt64(id[i])
            i += 1
        }
        return any & 0x8080_8080_8080_8080 == 0
    }

    private static func composed<R>(_ id: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let text = String(decoding: id, as: UTF8.self)
        let nfc = Array(text.precomposedStringWithCanonicalMapping.utf8)
        return nfc.withUnsafeBufferPointer(body)
    }
}
