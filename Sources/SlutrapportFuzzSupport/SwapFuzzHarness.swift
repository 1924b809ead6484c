import Foundation
import SlutrapportKit
#if canImport(Glibc)
import Glibc
#endif

/// What `Fuzz/swap` drives: from the fuzz input, an output folder in a state
/// users and killed builds can leave (marked and unmarked folders, files,
/// links, staging of live and dead builds, an earlier output set aside, a
/// marker cut short), then the stale cleanup and one write, with system
/// calls that may fail (no atomic exchange, a rename or a write refused).
/// Whatever the input: nothing slutrapport cannot prove it wrote is removed
/// or replaced, an earlier output goes only once a new one is in place, and
/// OUT/p ends whole.
public final class SwapFuzzHarness: @unchecked Sendable {
    private let root: String
    /// Above any pid_max Linux allows (2^22): certainly no running process.
    static let deadPID = 999_999_999

    /// `root`: the folder to work in, emptied on every run; by default a
    /// private one in the temporary folder, removed with the harness. (The
    /// fuzzer's harness lives until `exit`, which runs no deinit: it passes
    /// a folder under .build-fuzz/ instead.)
    public init(root: String? = nil) {
        // Absolute, for the links the harness makes point into it.
        let given = root.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
        self.root = given ?? NSTemporaryDirectory() + "slutrapport-fuzz-swap-\(getpid())-\(UUID().uuidString.prefix(8))"
    }

    deinit { OutputWriter.discard(root) }

    /// What the write puts at OUT/p when it succeeds.
    static let files: [(name: String, contents: [UInt8])] = [("slutrapport.md", Array("new\n".utf8)), ("charts/a.svg", Array("<svg/>\n".utf8))]

    /// Runs one input; returns the broken promises (none, always).
    public func run(_ input: [UInt8]) -> [String] {
        var reader = ByteReader(input)
        let out = root + "/out", elsewhere = root + "/elsewhere"
        OutputWriter.discard(root)
        try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        var state = SwapFuzzState(out: out, elsewhere: elsewhere)
        for step in 0..<Int(reader.next() % 7) {
            state.add(kind: reader.next() % 12, base: reader.next() % 2 == 0 ? "p" : "q", step: step, size: Int(reader.next()))
        }
        let calls = SwapFuzzCalls(exchangeBroken: reader.next() % 2 == 1, failingRename: Int(reader.next() % 5),
                                  failingCreate: Int(reader.next() % 8)).calls
        let before = state.snapshot()

        OutputWriter.removeStale(in: out, calls: calls)
        var written = true
        do { try OutputWriter.write(Self.files, to: out + "/p", calls: calls) } catch { written = false }
        return state.brokenPromises(before: before, written: written)
    }
}

/// Reads the fuzz input a byte at a time, zeros past its end.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> UInt8 {
        defer { offset += 1 }
        return offset < bytes.count ? bytes[offset] : 0
    }
}

/// System calls that fail where the input says: the n-th rename or file
/// creation once (a write cut short, as on a full disk), or every exchange.
private final class SwapFuzzCalls: @unchecked Sendable {
    private let lock = NSLock()
    private var renames = 0, creates = 0
    let exchangeBroken: Bool, failingRename: Int, failingCreate: Int

    init(exchangeBroken: Bool, failingRename: Int, failingCreate: Int) {
        (self.exchangeBroken, self.failingRename, self.failingCreate) = (exchangeBroken, failingRename, failingCreate)
    }

    var calls: OutputCalls {
        var calls = OutputCalls.system
        let system = OutputCalls.system
        if exchangeBroken { calls.exchange = { _, _ in EINVAL } }
        calls.rename = { from, to in
            let n = self.lock.withLock { self.renames += 1; return self.renames }
            return n == self.failingRename ? EIO : system.rename(from, to)
        }
        calls.createFile = { path, text in
            let n = self.lock.withLock { self.creates += 1; return self.creates }
            guard n == self.failingCreate else { return system.createFile(path, text) }
            _ = system.createFile(path, Array(text.prefix(text.count / 2)))
            return ENOSPC
        }
        return calls
    }
}

/// The output folder the harness made, and what of it must survive.
private struct SwapFuzzState {
    let out: String
    let elsewhere: String
    /// Paths (under OUT or elsewhere) of what a user made: never removed or changed.
    var userPaths: [String] = []
    /// Earlier outputs of slutrapport's, by where they are: each must be
    /// found whole at OUT/NAME or where it was, unless a new OUT/p replaced it.
    var earlier: [(base: String, path: String)] = []

    init(out: String, elsewhere: String) {
        self.out = out
        self.elsewhere = elsewhere
    }

