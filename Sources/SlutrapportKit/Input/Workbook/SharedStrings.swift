/// The shared-string table: every distinct string of the workbook, one
/// after another in one byte buffer, with their offsets. Memory grows with
/// the distinct strings only; the sheet refers to them by index.
final class SharedStrings {
    /// String k is bytes[offsets[k] ..< offsets[k + 1]]; `padding` bytes of
    /// room follow the last, so a row's field may be read 24 bytes at a time.
    private var bytes: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var used = 0
    private var offsets: [UInt32] = [0]
    private static let padding = 32

    var count: Int { offsets.count - 1 }

    init() {
        capacity = 1 << 16
        bytes = .allocate(capacity: capacity + Self.padding)
        bytes.initialize(repeating: 0, count: capacity + Self.padding)
    }

    deinit { bytes.deallocate() }

    /// String `k`, or nil past the end of the table.
    @inline(__always) func string(_ k: Int) -> UnsafeBufferPointer<UInt8>? {
        guard k >= 0 && k < offsets.count - 1 else { return nil }
        let a = Int(offsets[k])
        return UnsafeBufferPointer(start: bytes + a, count: Int(offsets[k + 1]) - a)
    }

    private func reserve(_ n: Int) {
        guard used + n > capacity else { return }
        var bigger = capacity * 2
        while used + n > bigger { bigger *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger + Self.padding)
        fresh.update(from: bytes, count: used)
        (fresh + used).initialize(repeating: 0, count: bigger + Self.padding - used)
        bytes.deallocate()
        bytes = fresh
        capacity = bigger
    }

    /// Reads xl/sharedStrings.xml: each `<si>`'s text is that of its `<t>`
    /// elements (rich-text runs joined), without the phonetic runs (`<rPh>`).
    static func read(_ scanner: XMLScanner, limits: WorkbookLimits) throws(WorkbookError) -> SharedStrings {
        let table = SharedStrings()
        let part = scanner.part
        // Where the current string started, whether inside <t>, and the depth of an <rPh>.
        var start = -1, inText = false, phonetic = -1
        while true {
            switch try scanner.next() {
            case .start:
                if scanner.nameIs("sst"), let declared = scanner.attributeString("uniqueCount"), let n = Int(declared) {
                    guard n <= limits.sharedStrings else {
                        throw .tooLarge(part: part, reason: "declares more than \(limits.sharedStrings) shared strings")
                    }
                    table.offsets.reserveCapacity(n + 1)
                } else if scanner.nameIs("si") {
                    // One inside another would end within the outer's text, whose unescaping then shrinks under it.
                    guard start < 0 else { throw .damaged("\(part) has a shared string (<si>) inside another") }
                    if scanner.selfClosing { try table.finish(table.used, limits: limits, part: part) } else { start = table.used }
                } else if scanner.nameIs("rPh") && !scanner.selfClosing {
                    phonetic = scanner.depth
                } else if scanner.nameIs("t") && !scanner.selfClosing {
                    inText = start >= 0 && phonetic < 0
                }
            case .end:
                if scanner.nameIs("si") && start >= 0 {
                    try table.finish(start, limits: limits, part: part)
                    start = -1
                } else if scanner.nameIs("rPh") && scanner.depth < phonetic {
                    phonetic = -1
                } else if scanner.nameIs("t") {
                    inText = false
                }
            case .text:
                guard inText else { break }
                let n = scanner.textEnd - scanner.textStart
                guard table.used - start + n <= limits.cellBytes else {
                    throw .tooLarge(part: part, reason: "has a string longer than \(limits.cellBytes) bytes")
                }
                guard table.used + n <= limits.sharedStringBytes else {
                    throw .tooLarge(part: part, reason: "has more than \(limits.sharedStringBytes) bytes of strings")
                }
                table.reserve(n)
                table.used += scanner.copyText(to: table.bytes + table.used)
            case .endOfDocument:
                return table
            }
        }
    }

    /// Ends the string begun at `start`: its `_xHHHH_` escapes decoded.
    private func finish(_ start: Int, limits: WorkbookLimits, part: String) throws(WorkbookError) {
        guard count < limits.sharedStrings else {
            throw .tooLarge(part: part, reason: "has more than \(limits.sharedStrings) shared strings")
        }
        used = start + CellText.unescape(bytes + start, used - start)
        offsets.append(UInt32(used))
    }
}
