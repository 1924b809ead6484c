import Foundation
import Testing
@testable import SlutrapportKit

/// `slutrapport diff` compares builds only, never blocks on a file, and
/// takes time in proportion to the reports' size (issue 12).
@Suite struct FigureDiffTests {
    func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func foldersThatAreNotBuildsAreTrouble() throws {
        let built = scratch("diff") + "/out"
        #expect(try runCLI(["build", "data/kompetens-nord", "--out", built, "--quiet"]).status == 0)
        let empty = scratch("diff-empty"), other = scratch("diff-other")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try write("hello\n", other + "/notes/readme.txt")
        try write("<slutrapport/>\n", other + "/index.md")
        for (old, new, named) in [("/etc", built, "/etc"), (built, empty, empty), (other, built, other)] {
            let (status, stderr) = try runCLI(["diff", old, new])
            #expect(status == 2)
            #expect(stderr == "error: \(named) is not an output folder of slutrapport build "
                + "(it holds no <id>/slutrapport.xml, no folder with the .slutrapport-output marker and no index of slutrapport's)\n")
        }
        #expect(try runCLI(["diff", built, built]).status == 0)
    }

    @Test func aBuildWhoseProjectsAllFailedStillCompares() throws {
        let root = scratch("diff-failed")
        for id in ["a", "b"] { try write("name: [\n", "\(root)/data/\(id)/project.yaml") }
        #expect(try runCLI(["build", root + "/data", "--out", root + "/failed", "--quiet"]).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/failed").sorted() == ["index.html", "index.md"])
        #expect(try runCLI(["diff", root + "/failed", root + "/failed"]).status == 0)
        #expect(try runCLI(["build", "data/kompetens-nord", "--out", root + "/built", "--quiet"]).status == 0)
        let out = Pipe()
        #expect(try runCLI(["diff", root + "/failed", root + "/built"], stdout: out).status == 1)
        #expect(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "+ kompetens-nord: new project\n")
    }

    @Test func aReportThatIsAPipeIsRefusedWithoutBlocking() throws {
        let root = scratch("diff-fifo")
        #expect(try runCLI(["build", "data/kompetens-nord", "--out", root + "/old", "--quiet"]).status == 0)
        #expect(try runCLI(["build", "data/kompetens-nord", "--out", root + "/new", "--quiet"]).status == 0)
        let report = root + "/new/kompetens-nord/slutrapport.xml"
        try FileManager.default.removeItem(atPath: report)
        #expect(mkfifo(report, 0o600) == 0)
        let (status, stderr) = try runCLI(["diff", root + "/old", root + "/new"], timeout: 10)
        #expect(status == 2)
        #expect(stderr == "error: cannot read \(report): not a regular file\n")
    }

    /// 50,000 elements whose every figure moved: the grouping by element
    /// looked each one up in a list (40,000 took 6.6 s, 300,000 took 354 s,
    /// and these 81 s in a debug build); by a table it takes half a second.
    @Test func timeGrowsInProportionToTheReport() throws {
        let root = scratch("diff-large")
        let count = 50_000
        for (side, offset) in [("old", 0), ("new", 1)] {
            let exits = (0..<count).map { "<exit reason=\"r\($0)\" total=\"\($0 + offset)\"/>" }.joined(separator: "\n")
            try write("<slutrapport xmlns=\"urn:slutrapport:1\"><exits>\n\(exits)\n</exits></slutrapport>\n", "\(root)/\(side)/p/slutrapport.xml")
        }
        let clock = ContinuousClock()
        var diff = FigureDiff()
        let took = try clock.measure { diff = try FigureDiff.compare(old: root + "/old", new: root + "/new") }
        #expect(diff.changes.count == count && diff.figureCount == count)
        #expect(diff.changes.first == FigureDiff.Change(project: "p", path: ["exit r0"], figures: [.init(attribute: "total", old: "0", new: "1")]))
        #expect(diff.changes.last?.path == ["exit r\(count - 1)"])
        // Sixteen times what it takes, a tenth of what it took: neither a busy machine nor the old way passes wrongly.
        #expect(took < .seconds(8), "\(took)")
    }
}