    mutating func add(kind: UInt8, base: String, step: Int, size: Int) {
        let dead = SwapFuzzHarness.deadPID, tag = String(format: "%08X", step)
        let name: String
        switch kind {
        case 4, 9, 10: name = ".\(base).new-\(dead)-\(tag)"
        case 5: name = ".\(base).new-\(getpid())-\(tag)"
        case 6, 7: name = ".\(base).old-\(dead)-\(tag)"
        case 8: name = size % 2 == 0 ? ".env.old-\(dead)" : ".\(base).new-\(dead)-\(tag)"
        default: name = base
        }
        let path = out + "/" + name
        var st = stat()
        guard lstat(path, &st) != 0 else { return }
        switch kind {
        case 0, 4, 5, 6:
            makeMarked(path, text: "earlier \(step)\n")
            if kind == 0 || kind == 6 { earlier.append((base, path)) }
        case 1, 7:
            user(path + "/notes.txt", "mine \(step)\n")
        case 2, 8:
            user(path, "mine \(step)\n")
        case 3:
            user(elsewhere + "/\(step)/notes.txt", "mine \(step)\n")
            symlink(elsewhere + "/\(step)", path)
            userPaths.append(path)
        case 9:
            mkdir(path, 0o755)
        case 10:
            mkdir(path, 0o755)
            _ = createFile(path + "/" + OutputMarker.fileName, String(OutputMarker.contents.prefix(size % OutputMarker.contents.count)))
        default:
            user(elsewhere + "/marker-\(step)", OutputMarker.contents)
            user(path + "/notes.txt", "mine \(step)\n")
            symlink(elsewhere + "/marker-\(step)", path + "/" + OutputMarker.fileName)
            userPaths.append(path + "/" + OutputMarker.fileName)
        }
    }

    private func makeMarked(_ path: String, text: String) {
        mkdir(path, 0o755)
        _ = createFile(path + "/" + OutputMarker.fileName, OutputMarker.contents)
        _ = createFile(path + "/slutrapport.md", text)
    }

    private mutating func user(_ path: String, _ text: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = createFile(path, text)
        userPaths.append(path)
    }

    /// Every entry under a path: relative path → bytes, or "→ target" for a link.
    static func contents(_ path: String) -> [String: String]? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        if st.st_mode & S_IFMT == S_IFLNK { return ["": "→ " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "")] }
        if st.st_mode & S_IFMT == S_IFREG { return ["": FileBytes.read(path).map { String(decoding: $0, as: UTF8.self) } ?? "?"] }
        var result: [String: String] = [:]
        for child in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            for (sub, value) in contents(path + "/" + child) ?? [:] { result[sub.isEmpty ? child : child + "/" + sub] = value }
        }
        return result
    }

    struct Snapshot {
        var user: [String: [String: String]?]
        var earlier: [String: [String: String]?]
    }

    func snapshot() -> Snapshot {
        Snapshot(user: Dictionary(userPaths.map { ($0, Self.contents($0)) }, uniquingKeysWith: { a, _ in a }),
                 earlier: Dictionary(earlier.map { ($0.path, Self.contents($0.path)) }, uniquingKeysWith: { a, _ in a }))
    }

    func brokenPromises(before: Snapshot, written: Bool) -> [String] {
        var broken: [String] = []
        for (path, was) in before.user where Self.contents(path) != was {
            broken.append("\(path), not slutrapport's, was changed or removed")
        }
        // One earlier output of each name survives, at OUT/NAME or where it
        // was (of two set aside, the second may go once the first is back).
        for base in Set(earlier.map(\.base)).sorted() where !(written && base == "p") {
            let paths = earlier.filter { $0.base == base }.map(\.path)
            let now = Self.contents(out + "/" + base)
            let survives = paths.contains { path in
                let was = before.earlier[path] ?? nil
                return now == was || Self.contents(path) == was
            }
            if !survives { broken.append("every earlier output of \(base) is lost") }
        }
        var expected = [OutputMarker.fileName: OutputMarker.contents(listing: SwapFuzzHarness.files)]
        for file in SwapFuzzHarness.files { expected[file.name] = String(decoding: file.contents, as: UTF8.self) }
        if written, Self.contents(out + "/p") != expected { broken.append("OUT/p is not the new output, whole") }
        // Nothing of this run's own is left beside OUT/p.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? [] {
            guard let staging = StagingName(name), staging.pid == getpid(), !isPreMade(name) else { continue }
            broken.append("\(name) left behind")
        }
        return broken
    }

    /// A live build's staging folder the harness made itself (its tag is a step number).
    private func isPreMade(_ name: String) -> Bool {
        (0..<7).contains { name.hasSuffix("-" + String(format: "%08X", $0)) }
    }
}
