import Foundation
import Testing
@testable import SlutrapportKit
#if canImport(Glibc)
import Glibc
#endif

/// What a person put inside `OUT/<id>/` is carried into every later build,
/// unchanged, with a note naming it (SPEC §2, issue 24): an edited copy of
/// the Word report, a folder of notes, a link, a file named like one of
/// slutrapport's. Before issue 24 a rebuild removed all of them, exit 0.
@Suite struct CarryTests {
    func project() throws -> Fixture {
        try Fixture(["project.yaml": minimalYAML, "participants.csv": "id,gender,start_date\n1,kvinna,2021-01-01\n"])
    }

    func put(_ bytes: [UInt8], _ path: String, mtime: Int = 1_500_000_000) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        try setMTime(path, mtime)
    }

    func setMTime(_ path: String, _ seconds: Int) throws {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) == 0)
    }

    func mtime(_ path: String) -> Int {
        var st = stat()
        guard lstat(path, &st) == 0 else { return -1 }
        return st.st_mtim.tv_sec
    }

    func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// Every entry under `folder`, relative, sorted.
    func listing(_ folder: String) -> [String] {
        ((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []).sorted()
    }

    func notes(_ outcome: Batch.Outcome) -> [String] {
        outcome.projects.flatMap { $0.log.all }.filter { $0.severity == .note && $0.code == .outputKept }.map(\.message)
    }

    @Test func aPersonsFilesSurviveEveryRebuildUnchanged() throws {
        let folder = try project().folder
        let (out, first) = buildReports([folder])
        #expect(!first.hasErrors)
        let target = out + "/test"
        let docx = try #require(bytes(target + "/slutrapport.docx"))
        let edited = docx + [0x50, 0x4B]  // any bytes: slutrapport never reads them
        try put(edited, target + "/slutrapport-redigerad.docx")
        try put(Array("mina anteckningar\n".utf8), target + "/mina/notes.txt", mtime: 1_400_000_000)
        try put(Array("djupt\n".utf8), target + "/mina/djup/mer/sista.txt")
        try FileManager.default.createDirectory(atPath: target + "/tom", withIntermediateDirectories: true)
        let elsewhere = scratch("elsewhere")
        try put(Array("utanför\n".utf8), elsewhere + "/x.txt")
        try FileManager.default.createSymbolicLink(atPath: target + "/länk", withDestinationPath: elsewhere + "/x.txt")
        try FileManager.default.createSymbolicLink(atPath: target + "/mapplänk", withDestinationPath: elsewhere)
        try setMTime(target + "/mina", 1_300_000_000)

        let (_, second) = buildReports([folder], out: out)
        #expect(!second.hasErrors)
        #expect(bytes(target + "/slutrapport-redigerad.docx") == edited)
        #expect(mtime(target + "/slutrapport-redigerad.docx") == 1_500_000_000)
        #expect(bytes(target + "/mina/notes.txt") == Array("mina anteckningar\n".utf8))
        #expect(mtime(target + "/mina/notes.txt") == 1_400_000_000)
        #expect(bytes(target + "/mina/djup/mer/sista.txt") == Array("djupt\n".utf8))
        #expect(mtime(target + "/mina") == 1_300_000_000)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: target + "/länk") == elsewhere + "/x.txt")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: target + "/mapplänk") == elsewhere)
        // The link is carried as a link: what it points at is neither read nor moved.
        #expect(listing(elsewhere) == ["x.txt"])
        #expect(listing(target) == [".slutrapport-output", "charts", "charts/over-tid.svg", "länk", "mapplänk", "mina", "mina/djup", "mina/djup/mer",
                                    "mina/djup/mer/sista.txt", "mina/notes.txt", "slutrapport-redigerad.docx", "slutrapport.docx",
                                    "slutrapport.html", "slutrapport.md", "slutrapport.xlsx", "slutrapport.xml", "tom"])
        #expect(notes(second) == [
            "\(target)/länk was not written by slutrapport; it is carried into the new build unchanged",
            "\(target)/mapplänk was not written by slutrapport; it is carried into the new build unchanged",
            "\(target)/mina was not written by slutrapport; it is carried into the new build unchanged",
            "\(target)/slutrapport-redigerad.docx was not written by slutrapport; it is carried into the new build unchanged",
            "\(target)/tom was not written by slutrapport; it is carried into the new build unchanged",
        ])
        // And again: a third build keeps them as the second did.
        let (_, third) = buildReports([folder], out: out)
        #expect(!third.hasErrors)
        #expect(bytes(target + "/slutrapport-redigerad.docx") == edited)
        #expect(bytes(target + "/mina/djup/mer/sista.txt") == Array("djupt\n".utf8))
        #expect(notes(third).count == 5)
    }

    /// A file at a name slutrapport writes, which it did not write (the
    /// report edited in place, a chart of the person's own in `charts/`):
    /// the new build takes the name, and the person's file is kept beside it
    /// as `NAME.kept.EXT`. A file of slutrapport's own that it no longer
    /// writes goes.
    @Test func aFileAtOneOfOurNamesIsKeptBesideTheNewOne() throws {
        let folder = try project().folder
        let (out, _) = buildReports([folder])
        let target = out + "/test"
        let ours = try #require(bytes(target + "/slutrapport.md"))
        try put(Array("min egen text\n".utf8), target + "/slutrapport.md")
        try put(Array("<svg/>\n".utf8), target + "/charts/mitt.svg")
        try put(Array("<svg>mitt</svg>\n".utf8), target + "/charts/over-tid.svg")
        let (_, second) = buildReports([folder], out: out)
        #expect(!second.hasErrors)
        #expect(bytes(target + "/slutrapport.md") == ours)
        #expect(bytes(target + "/slutrapport.kept.md") == Array("min egen text\n".utf8))
        #expect(bytes(target + "/charts/mitt.svg") == Array("<svg/>\n".utf8))
        #expect(bytes(target + "/charts/over-tid.kept.svg") == Array("<svg>mitt</svg>\n".utf8))
        #expect(notes(second) == [
            "\(target)/charts/mitt.svg was not written by slutrapport; it is carried into the new build unchanged",
            "\(target)/charts/over-tid.svg was not written by slutrapport; it is kept as \(target)/charts/over-tid.kept.svg",
            "\(target)/slutrapport.md was not written by slutrapport; it is kept as \(target)/slutrapport.kept.md",
        ])
        // A build without Markdown no longer writes the chart: slutrapport's own goes, the person's stay.
        let (_, third) = buildReports([folder], out: out) { $0.formats = [.html] }
        #expect(!third.hasErrors)
        #expect(listing(target) == [".slutrapport-output", "charts", "charts/mitt.svg", "charts/over-tid.kept.svg",
                                    "slutrapport.html", "slutrapport.kept.md"])
    }

    /// A file the person adds while the build runs, after slutrapport looked,
    /// is carried too: the folder swapped out is looked at again before it goes.
    @Test func aFileThatAppearsDuringTheBuildIsCarried() throws {
        let out = scratch("during")
        let target = out + "/p"
        let files: [OutputFile] = [("slutrapport.md", Array("# a\n".utf8))]
        try OutputWriter.write(files, to: target)
        let system = OutputCalls.system
        let calls = OutputCalls(
            exchange: { a, b in
                // The person saves a file just before the swap.
                _ = createFile(b + "/sent.txt", Array("sent\n".utf8))
                return system.exchange(a, b)
            },
            rename: system.rename, createFile: system.createFile)
        let kept = try OutputWriter.write(files, to: target, calls: calls)
        #expect(bytes(target + "/sent.txt") == Array("sent\n".utf8))
        #expect(kept.map(\.path) == [target + "/sent.txt"])
        #expect(listing(target) == [".slutrapport-output", "sent.txt", "slutrapport.md"])
        #expect(listing(out) == ["p", "p/.slutrapport-output", "p/sent.txt", "p/slutrapport.md"])
    }

    /// Where the system has no atomic exchange the person's files are carried too.
    @Test func withoutTheExchangeAPersonsFilesAreCarried() throws {
        let out = scratch("renames")
        let target = out + "/p"
        let files: [OutputFile] = [("slutrapport.md", Array("# a\n".utf8))]
        try OutputWriter.write(files, to: target)
        try put(Array("min\n".utf8), target + "/mina/a.txt")
        let system = OutputCalls.system
        let calls = OutputCalls(exchange: { _, _ in ENOSYS }, rename: system.rename, createFile: system.createFile)
        let kept = try OutputWriter.write(files, to: target, calls: calls)
        #expect(kept.map(\.path) == [target + "/mina"])
        #expect(bytes(target + "/mina/a.txt") == Array("min\n".utf8))
        #expect(listing(out) == ["p", "p/.slutrapport-output", "p/mina", "p/mina/a.txt", "p/slutrapport.md"])
    }

    /// A large file is linked, not copied: the carried file is the same inode.
    @Test func aLargeFileIsNotCopied() throws {
        let out = scratch("large")
        let target = out + "/p"
        let files: [OutputFile] = [("slutrapport.md", Array("# a\n".utf8))]
        try OutputWriter.write(files, to: target)
        let big = target + "/film.mp4"
        #expect(createFile(big, []) == 0)
        #expect(truncate(big, 1 << 34) == 0)  // 16 GiB, sparse: a copy would take minutes
        var before = stat()
        #expect(lstat(big, &before) == 0)
        let started = Date()
        try OutputWriter.write(files, to: target)
        #expect(Date().timeIntervalSince(started) < 5)
        var after = stat()
        #expect(lstat(big, &after) == 0)
        #expect(after.st_ino == before.st_ino && after.st_size == 1 << 34)
    }

    /// Where no hard link can be made, a file is copied with its times, a
    /// link made again as the same link.
    @Test func withoutHardLinksAPersonsFilesAreCopiedWithTheirTimes() throws {
        let out = scratch("copies")
        let target = out + "/p"
        let files: [OutputFile] = [("slutrapport.md", Array("# a\n".utf8))]
        try OutputWriter.write(files, to: target)
        try put(Array("min\n".utf8), target + "/mina/a.txt", mtime: 1_234_567_890)
        try FileManager.default.createSymbolicLink(atPath: target + "/mina/l", withDestinationPath: "../../nowhere")
        let system = OutputCalls.system
        let calls = OutputCalls(exchange: system.exchange, rename: system.rename, createFile: system.createFile, link: { _, _ in EPERM })
        let kept = try OutputWriter.write(files, to: target, calls: calls)
        #expect(kept.map(\.message) == ["\(target)/mina was not written by slutrapport; it is carried into the new build unchanged"])
        #expect(bytes(target + "/mina/a.txt") == Array("min\n".utf8))
        #expect(mtime(target + "/mina/a.txt") == 1_234_567_890)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: target + "/mina/l") == "../../nowhere")
        #expect(listing(out) == ["p", "p/.slutrapport-output", "p/mina", "p/mina/a.txt", "p/mina/l", "p/slutrapport.md"])
    }

    /// What can be neither linked nor copied (a socket, with no hard links)
    /// does not stop the build and is not lost: the earlier output is kept
    /// whole, unmarked, at `OUT/<id>.earlier-…`, and the note says where.
    @Test func whatCannotBeCarriedKeepsTheEarlierOutputWhole() throws {
        let out = scratch("socket")
        let target = out + "/p"
        let files: [OutputFile] = [("slutrapport.md", Array("# a\n".utf8))]
        try OutputWriter.write(files, to: target)
        try put(Array("min\n".utf8), target + "/a.txt")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array((target + "/s").utf8CString)
        try #require(path.count <= MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { raw in path.withUnsafeBytes { raw.copyMemory(from: $0) } }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        try #require(bound == 0)
        let system = OutputCalls.system
        let calls = OutputCalls(exchange: system.exchange, rename: system.rename, createFile: system.createFile, link: { _, _ in EPERM })
        let kept = try OutputWriter.write(files + [("b.md", Array("b\n".utf8))], to: target, calls: calls)
        let earlier = try #require(listing(out).first { $0.hasPrefix("p.earlier-") && !$0.contains("/") })
        #expect(kept.map(\.message) == [
            "\(target)/a.txt was not written by slutrapport; it is carried into the new build unchanged",
            "\(target)/s was not written by slutrapport and cannot be carried into the new build; the earlier output is kept whole at \(out)/\(earlier)",
        ])
        #expect(listing(target) == [".slutrapport-output", "a.txt", "b.md", "slutrapport.md"])
        #expect(listing(out + "/" + earlier) == ["a.txt", "s", "slutrapport.md"])
        // Unmarked, so that no later build removes it.
        OutputWriter.removeStale(in: out)
        try OutputWriter.write(files, to: target)
        #expect(listing(out + "/" + earlier) == ["a.txt", "s", "slutrapport.md"])
    }

    /// A build killed after its swap, before its second look, left the
    /// earlier output marked beside the new one, with a file a person saved
    /// during the build: the next build's cleanup carries it in, then removes the rest.
    @Test func theCleanupCarriesWhatAKilledBuildLeft() throws {
        let out = scratch("killed")
        let files: [OutputFile] = [("slutrapport.md", Array("# a\n".utf8))]
        try OutputWriter.write(files, to: out + "/p")
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let stale = out + "/.p.new-\(finished.processIdentifier)-0000ABCD"
        try OutputWriter.write(files, to: stale)
        try put(Array("sent\n".utf8), stale + "/mina/sent.txt")
        OutputWriter.removeStale(in: out)
        #expect(listing(out) == ["p", "p/.slutrapport-output", "p/mina", "p/mina/sent.txt", "p/slutrapport.md"])
        #expect(bytes(out + "/p/mina/sent.txt") == Array("sent\n".utf8))
    }
}

