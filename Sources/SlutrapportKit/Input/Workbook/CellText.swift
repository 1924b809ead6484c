import Foundation

/// A cell's value as the text the CSV of the same data would hold.
enum CellText {
    /// Writes `scalar` as UTF-8 at `dst`; returns the bytes written (1 to 4).
    @inline(__always) static func writeUTF8(_ scalar: UInt32, to dst: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case ..<0x80:
            dst[0] = UInt8(scalar)
            return 1
        case ..<0x800:
            dst[0] = UInt8(0xC0 | scalar >> 6)
            dst[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case ..<0x10000:
            dst[0] = UInt8(0xE0 | scalar >> 12)
            dst[1] = UInt8(0x80 | (scalar >> 6) & 0x3F)
            dst[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            dst[0] = UInt8(0xF0 | scalar >> 18)
            dst[1] = UInt8(0x80 | (scalar >> 12) & 0x3F)
            dst[2] = UInt8(0x80 | (scalar >> 6) & 0x3F)
            dst[3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }

    /// Decodes SpreadsheetML's `_xHHHH_` escapes (a UTF-16 unit each; a
    /// surrogate pair takes two) in the `n` bytes at `p`, in place; returns
    /// the new length, never more than `n`. `_x005F_` is an underscore.
    static func unescape(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> Int {
        guard n >= 7, findBytes(p, n, "_x") != nil else { return n }
        func unit(_ i: Int) -> UInt32? {
            guard i + 7 <= n, p[i] == 95, p[i + 1] == 120, p[i + 6] == 95 else { return nil }
            var v: UInt32 = 0
            for k in 2..<6 {
                let c = p[i + k]
                switch c {
                case 48...57: v = v << 4 | UInt32(c - 48)
                case 97...102: v = v << 4 | UInt32(c - 87)
                case 65...70: v = v << 4 | UInt32(c - 55)
                default: return nil
                }
            }
            return v
        }
        var i = 0, o = 0
        while i < n {
            if let u = unit(i) {
                if u >= 0xD800 && u <= 0xDBFF, let low = unit(i + 7), low >= 0xDC00 && low <= 0xDFFF {
                    o += writeUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: p + o)
                    i += 14
                    continue
                }
                // A lone surrogate half has no UTF-8 form: U+FFFD, as a decoder would show it.
                o += writeUTF8(u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : u, to: p + o)
                i += 7
                continue
            }
            p[o] = p[i]
            o += 1
            i += 1
        }
        return o
    }

    /// Days from 1899-12-30 (the 1900 system's day 0, as Excel counts after
    /// its 1900-02-29) and from 1904-01-01 to 1970-01-01 (`Day.ordinal`'s 0).
    private static let epoch1900 = 25_569, epoch1904 = 24_107
    /// The last serials Excel shows as a date: 9999-12-31.
    private static let last1900 = 2_958_465, last1904 = 2_957_003

    /// Writes the date of serial number `value` as `YYYY-MM-DD` at `dst`
    /// (room for 10 bytes); returns the bytes written. The time of day is
    /// dropped. In the 1900 system serial 60 is 1900-02-29, a day that never
    /// was (Lotus 1-2-3's leap-year bug, kept by Excel), and 0 is
    /// 1900-01-00: both written as Excel shows them, texts that are no
    /// date. A serial out of range is `########`, as Excel shows it.
    static func writeDate(serial value: Double, date1904: Bool, to dst: UnsafeMutablePointer<UInt8>) -> Int {
        let last = date1904 ? last1904 : last1900
        guard value.isFinite, value >= 0, value < Double(last + 1) else {
            dst.initialize(repeating: 35, count: 8)
            return 8
        }
        let serial = Int(value.rounded(.down))
        if !date1904 && (serial == 0 || serial == 60) {
            let text: StaticString = serial == 0 ? "1900-01-00" : "1900-02-29"
            dst.update(from: text.utf8Start, count: 10)
            return 10
        }
        let ordinal = date1904 ? serial - epoch1904 : serial - epoch1900 + (serial < 60 ? 1 : 0)
        let day = Day.fromOrdinal(ordinal)
        writeDigits(day.year, 4, dst)
        dst[4] = 45
        writeDigits(day.month, 2, dst + 5)
        dst[7] = 45
        writeDigits(day.day, 2, dst + 8)
        return 10
    }

    @inline(__always) private static func writeDigits(_ v: Int, _ width: Int, _ dst: UnsafeMutablePointer<UInt8>) {
        var x = v
        for k in stride(from: width - 1, through: 0, by: -1) {
            dst[k] = UInt8(48 + x % 10)
            x /= 10
        }
    }

    /// The number in the `n` bytes at `p` (a `<v>`), or nil when it is none.
    static func parseNumber(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> Double? {
        guard n > 0, n < 64 else { return nil }
        // An integer of up to 15 digits, the usual case, without strtod.
        if n <= 15 {
            var v = 0, i = 0
            while i < n, p[i] >= 48 && p[i] <= 57 {
                v = v * 10 + Int(p[i] - 48)
                i += 1
            }
            if i == n { return Double(v) }
        }
        var text = [CChar](repeating: 0, count: n + 1)
        for i in 0..<n { text[i] = CChar(bitPattern: p[i]) }
        var endPointer: UnsafeMutablePointer<CChar>?
        let v = strtod(text, &endPointer)
        guard let endPointer, text.withUnsafeBufferPointer({ $0.baseAddress! + n == endPointer }) else { return nil }
        return v
    }

    /// Rewrites the number in the `n` bytes at `p` in place as its shortest
    /// decimal text (`1985`, not `1985.0`; no exponent for an integer);
    /// returns the new length. Room for 32 bytes. Text that is no number stays.
    static func rewriteNumber(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> Int {
        // Digits without a leading zero are already their shortest text.
        if n > 0 && n <= 15 && (p[0] != 48 || n == 1) {
            var plain = true
            for i in 0..<n where p[i] < 48 || p[i] > 57 { plain = false; break }
            if plain { return n }
        }
        guard let v = parseNumber(p, n) else { return n }
        let text: String
        if v == v.rounded(), abs(v) < 9.2e18 {
            text = String(Int64(v))
        } else if v == v.rounded(), abs(v) < 1e21 {
            text = String(format: "%.0f", v)
        } else {
            text = v.description
        }
        var k = 0
        for b in text.utf8 where k < 32 {
            p[k] = b
            k += 1
        }
        return k
    }
}

/// Finds `needle` (at least one byte) in the `n` bytes at `p`: memchr for
/// its first byte, then a compare (Glibc's memmem is not in Swift's view).
func findBytes(_ p: UnsafePointer<UInt8>, _ n: Int, _ needle: StaticString) -> Int? {
    let m = needle.utf8CodeUnitCount
    var i = 0
    while i + m <= n {
        guard let q = memchr(p + i, Int32(needle.utf8Start[0]), n - i - m + 1) else { return nil }
        let k = p.distance(to: q.assumingMemoryBound(to: UInt8.self))
        if memcmp(p + k, needle.utf8Start, m) == 0 { return k }
        i = k + 1
    }
    return nil
}
