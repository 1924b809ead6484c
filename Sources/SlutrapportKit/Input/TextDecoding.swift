import CSlutrapportSys

/// The encodings a participant export arrives in (SPEC §3.2).
enum TextEncoding: Sendable {
    case utf8, utf16LE, utf16BE, windows1252

    /// The encoding a byte-order mark names, and the mark's length.
    static func sniff(_ head: [UInt8]) -> (TextEncoding, Int)? {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if head.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if head.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        return nil
    }
}

enum TextProblem: Error {
    /// Not valid UTF-8: the reader starts again as Windows-1252.
    case notUTF8
    /// NUL bytes: a binary file, or UTF-16 without a byte-order mark.
    case notText
}

/// Checks UTF-8 and converts the other encodings to UTF-8, one chunk at a
/// time; sequences split between chunks are carried over.
struct TextDecoder {
    let encoding: TextEncoding
    private var pendingContinuations = 0
    private var carry: [UInt8] = []

    init(_ encoding: TextEncoding) { self.encoding = encoding }

    /// UTF-8 input is only checked, never copied.
    mutating func validateUTF8(_ buf: UnsafeRawBufferPointer) throws(TextProblem) {
        var pending = pendingContinuations
        var i = 0
        let n = buf.count
        while i < n {
            // Runs of ASCII text, 32 bytes at a time.
            if pending == 0, let base = buf.baseAddress {
                i += slutrapport_ascii_prefix(base.assumingMemoryBound(to: UInt8.self) + i, n - i)
                if i == n { break }
            }
            let b = buf[i]
            i += 1
            if pending > 0 {
                guard b & 0xC0 == 0x80 else { throw .notUTF8 }
                pending -= 1
            } else if b < 0x80 {
                if b == 0 { throw .notText }
            } else if b >= 0xC2 && b <= 0xDF {
                pending = 1
            } else if b >= 0xE0 && b <= 0xEF {
                pending = 2
            } else if b >= 0xF0 && b <= 0xF4 {
                pending = 3
            } else {
                throw .notUTF8
            }
        }
        pendingContinuations = pending
    }

    /// Called at the end of the input: an unfinished sequence is an error.
    func finish() throws(TextProblem) {
        if pendingContinuations > 0 || !carry.isEmpty { throw encoding == .utf8 ? .notUTF8 : .notText }
    }

    /// Appends the UTF-8 form of `raw` to `out`.
    mutating func transcode(_ raw: UnsafeRawBufferPointer, into out: inout [UInt8]) throws(TextProblem) {
        switch encoding {
        case .utf8:
            out.append(contentsOf: raw)
        case .windows1252:
            for b in raw {
                if b == 0 { throw .notText }
                if b < 0x80 { out.append(b) } else { Self.appendUTF8(Self.windows1252[Int(b) - 0x80], to: &out) }
            }
        case .utf16LE, .utf16BE:
            var bytes = carry
            bytes.append(contentsOf: raw)
            var i = 0
            let le = encoding == .utf16LE
            func unit(_ k: Int) -> UInt32 {
                le ? UInt32(bytes[k]) | UInt32(bytes[k + 1]) << 8 : UInt32(bytes[k]) << 8 | UInt32(bytes[k + 1])
            }
            while i + 1 < bytes.count {
                let u = unit(i)
                if u == 0 { throw .notText }
                if u >= 0xD800 && u <= 0xDBFF {
                    guard i + 3 < bytes.count else { break }  // the low half is in the next chunk
                    let low = unit(i + 2)
                    guard low >= 0xDC00 && low <= 0xDFFF else { throw .notText }
                    Self.appendUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &out)
                    i += 4
                } else if u >= 0xDC00 && u <= 0xDFFF {
                    throw .notText
                } else {
                    Self.appendUTF8(u, to: &out)
                    i += 2
                }
            }
            carry = Array(bytes[i...])
        }
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            out.append(UInt8(scalar))
        case ..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Windows-1252 bytes 0x80–0xFF as Unicode scalars; the five bytes the
    /// code page leaves undefined become U+FFFD.
    static let windows1252: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ] + (0xA0...0xFF).map { UInt32($0) }
}
