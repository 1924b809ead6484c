import Foundation
import Testing
@testable import SlutrapportKit

/// slutrapport replaces or removes only what it can prove it wrote: folders
/// holding its marker, index files ending in its line (issue 12).
@Suite struct OwnershipTests {
    static let marker = "Signature: slutrapport output folder 1\n"
        + "# slutrapport wrote this folder and replaces or removes it whole on its next build.\n"
        + "# Delete this file, and slutrapport will leave the folder alone.\n"

    /// A project "test" that builds, in a fresh folder of its own.
    func project(csv: String = "id,gender,start_date\n1,kvinna,2021-01-01\n") throws -> Fixture {
        try Fixture(["project.yaml": minimalYAML, "participants.csv": csv])
    }

    func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A process id that is certainly not running.
    func deadProcess() throws -> Int32 {
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        return finished.processIdentifier
    }

    /// A build killed while removing a folder of its own leaves it still
    /// marked, so the next build clears it: the marker goes last. (A kill
    /// inside `removeItem`, which took the marker in no set order, left an
    /// unmarked `.p10.new-…` that no later build could prove its own; a run of
    /// `FaultTests.killedBuildsLeaveEveryProjectWhole` found it.)
    @Test func aRemovalCutShortLeavesTheFolderMarked() throws {
        let out = scratch("cut-short")
        let dead = try deadProcess()
        let staging = out + "/.p1.new-\(dead)-0000ABCD"
        try FileManager.default.createDirectory(atPath: staging + "/charts", withIntermediateDirectories: true)
        try write(OutputMarker.contents, staging + "/" + OutputMarker.fileName)
        for name in ["a.md", "b.html", "charts/c.svg", "z.xml"] { try write("x", staging + "/" + name) }
        var removed = 0
        OutputWriter.discard(staging) { path in
            removed += 1
            guard removed <= 2 else { return false }  // killed here
            try? FileManager.default.removeItem(atPath: path)
            return true
        }
        #expect(OutputMarker.occupant(folder: staging) == .ours)
        OutputWriter.removeStale(in: out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == [])
    }

    @Test func everyOutputFolderCarriesTheMarker() throws {
        let (out, outcome) = buildReports([try project().folder])
        #expect(!outcome.hasErrors)
        // The marker, then the files it wrote (bytes, CRC-32), so that a later build knows them from a person's (issue 24).
        let marker = try String(contentsOfFile: out + "/test/.slutrapport-output", encoding: .utf8)
        #expect(marker.hasPrefix(Self.marker + "# It wrote these files (bytes, CRC-32, path); anything else here is carried into its next build:\n"))
        let listed = marker.split(separator: "\n").dropFirst(4).map { $0.split(separator: " ", maxSplits: 2).last.map(String.init) ?? "" }
        #expect(listed == ["charts/over-tid.svg", "slutrapport.docx", "slutrapport.html", "slutrapport.md", "slutrapport.xlsx", "slutrapport.xml"])
        let md = try Data(contentsOf: URL(fileURLWithPath: out + "/test/slutrapport.md"))
        let crc = try #require(OutputWriter.crcOfFile(out + "/test/slutrapport.md"))
        #expect(marker.contains("\n\(OutputMarker.letters(UInt64(md.count))) \(OutputMarker.letters(UInt64(crc), width: 8)) slutrapport.md\n"))
        #expect(OutputMarker.letters(0x1905, width: 8) == "aaaabjaf" && OutputMarker.number(letters: "aaaabjaf") == 0x1905)
        // No digit in a listed size or CRC, which PrivacyTests could take for a birth year.
        #expect(marker.split(separator: "\n").dropFirst(4).allSatisfy { line in line.split(separator: " ").prefix(2).allSatisfy { !$0.contains { $0.isNumber } } })
        // The next build proves the folder is its own and replaces it.
        #expect(!buildReports([try project().folder], out: out).outcome.hasErrors)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["test"])
    }

