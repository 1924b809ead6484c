#if canImport(Glibc)
import Glibc
#endif

extension FileBytes {
    /// The size of a regular file, found without opening it (opening a FIFO
    /// blocks); nil for anything else, or when there is nothing at `path`.
    static func regularFileSize(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }
}
