import Foundation
import Testing
@testable import SlutrapportKit

/// Runs the built `slutrapport` binary. `fileSizeLimitKiB` runs it under
/// `ulimit -f` (a write past it fails as on a full disk); `timeout` kills it
/// when it runs longer (a test for a hang fails instead of hanging).
func runCLI(_ arguments: [String], cwd: String = repositoryRoot, environment: [String: String] = [:],
            stdout: Pipe? = nil, fileSizeLimitKiB: Int? = nil, timeout: Double? = nil) throws -> (status: Int32, stderr: String) {
    let candidates = [Bundle.main.bundleURL.appendingPathComponent("slutrapport").path,
                      repositoryRoot + "/.build/debug/slutrapport"]
    guard let binary = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
        Issue.record("slutrapport binary not found in \(candidates)")
        return (-1, "")
    }
    let process = Process()
    if let fileSizeLimitKiB {
        // An ignored SIGXFSZ stays ignored across exec, so the write fails with EFBIG instead of killing.
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -f \(fileSizeLimitKiB); trap '' XFSZ; exec \"$0\" \"$@\"", binary] + arguments
    } else {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
    }
    process.currentDirectoryURL = URL(fileURLWithPath: cwd)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let err = Pipe()
    process.standardError = err
    if let stdout { process.standardOutput = stdout } else { process.standardOutput = FileHandle.nullDevice }
    try process.run()
    if let timeout {
        let running = process
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if running.isRunning { kill(running.processIdentifier, SIGKILL) } }
    }
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
}

