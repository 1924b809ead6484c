import Foundation

/// A streaming XML tokenizer for the large parts of a workbook: the sheet
/// and its shared strings, read as they inflate, never whole.
///
/// Hand-written because libxml2 is the bottleneck there. On a 1M-row sheet
/// (277 MB of XML, 7.4 M cells) on this machine: libxml2's streaming reader
/// took 4.6 s and its SAX2 parser with no callbacks at all 1.8 s, against
/// 0.7 s to inflate the part and 6.0 s for Polars' whole `read_excel`;
/// the target is half of that for the whole check. The small parts go
/// through libxml2 (`XMLPart`).
///
/// It checks what a workbook needs of well-formedness: tags nest and match,
/// attributes are quoted, one root element, text outside it is blank, the
/// text is UTF-8; entity and character references are the five XML
/// entities and valid characters. Any `<!DOCTYPE` or other declaration is an
/// error: no entity is ever declared, so none is ever expanded.
final class XMLScanner {
    enum Token { case start, end, text, endOfDocument }

    let part: String
    private let stream: any PartBytes
    /// The window of the part in memory; `padding` bytes of room past its
    /// end so that a text may be copied with whole-word loads. Larger than
    /// `WorkbookLimits.ratioFloor`, so that a bomb of one long text is
    /// caught by the ratio limit before it fills the window.
    private let capacity: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    static let padding = 32
    private var pos = 0, end = 0
    private var sourceEnded = false
    private var decoder = TextDecoder(.utf8)
    /// Absolute offset of buffer[0], and the line count of everything before `counted`.
    private var base = 0, counted = 0
    private var line = 1, lineStart = 0

    /// The current start or end tag: its local name (after any prefix),
    /// its attributes (local name and raw value, four offsets each).
    private(set) var nameStart = 0, nameEnd = 0
    private(set) var selfClosing = false
    private(set) var attributeCount = 0
    private var attributes: UnsafeMutablePointer<Int>
    private var attributeCapacity = 16
    /// The current text: raw bytes, with entity references when `textHasReference`.
    private(set) var textStart = 0, textEnd = 0
    private(set) var textHasReference = false

    /// Open elements' qualified names, one after another, to match end
    /// tags; name k ends at stackEnds[k]. Raw memory, not arrays: appending
    /// to an array held by a class costs a dynamic exclusivity check, which
    /// took a third of the time of reading a sheet.
    private var stack: UnsafeMutablePointer<UInt8>
    private var stackCapacity = 4096
    private let stackEnds: UnsafeMutablePointer<Int>
    private(set) var depth = 0
    private var rootClosed = false
    private static let depthLimit = 256

    init(part: String, stream: any PartBytes, capacity: Int = 4 << 20) {
        self.part = part
        self.stream = stream
        self.capacity = capacity
        buffer = .allocate(capacity: capacity + Self.padding)
        buffer.initialize(repeating: 0, count: capacity + Self.padding)
        attributes = .allocate(capacity: 4 * attributeCapacity)
        stack = .allocate(capacity: stackCapacity)
        stackEnds = .allocate(capacity: Self.depthLimit + 1)
    }

    deinit {
        buffer.deallocate()
        attributes.deallocate()
        stack.deallocate()
        stackEnds.deallocate()
    }

    /// Pointer to byte `offset` of the window (offsets from the accessors).
    @inline(__always) func at(_ offset: Int) -> UnsafeMutablePointer<UInt8> { buffer + offset }

    // MARK: Errors and positions

    /// A well-formedness error at byte `offset` of the window.
    func malformed(_ reason: String, at offset: Int) -> WorkbookError {
        var l = line, start = lineStart
        var i = counted - base
        while i < offset {
            if buffer[i] == 10 { l += 1; start = base + i + 1 }
            i += 1
        }
        return .malformedXML(part: part, line: l, column: base + offset - start + 1, reason: reason)
    }

    func malformed(_ reason: String) -> WorkbookError { malformed(reason, at: pos) }

    // MARK: The window