/// A failed rebuild said only "failed"; the report in OUT/<id> was the
/// earlier one, now out of date, without a word (issue 25).
@Suite struct OutOfDateTests {
    @Test func aFailedRebuildSaysTheReportInOutIsTheEarlierOne() throws {
        let folder = scratch("out-of-date") + "/vak2"
        try FileManager.default.copyItem(atPath: repositoryRoot + "/data/vak2", toPath: folder)
        let out = scratch("out-of-date-out")
        #expect(!buildReports([folder], out: out) { $0.formats = [.md] }.outcome.hasErrors)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/vak2/slutrapport.md"))
        let csv = try String(contentsOfFile: folder + "/participants.csv", encoding: .utf8)
        try (csv + "QZID9999,karlstad,okänt,1931,2021-01-01,,,\n").write(toFile: folder + "/participants.csv", atomically: true, encoding: .utf8)
        let outcome = buildReports([folder], out: out) { $0.formats = [.md] }.outcome
        #expect(outcome.hasErrors)
        let last = try #require(outcome.diagnostics.last)
        #expect("\(last.location.file) \(last.severity.rawValue) \(last.code.rawValue) \(last.message)"
                == "\(out)/vak2 note output-out-of-date \(out)/vak2 still holds the report of an earlier build, now out of date: "
                + "nothing was written, since the project has errors")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/vak2/slutrapport.md")) == before)
        // No earlier report, no note.
        let fresh = buildReports([folder], out: scratch("out-of-date-fresh")) { $0.formats = [.md] }.outcome
        #expect(!fresh.diagnostics.contains { $0.code.rawValue == "output-out-of-date" })
    }
}
