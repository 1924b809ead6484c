import Foundation
import Testing
@testable import SlutrapportKit

/// The text outputs and the charts of data/vak2, in Swedish and in English,
/// against files kept next to this test. Re-record with SLUTRAPPORT_RECORD=1
/// after a deliberate change, and read the diff.
@Suite struct GoldenTests {
    static let files = [OutputFormat.md, .html, .xml].map(\.fileName) + ["charts/avslutsorsaker.svg", "charts/delprojekt.svg", "charts/mal.svg"]

    @Test(arguments: [Language.sv, .en])
    func vak2MatchesItsGoldenFiles(lang: Language) throws {
        let (out, outcome) = buildReports([repositoryRoot + "/data/vak2"]) { $0.lang = lang }
        #expect(!outcome.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.text))")
        let folder = lang == .sv ? "vak2" : "vak2-en"
        for file in Self.files {
            let actual = try String(contentsOfFile: "\(out)/vak2/\(file)", encoding: .utf8)
            try assertGolden(actual, "\(repositoryRoot)/Tests/SlutrapportKitTests/Golden/\(folder)/\(file)")
        }
    }
}

func assertGolden(_ actual: String, _ goldenPath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let fm = FileManager.default
    if ProcessInfo.processInfo.environment["SLUTRAPPORT_RECORD"] == "1" || !fm.fileExists(atPath: goldenPath) {
        try fm.createDirectory(atPath: (goldenPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: URL(fileURLWithPath: goldenPath))
        if ProcessInfo.processInfo.environment["SLUTRAPPORT_RECORD"] != "1" {
            Issue.record("recorded missing golden file \(goldenPath); check it in", sourceLocation: sourceLocation)
        }
        return
    }
    let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
    guard actual != expected else { return }
    let actualPath = scratch("actual")
    try Data(actual.utf8).write(to: URL(fileURLWithPath: actualPath))
    let diff = Process()
    diff.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
    diff.arguments = ["-u", goldenPath, actualPath]
    let pipe = Pipe()
    diff.standardOutput = pipe
    try diff.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    diff.waitUntilExit()
    Issue.record("output differs from \(goldenPath) (re-record with SLUTRAPPORT_RECORD=1):\n\(text.prefix(4000))", sourceLocation: sourceLocation)
}
