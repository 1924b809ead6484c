import Foundation
import Testing
@testable import SlutrapportKit

@Suite struct DiagnosticFormatterTests {
    let d = Diagnostic(.error, .unknownGender, "unknown gender \"?\"", at: SlutrapportKit.SourceLocation(file: "data/x/participants.csv", line: 4, column: 5))

    @Test func textJSONAndGitHub() {
        #expect(DiagnosticFormatter.text(d) == "data/x/participants.csv:4:5: error: unknown gender \"?\" [unknown-gender]")
        #expect(DiagnosticFormatter.json(d) ==
            #"{"file":"data/x/participants.csv","line":4,"column":5,"severity":"error","code":"unknown-gender","message":"unknown gender \"?\""}"#)
        #expect(DiagnosticFormatter.github(d) == "::error file=data/x/participants.csv,line=4,col=5::unknown gender \"?\"")
    }

    @Test func everyCodeIsDocumented() throws {
        let doc = try String(contentsOfFile: repositoryRoot + "/docs/input.md", encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(doc.contains("| `\(code.rawValue)` |"), "docs/input.md lacks \(code.rawValue)")
        }
    }

    /// Data in a path or a message (a folder name, a YAML value) can hold
    /// line breaks and terminal escapes: every format keeps a diagnostic on
    /// one line, no text line starts with `::` (a workflow command under
    /// GitHub Actions) and no line holds `##[` (the runner's older command
    /// prefix, honoured anywhere in a line).
    @Test func everyFormatKeepsADiagnosticOnOneLineAndStartsNoCommand() {
        let message = "not 'fr\n::add-mask::hemligt\r\u{1B}[2J\u{85}x\u{2028}y\tz ##[add-mask]w 100%, a:b'"
        let d = Diagnostic(.error, .invalidValue, message, at: SlutrapportKit.SourceLocation(file: " ::error file=a,b::c\n/p.yaml", line: 2, column: 7))
        #expect(DiagnosticFormatter.text(d) ==
            #"./ ::error file=a,b::c\n/p.yaml:2:7: error: not 'fr\n::add-mask::hemligt\r\u001b[2J\u0085x\u2028y\tz ##\[add-mask]w 100%, a:b' [invalid-value]"#)
        #expect(DiagnosticFormatter.json(d) == #"{"file":" ::error file=a,b::c\n/p.yaml","line":2,"column":7,"severity":"error","code":"invalid-value","#
            + #""message":"not 'fr\n::add-mask::hemligt\r\u001b[2J\u0085x\u2028y\tz #\u0023[add-mask]w 100%, a:b'"}"#)
        #expect(DiagnosticFormatter.github(d) == "::error file= %3A%3Aerror file=a%2Cb%3A%3Ac%0A/p.yaml,line=2,col=7::"
            + #"not 'fr%0A::add-mask::hemligt%0D\u001b[2J\u0085x\u2028y\tz ##\[add-mask]w 100%25, a:b'"#)
        let note = Diagnostic(.note, .csvWindows1252, "read as Windows-1252", at: SlutrapportKit.SourceLocation(file: "a.csv", line: 1, column: 1))
        #expect(DiagnosticFormatter.github(note) == "::notice file=a.csv,line=1,col=1::read as Windows-1252")
        #expect(DiagnosticFormatter.oneLine("data/vak2") == "data/vak2")
    }

    /// A project folder whose name holds a line break and a workflow
    /// command, and a YAML value that holds another, through the command
    /// line under GitHub Actions: each diagnostic is one text line and one
    /// annotation, and the summary names the folder escaped.
    @Test func aFolderNameWithALineBreakStaysOnOneLine() throws {
        let f = try Fixture(["project.yaml": "name: T\nperiod: {start: 2021-01-01, end: 2021-12-31}\nreport: {lang: \"fr\\n::add-mask::hemligt\"}\n"],
                            name: "x\n::error file=y::boom")
        let (status, stderr) = try runCLI(["check", f.folder, "--templates", templatesFolder], environment: ["GITHUB_ACTIONS": "true"])
        #expect(status == 1)
        let shown = f.parent + #"/x\n::error file=y::boom"#
        let property = f.parent + "/x%0A%3A%3Aerror file=y%3A%3Aboom"
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 6)
        #expect(Array(lines.prefix(4)) == [
            #"\#(shown)/project.yaml:1:1: error: the folder name 'x\n::error file=y::boom' is not a valid project id (a-z, 0-9, '-'); add 'id:' to project.yaml [invalid-id]"#,
            "::error file=\(property)/project.yaml,line=1,col=1::the folder name 'x%0A::error file=y::boom' is not a valid project id (a-z, 0-9, '-'); add 'id:' to project.yaml",
            #"\#(shown)/project.yaml:3:16: error: report.lang must be 'sv' or 'en', not 'fr\n::add-mask::hemligt' [invalid-value]"#,
            "::error file=\(property)/project.yaml,line=3,col=16::report.lang must be 'sv' or 'en', not 'fr%0A::add-mask::hemligt'",
        ])
        #expect(lines[4].hasPrefix("checked 0 projects, 1 failed, 0 warnings in ") && lines[4].hasSuffix(" s; failed: \(shown)"))
        #expect(lines[5] == "")
    }

    /// On a terminal a batch shows a progress line naming each folder: it
    /// is escaped too. `script` (util-linux) gives the run a terminal.
    @Test func theProgressLineEscapesTheFolderName() throws {
        let f = try Fixture(["project.yaml": "id: p\nname: T\nperiod: {start: 2021-01-01, end: 2021-12-31}\n"], name: "x\n::error file=y::boom")
        let binary = [Bundle.main.bundleURL.appendingPathComponent("slutrapport").path, repositoryRoot + "/.build/debug/slutrapport"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) ?? ""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(binary)' check \"$FOLDER\" --templates '\(templatesFolder)'", "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(["FOLDER": f.folder]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let shown = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(shown.hasPrefix("\r\u{1B}[K[1/1] \(f.parent)/x\\n::error file=y::boom\r\u{1B}[Kchecked 1 project, 0 failed, 0 warnings in "))
        #expect(shown.utf8.filter { $0 == 0x0A }.count == 1)
    }
}
