import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The rules every input file of a project follows (SPEC §3): a regular file
/// resolving inside the project folder, opened without ever blocking.
enum InputFile {
    enum Problem: Error {
        /// Nothing at the path, not even a link.
        case absent
        /// A link to nothing.
        case dangling
        /// A link (or a path through one) to a file outside the project folder.
        case outside
        /// A pipe, a device, a socket or a folder.
        case notRegular
    }

    /// Whether anything is at `path`, a link to nothing included: a broken
    /// link named participants.csv is an error, not an absent file.
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Why `path` may not be read as an input of the project in `folder`;
    /// nil when it may. A link is followed only to a regular file inside the folder.
    static func problem(_ path: String, inside folder: String) -> Problem? {
        guard exists(path) else { return .absent }
        guard let real = resolved(path) else { return .dangling }
        guard FolderBoundary(folder).contained(URL(fileURLWithPath: real)) != nil else { return .outside }
        var st = stat()
        guard stat(real, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return .notRegular }
        return nil
    }

    /// Logs `problem` for the input `path`; false, having logged nothing, when there is none.
    static func report(_ problem: Problem?, path: String, log: inout DiagnosticLog) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let at = SourceLocation(file: path, line: 1, column: 1)
        switch problem {
        case nil: return false
        case .absent: log.error(.fileUnreadable, "\(name) does not exist", at: at)
        case .dangling: log.error(.fileUnreadable, "\(name) is a link to a file that does not exist", at: at)
        case .outside: log.error(.fileOutsideProject, "\(name) is a link to a file outside the project folder; copy the file into the folder", at: at)
        case .notRegular: log.error(.fileUnreadable, "\(name) is not a regular file (a pipe, a device or a folder); slutrapport reads only regular files", at: at)
        }
        return true
    }

    /// The path with every link and `..` resolved; nil when it leads nowhere.
    static func resolved(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// A descriptor for reading the regular file at `path`; nil for anything
    /// else. A FIFO would block `open` until a writer came: it is refused
    /// before opening, and the open itself never waits (O_NONBLOCK), in case
    /// the file changed in between.
    static func openRegular(_ path: String) -> Int32? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        // A regular file after all: reads may wait for the disk as usual.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }
}