@Suite struct CommandLineTests {
    @Test func checkPrintsEveryErrorWithItsPositionAndExitsOne() throws {
        let f = try Fixture(["project.yaml": minimalYAML + "subprojects: [{id: a, name: A}]\n",
                             "participants.csv": "id,subproject,gender,start_date\n1,a,kvinna,2021-01-01\n2,x,kvinna,2021-01-01\n3,a,?,2021-01-01\n"])
        let (status, stderr) = try runCLI(["check", f.folder, "--templates", templatesFolder])
        #expect(status == 1)
        let lines = stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.prefix(2) == [
            "\(f.folder)/participants.csv:3:3: error: the value in column 'subproject' is not the id or name of a subproject in project.yaml; project.yaml has a (A) [unknown-subproject]",
            "\(f.folder)/participants.csv:4:5: error: the value in column 'gender' is not a gender; use kvinna, man or annat [unknown-gender]",
        ])
        #expect(lines.last?.hasPrefix("checked 0 projects, 1 failed, 0 warnings in ") == true)
        #expect(lines.last?.hasSuffix(" s; failed: \(f.folder)") == true)
    }

    @Test func jsonDiagnosticsAndUsageErrors() throws {
        let f = try Fixture(["project.yaml": "name: [\n"])
        let (status, stderr) = try runCLI(["check", f.folder, "--diagnostics", "json", "--quiet", "--templates", templatesFolder])
        #expect(status == 1)
        #expect(stderr.hasPrefix("{\"file\":\"\(f.folder)/project.yaml\",\"line\":2,\"column\":1,\"severity\":\"error\",\"code\":\"yaml-syntax\","))
        #expect(try runCLI(["build", "--as-of", "30/9"]).status == 2)
    }

    @Test func buildSucceedsAndAFailedRebuildKeepsTheEarlierOutput() throws {
        let f = try Fixture(["project.yaml": minimalYAML, "participants.csv": "id,gender,start_date\n1,kvinna,2021-01-01\n"])
        let out = f.parent + "/out"
        #expect(try runCLI(["build", f.folder, "--out", out, "--templates", templatesFolder]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/test").sorted()
        #expect(files == [".slutrapport-output", "charts", "slutrapport.docx", "slutrapport.html", "slutrapport.md", "slutrapport.xlsx", "slutrapport.xml"])
        // The Markdown's chart by month is a file too.
        let written = files.filter { $0 != "charts" } + ["charts/over-tid.svg"]
        let before = try written.map { try Data(contentsOf: URL(fileURLWithPath: "\(out)/test/\($0)")) }

        try Data("id,gender,start_date\n1,kvinna,2021-01-01\n1,man,2021-01-01\n".utf8)
            .write(to: URL(fileURLWithPath: f.folder + "/participants.csv"))
        let (status, stderr) = try runCLI(["build", f.folder, "--out", out, "--templates", templatesFolder])
        #expect(status == 1)
        #expect(stderr.contains("participants.csv:3:1: error: duplicate participant id (first on line 2)"))
        let after = try written.map { try Data(contentsOf: URL(fileURLWithPath: "\(out)/test/\($0)")) }
        #expect(before == after)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["test"])  // no staging folders left
    }

    @Test func aBrokenProjectDoesNotStopTheBatch() throws {
        let good = try Fixture(["project.yaml": minimalYAML.replacingOccurrences(of: "id: test", with: "id: bra"),
                                "participants.csv": "id,gender,start_date\n1,kvinna,2021-01-01\n"], name: "bra")
        let batch = good.parent
        try FileManager.default.createDirectory(atPath: batch + "/trasig", withIntermediateDirectories: true)
        try Data("name: [\n".utf8).write(to: URL(fileURLWithPath: batch + "/trasig/project.yaml"))
        let (status, stderr) = try runCLI(["build", batch, "--out", batch + "/../out-batch", "--templates", templatesFolder])
        #expect(status == 1)
        #expect(stderr.contains("built 1 project, 1 failed, 0 warnings in "))
        #expect(stderr.hasSuffix(" s; failed: \(batch)/trasig\n"))
        #expect(FileManager.default.fileExists(atPath: batch + "/../out-batch/bra/slutrapport.html"))
        #expect(!FileManager.default.fileExists(atPath: batch + "/../out-batch/trasig"))
    }

    @Test func diagnosticsAreCappedAndGitHubGetsAnnotations() throws {
        let rows = (1...150).map { "\($0),okänd,2021-01-01" }.joined(separator: "\n")
        let f = try Fixture(["project.yaml": minimalYAML, "participants.csv": "id,gender,start_date\n" + rows + "\n"])
        let (status, stderr) = try runCLI(["check", f.folder, "--quiet", "--templates", templatesFolder], environment: ["GITHUB_ACTIONS": "true"])
        #expect(status == 1)
        let lines = stderr.split(separator: "\n")
        // 150 rows alike are one message (SPEC §2), with its annotation.
        #expect(lines.count == 2)
        #expect(lines[1] == "::error file=\(f.folder)/participants.csv,line=2,col=3::the value in column 'gender' is not a gender; "
                + "use kvinna, man or annat (150 rows: 2, 3, 4, 5, 6 and 145 more)")
    }

    @Test func aMillionBadRowsKeepTenThousandDiagnosticsAndCountTheRest() throws {
        let rows = String(repeating: "1,okänd,2021-01-01\n", count: 30_000)
        let f = try Fixture(["project.yaml": minimalYAML, "participants.csv": "id,gender,start_date\n" + rows])
        var log = DiagnosticLog()
        let project = try #require(f.load().0)
        (_, log) = ParticipantReader.read(project: project, asOf: project.period.end, path: f.folder + "/participants.csv", lang: .sv)
        #expect(log.all.count == DiagnosticLog.kept)
        #expect(log.errorCount == 30_000 + 29_999)  // an unknown gender on every row, a duplicate id on all but the first
        let (status, stderr) = try runCLI(["check", f.folder, "--quiet", "--templates", templatesFolder])
        #expect(status == 1)
        // The kept rows alike are one message each (gender, duplicate id); the rows past the cap are counted.
        #expect(stderr.split(separator: "\n").count == 3)
        #expect(stderr.hasSuffix("… and \(30_000 + 29_999 - DiagnosticLog.kept) more\n"))
        // JSON prints every diagnostic, so it keeps every one (SPEC §2: uncapped).
        let out = try runCLI(["check", f.folder, "--diagnostics", "json", "--templates", templatesFolder])
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 30_000 + 29_999 + 1)
        #expect(lines.last?.contains("\"errors\":59999,") == true && lines.last?.contains("\"notKept\":0,") == true, "\(lines.last ?? "")")
    }

    /// `--diagnostics json` is JSON on every line: each diagnostic the run
    /// keeps (no cap of 100, as text has), then the summary as an object of
    /// its own kind, which also counts what was not kept.
    @Test func everyLineOfTheJSONStreamIsJSON() throws {
        let rows = (1...150).map { "p\($0),okänd,2021-01-01\n" }.joined()
        let f = try Fixture(["project.yaml": minimalYAML, "participants.csv": "id,gender,start_date\n" + rows])
        let (status, stderr) = try runCLI(["check", f.folder, "--diagnostics", "json", "--templates", templatesFolder])
        #expect(status == 1)
        let lines = stderr.split(separator: "\n")
        #expect(lines.count == 151)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "\($0)") }
        #expect(objects.dropLast().allSatisfy { $0["code"] as? String == "unknown-gender" })
        let summary = try #require(objects.last)
        #expect(summary["kind"] as? String == "summary")
        #expect(summary["verb"] as? String == "checked")
        #expect(summary["built"] as? Int == 0)
        #expect(summary["failed"] as? [String] == [f.folder])
        #expect(summary["errors"] as? Int == 150)
        #expect(summary["warnings"] as? Int == 0)
        #expect(summary["notKept"] as? Int == 0)
        // With --quiet, the diagnostics alone.
        #expect(try runCLI(["check", f.folder, "--diagnostics", "json", "--quiet", "--templates", templatesFolder]).stderr.split(separator: "\n").count == 150)
    }

    @Test func anEmptyFormatListIsAUsageErrorAndKeepsTheEarlierReports() throws {
        let f = try Fixture(["project.yaml": minimalYAML])
        let out = f.parent + "/out"
        #expect(try runCLI(["build", f.folder, "--out", out, "--templates", templatesFolder]).status == 0)
        let before = try tree(out)
        for format in ["", ",", ",,"] {
            let (status, stderr) = try runCLI(["build", f.folder, "--out", out, "--format", format, "--templates", templatesFolder])
            #expect(status == 2)
            #expect(stderr.hasPrefix("Error: --format needs at least one of md, html, xml, docx, xlsx\n"), "\(stderr)")
            #expect(try tree(out) == before)
        }
    }

    /// A usage error quotes what was given: a line break in it must not
    /// start a new line, nor a GitHub workflow command.
    @Test func aUsageErrorKeepsTheArgumentOnItsLine() throws {
        for arguments in [["build", "--as-of", "x\n::add-mask::y"], ["build", "--lang", "x\n::error::y"],
                          ["build", "--format", "md,x\n::error::y"], ["build", "--unknown\n::error::y"]] {
            let (status, stderr) = try runCLI(arguments)
            #expect(status == 2, "\(arguments)")
            #expect(!stderr.split(separator: "\n").contains { $0.drop(while: \.isWhitespace).hasPrefix("::") }, "\(stderr)")
        }
        #expect(try runCLI(["build", "--as-of", "x\n::add-mask::y"]).stderr.hasPrefix("Error: --as-of must be a date YYYY-MM-DD, not 'x\\n::add-mask::y'\n"))
    }

    @Test func sourceDateEpochIsEmptyOrSecondsSince1970() throws {
        let f = try Fixture(["project.yaml": minimalYAML])
        let out = f.parent + "/out"
        for value in ["garbage", "-1", "1.5", " 1669852800", "1669852800 ", "0x10", "253402300800", "99999999999999999999999"] {
            let (status, stderr) = try runCLI(["build", f.folder, "--out", out, "--templates", templatesFolder], environment: ["SOURCE_DATE_EPOCH": value])
            #expect(status == 2, "\(value)")
            #expect(stderr.hasPrefix("Error: SOURCE_DATE_EPOCH must be empty or a whole number of seconds since 1970-01-01 UTC, from 0 to 253402300799\n"), "\(value): \(stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(value)")
        }
        for (value, date) in [("", nil), ("0", "1970-01-01"), ("253402300799", "9999-12-31")] {
            #expect(try runCLI(["build", f.folder, "--out", out, "--templates", templatesFolder], environment: ["SOURCE_DATE_EPOCH": value]).status == 0)
            let xml = try String(contentsOfFile: out + "/test/slutrapport.xml", encoding: .utf8)
            #expect(xml.contains(" generated=\"\(date ?? "")\"") == (date != nil), "\(value)")
            #expect(xml.contains(" generated=") == (date != nil), "\(value)")
        }
    }

    /// A full disk, as `ulimit -f` makes it: every write fails, and what was
    /// there stays as it was, with nothing left beside it.
    @Test func aFullDiskLeavesTheEarlierOutputAndNothingElse() throws {
        let out = scratch("full") + "/out"
        #expect(try runCLI(["build", "data", "--out", out, "--quiet"]).status == 0)
        let before = try tree(out)
        let (status, stderr) = try runCLI(["build", "data", "--out", out, "--quiet"], fileSizeLimitKiB: 0)
        #expect(status == 1)
        let files = stderr.split(separator: "\n").compactMap { $0.split(separator: ": error: ").first.map(String.init) }
        #expect(files == ["index.md", "index.html", "bidrag-till-forsorjning", "kompetens-nord", "merit", "samverk-nordost", "vak2"].map { "\(out)/\($0):1:1" })
        #expect(try tree(out) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") } == [])
    }

    /// Reports too large for the disk, an index that fits: the index says
    /// the reports could not be written, not that the data had errors.
    @Test func theIndexTellsAnOutputFailureFromAnInputError() throws {
        let out = scratch("full") + "/out"
        let (status, _) = try runCLI(["build", "data", "--out", out, "--quiet"], fileSizeLimitKiB: 5)
        #expect(status == 1)
        let index = try String(contentsOfFile: out + "/index.md", encoding: .utf8)
        #expect(index.contains("| Kompetens Nord |  |  |  |  |  |  | *kunde inte skrivas* |\n"), "\(index)")
        #expect(!index.contains("fel i indata"))
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(html.contains("<span class=\"failed\">kunde inte skrivas</span>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["index.html", "index.md"])
    }
}

/// `slutrapport chek data/x` built data/x into ./out (issue 25, SPEC §2): a
/// first argument that is no subcommand and no path is a usage error naming
/// the closest subcommand, with nothing read or written.
@Suite struct MisspelledCommandTests {
    @Test(arguments: [("chek", "check"), ("biuld", "build"), ("inti", "init"), ("dif", "diff"), ("Check", "check")])
    func aMisspelledSubcommandIsAUsageErrorWithDidYouMean(typed: String, meant: String) throws {
        let cwd = scratch("misspelled")
        try FileManager.default.createDirectory(atPath: cwd, withIntermediateDirectories: true)
        let (status, stderr) = try runCLI([typed, repositoryRoot + "/data/vak2"], cwd: cwd)
        #expect(status == 2)
        #expect(stderr.hasPrefix("error: '\(typed)' is no subcommand of slutrapport, nor a file or folder here; did you mean 'slutrapport \(meant)'?\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cwd) == [])
        let (jsonStatus, json) = try runCLI([typed, repositoryRoot + "/data/vak2", "--diagnostics", "json"], cwd: cwd)
        #expect(jsonStatus == 2)
        #expect(json.split(separator: "\n").first.map(String.init) == #"{"kind":"usage","severity":"error","code":"usage","message":"'"#
                + typed + #"' is no subcommand of slutrapport, nor a file or folder here; did you mean 'slutrapport "# + meant + #"'?"}"#)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cwd) == [])
    }

    /// A folder that is not there is no typo of a subcommand: the message lists them.
    @Test func aMissingFolderListsTheSubcommands() throws {
        let cwd = scratch("missing-first")
        try FileManager.default.createDirectory(atPath: cwd, withIntermediateDirectories: true)
        let (status, stderr) = try runCLI(["data/saknas"], cwd: cwd)
        #expect(status == 2)
        #expect(stderr.hasPrefix("error: 'data/saknas' is no subcommand of slutrapport, nor a file or folder here; "
                                  + "the subcommands are build, check, diff and init\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cwd) == [])
    }

    /// A project folder as the first argument still builds it (the default subcommand).
    @Test func anExistingPathIsStillBuilt() throws {
        let cwd = scratch("path-first")
        try FileManager.default.createDirectory(atPath: cwd, withIntermediateDirectories: true)
        let (status, stderr) = try runCLI([repositoryRoot + "/data/vak2", "--format", "md"], cwd: cwd)
        #expect(status == 0, "\(stderr)")
        #expect(FileManager.default.fileExists(atPath: cwd + "/out/vak2/slutrapport.md"))
    }
}

/// `init "Unga Vägar Värmland"` said "next: slutrapport check Unga Vägar
/// Värmland", which the shell splits into three paths (issue 25).
@Suite struct InitHintTests {
    @Test func theNextCommandQuotesAFolderWithSpaces() throws {
        let cwd = scratch("init-hint")
        try FileManager.default.createDirectory(atPath: cwd, withIntermediateDirectories: true)
        let (status, stderr) = try runCLI(["init", "Unga Vägar Värmland"], cwd: cwd)
        #expect(status == 0)
        #expect(stderr == "wrote Unga Vägar Värmland/project.yaml and Unga Vägar Värmland/participants.csv (one example row); "
                + "next: fill in project.yaml, put your participant list in the folder in place of participants.csv "
                + "(a workbook of any name will do), then run: slutrapport check 'Unga Vägar Värmland'\n")
    }
}