    /// Reads more of the part, keeping the bytes from `keep` on; returns
    /// false at the end of the part. A token that fills the whole window is an error.
    private func fill(keeping keep: Int) throws(WorkbookError) -> Bool {
        if sourceEnded { return false }
        if keep > 0 {
            // Count the lines of the bytes about to leave the window.
            var i = counted - base
            while i < keep {
                if let nl = memchr(buffer + i, 10, keep - i) {
                    let k = buffer.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                    line += 1
                    lineStart = base + k + 1
                    i = k + 1
                } else { break }
            }
            counted = base + keep
            memmove(buffer, buffer + keep, end - keep)
            base += keep
            end -= keep
            pos -= keep
        }
        guard end < capacity else {
            throw .tooLarge(part: part, reason: "has a tag or text longer than \(capacity) bytes")
        }
        let n = try stream.read(into: buffer + end, capacity: capacity - end)
        if n == 0 {
            sourceEnded = true
            do throws(TextProblem) { try decoder.finish() } catch { throw malformed("the text is not UTF-8", at: end) }
            return false
        }
        do throws(TextProblem) {
            try decoder.validateUTF8(UnsafeRawBufferPointer(start: buffer + end, count: n))
        } catch {
            throw malformed(error == .notText ? "a NUL byte" : "the text is not UTF-8", at: end)
        }
        // A byte-order mark at the start of the part, which XML allows (issue 24), is skipped.
        if base == 0 && end == 0 && n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
            pos = 3
            lineStart = 3
        }
        end += n
        buffer[end] = 0
        return true
    }

    /// Reads the rest of the part without looking at it, so that the
    /// member's CRC-32 and size are checked (`MemberStream`) when a reader
    /// stops at the element it wanted (issue 24).
    func drain() throws(WorkbookError) {
        if sourceEnded { return }
        while try stream.read(into: buffer, capacity: capacity) > 0 {}
        sourceEnded = true
    }

    // MARK: Tokens

    /// The next token. After `.start`, `selfClosing` says whether it is
    /// also its own end (no `.end` follows).
    func next() throws(WorkbookError) -> Token {
        while true {
            if pos >= end {
                let more = try fill(keeping: pos)
                if !more {
                    if depth > 0 { throw malformed("the part ends inside an element", at: end) }
                    if !rootClosed { throw malformed("no root element", at: end) }
                    return .endOfDocument
                }
            }
            if buffer[pos] != 60 {  // text
                var start = pos
                var lt: Int
                while true {
                    if let p = memchr(buffer + pos, 60, end - pos) {
                        lt = buffer.distance(to: p.assumingMemoryBound(to: UInt8.self))
                        break
                    }
                    // The text goes on past the window: keep it from its start and read on.
                    pos = end
                    let before = base
                    let more = try fill(keeping: start)
                    if !more { lt = end; break }
                    start -= base - before
                }
                textStart = start
                textEnd = lt
                pos = lt
                if depth == 0 {
                    guard isBlank(start, lt) else { throw malformed("text outside the root element", at: start) }
                    continue
                }
                textHasReference = memchr(buffer + start, 38, lt - start) != nil
                if textHasReference { try checkReferences(start, lt) }
                return .text
            }
            // A tag, comment, CDATA section or processing instruction: the whole of it in the window.
            guard let close = try markupEnd() else { throw malformed("the part ends inside a tag", at: pos) }
            let second = buffer[pos + 1]
            if second == 47 {  // </name>
                try endTag(close)
                pos = close + 1
                return .end
            }
            if second == 63 {  // <? ... ?>
                pos = close + 1
                continue
            }
            if second == 33 {  // <!-- -->, <![CDATA[ ]]>, or a declaration
                if hasPrefix("<!--", at: pos) {
                    pos = close + 1
                    continue
                }
                if hasPrefix("<![CDATA[", at: pos) {
                    guard depth > 0 else { throw malformed("text outside the root element") }
                    textStart = pos + 9
                    textEnd = close - 2
                    textHasReference = false
                    pos = close + 1
                    return .text
                }
                throw malformed(hasPrefix("<!DOCTYPE", at: pos)
                    ? "a document type declaration (DTD); a workbook has none, and entities are never expanded"
                    : "a declaration (<!…); a workbook has none")
            }
            try startTag(close)
            pos = close + 1
            return .start
        }
    }

    private func hasPrefix(_ s: StaticString, at i: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        return i + n <= end && memcmp(buffer + i, s.utf8Start, n) == 0
    }

    private func isBlank(_ a: Int, _ b: Int) -> Bool {
        var i = a
        while i < b {
            let c = buffer[i]
            if c != 32 && c != 10 && c != 13 && c != 9 { return false }
            i += 1
        }
        return true
    }

    /// The offset of the `>` that ends the markup at `pos`, reading more of
    /// the part as needed; nil at the end of the part.
    private func markupEnd() throws(WorkbookError) -> Int? {
        while true {
            if end - pos >= 2, let close = markupEnd(in: pos, end) { return close }
            let more = try fill(keeping: pos)
            if !more { return nil }
        }
    }

    /// The end of the markup starting at `from` within the window, or nil when it goes on past it.
    private func markupEnd(in from: Int, _ limit: Int) -> Int? {
        let second = buffer[from + 1]
        if second == 33 {
            if hasPrefix("<!--", at: from) { return find("-->", from + 4, limit).map { $0 + 2 } }
            if hasPrefix("<![CDATA[", at: from) { return find("]]>", from + 9, limit).map { $0 + 2 } }
            if limit - from < 9 && !sourceEnded { return nil }
        }
        if second == 63 { return find("?>", from + 2, limit).map { $0 + 1 } }
        // A tag: a `>` outside quoted attribute values.
        var i = from + 1
        while i < limit {
            let c = buffer[i]
            if c == 62 { return i }
            if c == 34 || c == 39 {
                guard let q = memchr(buffer + i + 1, Int32(c), limit - i - 1) else { return nil }
                i = buffer.distance(to: q.assumingMemoryBound(to: UInt8.self))
            }
            i += 1
        }
        return nil
    }

    private func find(_ s: StaticString, _ from: Int, _ limit: Int) -> Int? {
        guard from <= limit, let k = findBytes(buffer + from, limit - from, s) else { return nil }
        return from + k
    }

    /// Bytes that end a name: space, tab, CR, LF, `/`, `>`, `=`.
    @inline(__always) private static func endsName(_ c: UInt8) -> Bool {
        c == 32 || c == 62 || c == 47 || c == 61 || c == 10 || c == 13 || c == 9
    }

    @inline(__always) private static func startsName(_ c: UInt8) -> Bool {
        (c | 0x20 >= 97 && c | 0x20 <= 122) || c == 95 || c == 58 || c >= 0x80
    }

    /// Reads a name from `i`; returns its end and the start of its local part.
    @inline(__always) private func name(from i: Int, to limit: Int) throws(WorkbookError) -> (end: Int, local: Int) {
        guard i < limit, Self.startsName(buffer[i]) else { throw malformed("a tag without a valid name", at: i) }
        var j = i, local = i
        while j < limit {
            let c = buffer[j]
            if Self.endsName(c) { break }
            if c == 58 { local = j + 1 } else if c == 60 || c == 34 || c == 39 || c == 38 {
                throw malformed("a tag without a valid name", at: j)
            }
            j += 1
        }
        return (j, local)
    }

    private func startTag(_ close: Int) throws(WorkbookError) {
        guard !rootClosed else { throw malformed("a second root element") }
        selfClosing = buffer[close - 1] == 47
        let limit = selfClosing ? close - 1 : close
        let (qEnd, local) = try name(from: pos + 1, to: limit)
        nameStart = local
        nameEnd = qEnd
        attributeCount = 0
        var i = qEnd
        while true {
            let spaced = i < limit && (buffer[i] == 32 || buffer[i] == 10 || buffer[i] == 13 || buffer[i] == 9)
            while i < limit, buffer[i] == 32 || buffer[i] == 10 || buffer[i] == 13 || buffer[i] == 9 { i += 1 }
            if i >= limit { break }
            guard spaced else { throw malformed("attributes must be separated by spaces", at: i) }
            let (aEnd, aLocal) = try name(from: i, to: limit)
            i = aEnd
            while i < limit, buffer[i] == 32 || buffer[i] == 10 || buffer[i] == 13 || buffer[i] == 9 { i += 1 }
            guard i < limit, buffer[i] == 61 else { throw malformed("an attribute without a value", at: i) }
            i += 1
            while i < limit, buffer[i] == 32 || buffer[i] == 10 || buffer[i] == 13 || buffer[i] == 9 { i += 1 }
            guard i < limit, buffer[i] == 34 || buffer[i] == 39 else { throw malformed("an attribute value without quotes", at: i) }
            let quote = buffer[i]
            let vStart = i + 1
            var j = vStart
            while j < limit && buffer[j] != quote {
                if buffer[j] == 60 { throw malformed("'<' in an attribute value", at: j) }
                j += 1
            }
            guard j < limit else { throw malformed("an attribute value without its closing quote", at: vStart) }
            if memchr(buffer + vStart, 38, j - vStart) != nil { try checkReferences(vStart, j) }
            if attributeCount == attributeCapacity {
                let bigger = UnsafeMutablePointer<Int>.allocate(capacity: 8 * attributeCapacity)
                bigger.update(from: attributes, count: 4 * attributeCapacity)
                attributes.deallocate()
                attributes = bigger
                attributeCapacity *= 2
            }
            let a = attributes + 4 * attributeCount
            a[0] = aLocal; a[1] = aEnd; a[2] = vStart; a[3] = j
            attributeCount += 1
            i = j + 1
        }
        if !selfClosing {
            guard depth < Self.depthLimit else { throw malformed("elements nested more than \(Self.depthLimit) deep") }
            let used = depth > 0 ? stackEnds[depth - 1] : 0, n = qEnd - pos - 1
            if used + n > stackCapacity {
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * (used + n))
                bigger.update(from: stack, count: used)
                stack.deallocate()
                stack = bigger
                stackCapacity = 2 * (used + n)
            }
            (stack + used).update(from: buffer + pos + 1, count: n)
            stackEnds[depth] = used + n
            depth += 1
        } else if depth == 0 {
            rootClosed = true
        }
    }

    private func endTag(_ close: Int) throws(WorkbookError) {
        let (qEnd, local) = try name(from: pos + 2, to: close)
        guard isBlank(qEnd, close) else { throw malformed("an end tag with attributes", at: qEnd) }
        guard depth > 0 else { throw malformed("an end tag without its start tag") }
        let from = depth > 1 ? stackEnds[depth - 2] : 0
        let n = qEnd - pos - 2
        guard n == stackEnds[depth - 1] - from && memcmp(stack + from, buffer + pos + 2, n) == 0 else {
            throw malformed("an end tag that does not match its start tag")
        }
        depth -= 1
        nameStart = local
        nameEnd = qEnd
        selfClosing = false
        attributeCount = 0
        if depth == 0 { rootClosed = true }
    }

    // MARK: Names and values

    /// Whether the current tag's local name is `s`.
    @inline(__always) func nameIs(_ s: StaticString) -> Bool {
        nameEnd - nameStart == s.utf8CodeUnitCount && memcmp(buffer + nameStart, s.utf8Start, s.utf8CodeUnitCount) == 0
    }

    /// The raw value of the attribute with local name `s`, as window offsets.
    @inline(__always) func attribute(_ s: StaticString) -> (start: Int, end: Int)? {
        let n = s.utf8CodeUnitCount
        var k = 0
        while k < attributeCount {
            let a = attributes + 4 * k
            if a[1] - a[0] == n && memcmp(buffer + a[0], s.utf8Start, n) == 0 {
                // `xmlns:r` is a namespace declaration, not an attribute named `r`.
                if a[0] < 6 || !(a[0] >= 6 && memcmp(buffer + a[0] - 6, "xmlns:", 6) == 0) { return (a[2], a[3]) }
            }
            k += 1
        }
        return nil
    }

    /// The attribute's value decoded, as a String (for the rare values read as text).
    func attributeString(_ s: StaticString) -> String? {
        guard let (a, b) = attribute(s) else { return nil }
        let out = [UInt8](unsafeUninitializedCapacity: b - a) { dst, n in
            // The base address exists: a capacity of 0 copies nothing.
            n = b > a ? copyDecoded(a, b, to: dst.baseAddress!) : 0
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: References

    /// Checks every `&…;` in [a, b): one of the five entities or a
    /// character reference to a character XML allows.
    private func checkReferences(_ a: Int, _ b: Int) throws(WorkbookError) {
        var i = a
        while i < b {
            guard let p = memchr(buffer + i, 38, b - i) else { return }
            let amp = buffer.distance(to: p.assumingMemoryBound(to: UInt8.self))
            guard reference(at: amp, b) != nil else {
                throw malformed("an entity reference other than &amp; &lt; &gt; &quot; &apos; or a character reference", at: amp)
            }
            i = amp + 1
        }
    }

    /// The character `&…;` at `i` stands for, and the offset after the `;`.
    private func reference(at i: Int, _ limit: Int) -> (scalar: UInt32, next: Int)? {
        guard let p = memchr(buffer + i, 59, min(limit - i, 12)) else { return nil }
        let semi = buffer.distance(to: p.assumingMemoryBound(to: UInt8.self))
        let body = UnsafeBufferPointer(start: buffer + i + 1, count: semi - i - 1)
        switch String(decoding: body, as: UTF8.self) {
        case "amp": return (38, semi + 1)
        case "lt": return (60, semi + 1)
        case "gt": return (62, semi + 1)
        case "quot": return (34, semi + 1)
        case "apos": return (39, semi + 1)
        default: break
        }
        guard body.count >= 2, body[0] == 35 else { return nil }
        let hex = body[1] == 120
        let digits = body.dropFirst(hex ? 2 : 1)
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var v: UInt32 = 0
        for d in digits {
            let x: UInt32
            switch d {
            case 48...57: x = UInt32(d - 48)
            case 97...102 where hex: x = UInt32(d - 87)
            case 65...70 where hex: x = UInt32(d - 55)
            default: return nil
            }
            v = v * (hex ? 16 : 10) + x
        }
        // Characters XML 1.0 allows.
        let allowed = v == 9 || v == 10 || v == 13 || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF)
        return allowed ? (v, semi + 1) : nil
    }

    /// Copies [a, b) to `dst`, its references replaced (already checked);
    /// returns the bytes written, never more than b - a.
    func copyDecoded(_ a: Int, _ b: Int, to dst: UnsafeMutablePointer<UInt8>) -> Int {
        var i = a, n = 0
        while i < b {
            guard let p = memchr(buffer + i, 38, b - i) else {
                (dst + n).update(from: buffer + i, count: b - i)
                return n + b - i
            }
            let amp = buffer.distance(to: p.assumingMemoryBound(to: UInt8.self))
            (dst + n).update(from: buffer + i, count: amp - i)
            n += amp - i
            guard let (scalar, next) = reference(at: amp, b) else { return n }
            n += CellText.writeUTF8(scalar, to: dst + n)
            i = next
        }
        return n
    }

    /// Copies the current text token, decoded, to `dst` (room for
    /// `textEnd - textStart` bytes); returns the bytes written.
    @inline(__always) func copyText(to dst: UnsafeMutablePointer<UInt8>) -> Int {
        if textHasReference { return copyDecoded(textStart, textEnd, to: dst) }
        dst.update(from: buffer + textStart, count: textEnd - textStart)
        return textEnd - textStart
    }

    /// Skips to the end of the element just started (its end tag consumed).
    func skipElement() throws(WorkbookError) {
        if selfClosing { return }
        let target = depth - 1
        while true {
            let t = try next()
            if t == .end && depth == target { return }
            if t == .endOfDocument { return }
        }
    }
}