    @Test(arguments: ["folder", "file", "symlink", "marker-symlink", "marker-wrong"])
    func whatIsNotOursIsNeverReplaced(kind: String) throws {
        let out = scratch("ours")
        let target = out + "/test"
        let elsewhere = scratch("elsewhere")
        try write("mine\n", elsewhere + "/notes.txt")
        switch kind {
        case "folder": try write("mine\n", target + "/notes.txt")
        case "file": try write("mine\n", target)
        case "symlink":
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: elsewhere)
        case "marker-symlink":
            try write(Self.marker, elsewhere + "/.slutrapport-output")
            try write("mine\n", target + "/notes.txt")
            try FileManager.default.createSymbolicLink(atPath: target + "/.slutrapport-output", withDestinationPath: elsewhere + "/.slutrapport-output")
        default:
            try write("Signature: something else\n", target + "/.slutrapport-output")
            try write("mine\n", target + "/notes.txt")
        }
        let before = try tree(out), outside = try tree(elsewhere)
        // A second project in the batch still builds.
        let other = try Fixture(["project.yaml": minimalYAML.replacingOccurrences(of: "id: test", with: "id: other")], name: "other")
        let (_, outcome) = buildReports([try project().folder, other.folder], out: out)
        #expect(outcome.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code.rawValue)" }
            == ["\(target):1:1 output-not-ours"])
        #expect(outcome.diagnostics.first?.message
            == "\(target) was not written by slutrapport (it holds no .slutrapport-output marker); move it away or choose another --out")
        #expect(outcome.failed.count == 1 && outcome.built == 1)
        #expect(FileManager.default.fileExists(atPath: out + "/other/slutrapport.xml"))
        var after = try tree(out)
        after = after.filter { !$0.key.hasPrefix("other/") && !$0.key.hasPrefix("index.") }
        #expect(after == before)
        #expect(try tree(elsewhere) == outside)
    }

    @Test func anIndexTheToolDidNotWriteIsKept() throws {
        let out = scratch("index")
        try write("# Our own index\n", out + "/index.md")
        let a = try Fixture(["project.yaml": minimalYAML.replacingOccurrences(of: "id: test", with: "id: a")], name: "a")
        let b = try Fixture(["project.yaml": minimalYAML.replacingOccurrences(of: "id: test", with: "id: b")], name: "b")
        let (_, outcome) = buildReports([a.folder, b.folder], out: out)
        #expect(outcome.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code.rawValue)" }
            == ["\(out)/index.md:1:1 output-not-ours"])
        #expect(try String(contentsOfFile: out + "/index.md", encoding: .utf8) == "# Our own index\n")
        // The HTML index was free to write, and ends in the line that proves it is ours.
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(html.hasSuffix("</html>\n<!-- written by slutrapport: it replaces this file on every batch build -->\n"))
        // The tool's own index is replaced, the user's still kept.
        let again = buildReports([a.folder, b.folder], out: out).outcome
        #expect(again.diagnostics.map(\.code) == [.outputNotOurs])
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8) == html)
    }

    @Test func staleStagingIsRemovedOnlyWhenMarked() throws {
        let out = scratch("stale")
        let dead = try deadProcess(), alive = getpid()
        // Ours, of a dead build: removed.
        try write(Self.marker, out + "/.p1.new-\(dead)-ab12cd34/.slutrapport-output")
        try write("x", out + "/.p1.new-\(dead)-ab12cd34/slutrapport.md")
        try write(Self.marker, out + "/.p2.old-\(dead)-ab12cd34/.slutrapport-output")
        try write(Self.marker, out + "/p2/.slutrapport-output")
        // Empty, or with a marker cut short: a build killed while marking its staging folder; nothing to lose.
        try FileManager.default.createDirectory(atPath: out + "/.p3.new-\(dead)-ab12cd34", withIntermediateDirectories: true)
        try write("", out + "/.p7.new-\(dead)-ab12cd34/.slutrapport-output")
        try write("Signature: slutrap", out + "/.p8.new-\(dead)-ab12cd34/.slutrapport-output")
        // A marker cut short beside anything else is not: kept.
        try write("Signature: slutrap", out + "/.p9.new-\(dead)-ab12cd34/.slutrapport-output")
        try write("mine\n", out + "/.p9.new-\(dead)-ab12cd34/notes.txt")
        // Ours, of a live build: kept.
        try write(Self.marker, out + "/.p4.new-\(alive)-ab12cd34/.slutrapport-output")
        // Not ours, whatever their names: kept.
        try write("SECRET=1\n", out + "/.env.old-\(dead)")
        try write("SECRET=1\n", out + "/.env.old-\(dead)-ab12cd34/.env")
        try write("x", out + "/.p5.new-\(dead)-ab12cd34")
        try write("Signature: else\n", out + "/.p6.new-\(dead)-ab12cd34/.slutrapport-output")
        try write("# mine\n", out + "/.index.md.new-\(dead)-ab12cd34")
        OutputWriter.removeStale(in: out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
            ".env.old-\(dead)", ".env.old-\(dead)-ab12cd34", ".index.md.new-\(dead)-ab12cd34",
            ".p4.new-\(alive)-ab12cd34", ".p5.new-\(dead)-ab12cd34", ".p6.new-\(dead)-ab12cd34", ".p9.new-\(dead)-ab12cd34", "p2",
        ])
        #expect(try tree(out + "/.env.old-\(dead)-ab12cd34") == [".env": Data("SECRET=1\n".utf8)])
    }

    @Test func anEarlierOutputOrphanedBetweenTwoRenamesIsRestored() throws {
        // A build without atomic exchange was killed after moving OUT/test
        // aside and before moving the new one in; the next build fails.
        let out = scratch("orphan")
        let dead = try deadProcess()
        let orphan = out + "/.test.old-\(dead)-ab12cd34"
        try write(Self.marker, orphan + "/.slutrapport-output")
        try write("<earlier/>\n", orphan + "/slutrapport.xml")
        try write(Self.marker, out + "/.test.new-\(dead)-ab12cd34/.slutrapport-output")
        let broken = try project(csv: "id,gender,start_date\n1,?,2021-01-01\n")
        let (_, outcome) = buildReports([broken.folder], out: out)
        // The restored report is the earlier one, and the note says so (issue 25).
        #expect(outcome.diagnostics.map(\.code) == [.unknownGender, .outputOutOfDate])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["test"])
        #expect(try tree(out + "/test") == [".slutrapport-output": Data(Self.marker.utf8), "slutrapport.xml": Data("<earlier/>\n".utf8)])
    }

    @Test func withoutAtomicExchangeTheEarlierOutputGoesOnlyOnceTheNewIsIn() throws {
        let out = scratch("renames")
        let f = try project()
        var calls = OutputCalls.system
        calls.exchange = { _, _ in EINVAL }
        let first = buildReports([f.folder], out: out).outcome
        #expect(!first.hasErrors)
        let earlier = try tree(out + "/test")
        // The second rename (the new output in) fails: the earlier output is put back.
        var failing = calls
        failing.rename = { from, to in from.contains(".test.new-") ? EXDEV : OutputCalls.system.rename(from, to) }
        var options = BuildOptions()
        options.outputFolder = out
        var batch = Batch(options: options, templatesFolder: templatesFolder)
        batch.outputCalls = failing
        let second = batch.run(paths: [f.folder], write: true)
        #expect(second.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code.rawValue)" }
            == ["\(out)/test:1:1 output-failed"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["test"])
        #expect(try tree(out + "/test") == earlier)
        // Both renames succeed: the new output is in, the earlier one gone, nothing left beside.
        try Data("id,gender,start_date\n1,man,2021-01-01\n".utf8).write(to: URL(fileURLWithPath: f.folder + "/participants.csv"))
        batch.outputCalls = calls
        #expect(!batch.run(paths: [f.folder], write: true).hasErrors)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["test"])
        #expect(try String(contentsOfFile: out + "/test/slutrapport.xml", encoding: .utf8).contains("men=\"1\""))
    }
}
