#if canImport(Glibc)
import Glibc
#endif

/// A whole small file (project.yaml, a section, a template) as bytes, read
/// with plain POSIX calls: Foundation's `FileManager.contents(atPath:)` leaks
/// a buffer on empty files here, which the fuzzer's leak checker reports.
package enum FileBytes {
    /// Nil for anything but a regular file (a FIFO is refused without blocking).
    package static func read(_ path: String) -> [UInt8]? {
        guard let fd = InputFile.openRegular(path) else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { return nil }
            if n == 0 { return bytes }
            bytes += chunk[0..<n]
        }
    }

    /// The file as UTF-8 text without a byte-order mark; nil when unreadable or not UTF-8.
    static func text(_ path: String) -> String?? {
        guard let bytes = read(path) else { return nil }
        guard var text = String(validating: bytes, as: UTF8.self) else { return .some(nil) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return .some(text)
    }
}
