#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A text file read block by block as UTF-8, with plain POSIX calls: the
/// I/O under `CSVTokenizer`. UTF-8 is only checked and lands in the
/// caller's buffer as the file's own bytes (so a file can be read in parts,
/// from an offset to a limit); UTF-16 and Windows-1252 are transcoded.
struct TextFileReader {
    /// Closes the file when the last copy of the reader goes.
    private final class Descriptor {
        let fd: Int32
        init(_ fd: Int32) { self.fd = fd }
        deinit { close(fd) }
    }

    private let descriptor: Descriptor
    private var decoder: TextDecoder
    /// Bytes of another encoding, before transcoding.
    private var raw: [UInt8] = []
    /// The file offset of the next read, and where reading stops (the end of
    /// the file, or of the part of it this reader reads).
    private(set) var offset = 0
    private var limit = Int.max
    /// Why reading stopped early: the text is broken, or a read failed (an
    /// I/O error, or a file that cannot be read at an offset, such as a pipe).
    private(set) var problem: TextProblem?
    private(set) var readFailed = false

    var encoding: TextEncoding { decoder.encoding }

    /// Opens `path`. A byte-order mark decides the encoding and is skipped;
    /// without one the file is read as `fallback`. Nil for anything but a
    /// regular file (see `InputFile.openRegular`).
    init?(path: String, fallback: TextEncoding) {
        guard let fd = InputFile.openRegular(path) else { return nil }
        descriptor = Descriptor(fd)
        var head = [UInt8](repeating: 0, count: 3)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 3) }
        let (encoding, mark) = TextEncoding.sniff(Array(head.prefix(max(0, n)))) ?? (fallback, 0)
        offset = mark
        decoder = TextDecoder(encoding)
    }

    /// Opens the bytes `from..<to` of a UTF-8 file.
    init?(path: String, from: Int, to: Int) {
        guard let fd = InputFile.openRegular(path) else { return nil }
        descriptor = Descriptor(fd)
        decoder = TextDecoder(.utf8)
        offset = from
        limit = to
    }

    /// The size of the open file; `Int.max` when it cannot be told.
    var fileSize: Int {
        var st = stat()
        return fstat(descriptor.fd, &st) == 0 ? Int(st.st_size) : Int.max
    }

    static func size(path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    /// The offset just after the first line feed at or after `offset`: where
    /// a part of the file may start (`ParticipantReader` checks that no
    /// quoted field spans it). Nil when none comes before the end.
    static func lineStart(path: String, after offset: Int) -> Int? {
        guard let fd = InputFile.openRegular(path) else { return nil }
        defer { close(fd) }
        var window = [UInt8](repeating: 0, count: 1 << 16)
        var at = offset
        while true {
            let n = window.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(at)) }
            guard n > 0 else { return nil }
            if let i = window[0..<n].firstIndex(of: 10) { return at + i + 1 }
            at += n
        }
    }

    /// How much room `readText` may fill after `end` for a block of `blockSize` bytes.
    func room(blockSize: Int) -> Int { encoding == .utf8 ? blockSize : blockSize * 4 }

    /// Appends the next text, as UTF-8, to `buffer` at `end`: up to
    /// `blockSize` bytes of a UTF-8 file (the caller has made `room` for
    /// them), or for another encoding at least as much as `end` (a long
    /// record wants more), growing `buffer` so that `padding` bytes stay
    /// free after it. Returns how many bytes; 0 at the end of the input, or
    /// when reading stopped (`problem`, `readFailed`).
    mutating func readText(into buffer: inout [UInt8], at end: Int, blockSize: Int, padding: Int) -> Int {
        let fd = descriptor.fd
        do {
            if decoder.encoding == .utf8 {
                let offset = self.offset, count = min(blockSize, limit - offset)
                var n = 0
                repeat {
                    n = count <= 0 ? 0 : buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress.map { $0 + end }, count, off_t(offset)) }
                } while n < 0 && errno == EINTR
                if n < 0 { return failRead() }
                if n > 0 {
                    self.offset += n
                    try buffer.withUnsafeBytes { try decoder.validateUTF8(UnsafeRawBufferPointer(rebasing: $0[end..<end + n])) }
                    return n
                }
            } else {
                // Raw bytes are read a first block's size at a time.
                if raw.isEmpty { raw = [UInt8](repeating: 0, count: blockSize) }
                var out: [UInt8] = []
                var n = 0
                repeat {  // a block may hold only half a code unit; a long record wants more
                    let offset = self.offset
                    repeat {
                        n = raw.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
                    } while n < 0 && errno == EINTR
                    if n < 0 { return failRead() }
                    if n > 0 {
                        self.offset += n
                        try raw.withUnsafeBytes { try decoder.transcode(UnsafeRawBufferPointer(rebasing: $0[0..<n]), into: &out) }
                    }
                } while n > 0 && (out.isEmpty || out.count < end)
                if !out.isEmpty {
                    if buffer.count - end < out.count + padding { buffer += [UInt8](repeating: 0, count: out.count + padding) }
                    buffer.withUnsafeMutableBufferPointer { b in
                        out.withUnsafeBufferPointer { o in
                            guard let base = b.baseAddress, let src = o.baseAddress else { return }
                            memcpy(base + end, src, o.count)
                        }
                    }
                    return out.count
                }
            }
            try decoder.finish()
        } catch {
            problem = (error as? TextProblem) ?? .notText
        }
        return 0
    }

    private mutating func failRead() -> Int {
        readFailed = true
        return 0
    }
}
