import Foundation
import Testing
@testable import SlutrapportKit

/// The text outputs, the charts, the Word report and the workbook of
/// data/vak2, in Swedish and in English, against files kept next to this test. Re-record with SLUTRAPPORT_RECORD=1
/// after a deliberate change, and read the diff.
@Suite struct GoldenTests {
    static let files = [OutputFormat.md, .html, .xml].map(\.fileName) + ["charts/avslutsorsaker.svg", "charts/delprojekt.svg", "charts/mal.svg", "charts/over-tid.svg"]

    @Test(arguments: [Language.sv, .en])
    func vak2MatchesItsGoldenFiles(lang: Language) throws {
        let (out, outcome) = buildReports([repositoryRoot + "/data/vak2"]) { $0.lang = lang }
        #expect(!outcome.hasErrors, "\(outcome.diagnostics.map(DiagnosticFormatter.text))")
        let folder = lang == .sv ? "vak2" : "vak2-en"
        for file in Self.files {
            let actual = try String(contentsOfFile: "\(out)/vak2/\(file)", encoding: .utf8)
            try assertGolden(actual, "\(repositoryRoot)/Tests/SlutrapportKitTests/Golden/\(folder)/\(file)")
        }
        for package in [OutputFormat.docx, .xlsx].map(\.fileName) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(out)/vak2/\(package)"))
            try assertGoldenPackage(bytes, "\(repositoryRoot)/Tests/SlutrapportKitTests/Golden/\(folder)/\(package)")
        }
    }
}

/// A .docx or .xlsx byte for byte; when it differs, the parts that differ, each as a text diff.
func assertGoldenPackage(_ actual: Data, _ goldenPath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let fm = FileManager.default
    let record = ProcessInfo.processInfo.environment["SLUTRAPPORT_RECORD"] == "1"
    if record || !fm.fileExists(atPath: goldenPath) {
        try fm.createDirectory(atPath: (goldenPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try actual.write(to: URL(fileURLWithPath: goldenPath))
        if !record { Issue.record("recorded missing golden file \(goldenPath); check it in", sourceLocation: sourceLocation) }
        return
    }
    let expected = try Data(contentsOf: URL(fileURLWithPath: goldenPath))
    guard actual != expected else { return }
    let actualPath = scratch("actual." + (goldenPath as NSString).pathExtension)
    try actual.write(to: URL(fileURLWithPath: actualPath))
    let (old, new) = (try DocxReading(path: goldenPath), try DocxReading(path: actualPath))
    guard old.names == new.names else {
        Issue.record("\(goldenPath): the parts differ: \(old.names) against \(new.names) (re-record with SLUTRAPPORT_RECORD=1)",
                     sourceLocation: sourceLocation)
        return
    }
    let changed = old.names.filter { old.parts[$0] != new.parts[$0] }
    let place = changed.isEmpty ? "same parts, other zip bytes" : "in \(changed)"
    Issue.record("\(goldenPath) differs, \(place) (re-record with SLUTRAPPORT_RECORD=1)", sourceLocation: sourceLocation)
    for part in changed {
        try assertGolden(oneElementALine(new.text(part)), writeScratch(oneElementALine(old.text(part)), part), sourceLocation: sourceLocation)
    }
}

/// A part's XML with a line break between elements, so that a diff shows the element that changed.
private func oneElementALine(_ xml: String) -> String {
    xml.replacingOccurrences(of: "><", with: ">\n<")
}

/// A golden part kept under the scratch folder, for `assertGolden`'s diff.
private func writeScratch(_ text: String, _ part: String) throws -> String {
    let path = scratch("golden-" + part.replacingOccurrences(of: "/", with: "_"))
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
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
