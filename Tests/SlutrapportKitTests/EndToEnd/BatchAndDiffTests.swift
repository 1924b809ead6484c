import Foundation
import Testing
@testable import SlutrapportKit

/// Every file under `folder`, relative path → bytes.
func tree(_ folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let e = FileManager.default.enumerator(atPath: folder)
    while let path = e?.nextObject() as? String {
        var isFolder: ObjCBool = false
        FileManager.default.fileExists(atPath: "\(folder)/\(path)", isDirectory: &isFolder)
        if !isFolder.boolValue { files[path] = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(path)")) }
    }
    return files
}

@Suite struct BatchAndDiffTests {
    let work = scratch("batch")

    @Test func jobsDoNotChangeABit() throws {
        for jobs in ["1", "2"] {
            #expect(try runCLI(["build", "data", "--out", "\(work)/jobs\(jobs)", "--jobs", jobs, "--quiet"]).status == 0)
        }
        let one = try tree("\(work)/jobs1"), two = try tree("\(work)/jobs2")
        #expect(one.count == 44)  // 5 projects × 5 reports and a marker, 11 charts, one narrative image, the index in 2 formats
        #expect(one == two)
    }

    @Test func generatedDateOnlyWithSourceDateEpoch() throws {
        #expect(try runCLI(["build", "data/vak2", "--out", "\(work)/plain", "--quiet"]).status == 0)
        #expect(try runCLI(["build", "data/vak2", "--out", "\(work)/dated", "--quiet"], environment: ["SOURCE_DATE_EPOCH": "1669852800"]).status == 0)
        let plain = try String(contentsOfFile: "\(work)/plain/vak2/slutrapport.xml", encoding: .utf8)
        let dated = try String(contentsOfFile: "\(work)/dated/vak2/slutrapport.xml", encoding: .utf8)
        #expect(!plain.contains("generated="))
        #expect(dated.contains(" generated=\"2022-12-01\">"))
        #expect(try String(contentsOfFile: "\(work)/dated/vak2/slutrapport.html", encoding: .utf8).contains("Skapad <time datetime=\"2022-12-01\">"))
    }

    @Test func diffNamesExactlyWhatMoved() throws {
        #expect(try runCLI(["build", "data", "--out", "\(work)/old", "--quiet"]).status == 0)
        // An evaluator fixes one participant's exit reason.
        try FileManager.default.copyItem(atPath: repositoryRoot + "/data", toPath: "\(work)/data")
        let csv = "\(work)/data/vak2/participants.csv"
        let rows = try String(contentsOfFile: csv, encoding: .utf8)
        let fixed = rows.replacingOccurrences(of: "VA2-0020,kristinehamn,kvinna,1999,2021-01-05,2022-02-12,avbrutit,",
                                              with: "VA2-0020,kristinehamn,kvinna,1999,2021-01-05,2022-02-12,arbete,")
        #expect(fixed != rows)
        try Data(fixed.utf8).write(to: URL(fileURLWithPath: csv))
        #expect(try runCLI(["build", "\(work)/data", "--out", "\(work)/new", "--quiet"]).status == 0)

        for format in DiffFormatter.Style.allCases {
            let out = Pipe()
            let (status, _) = try runCLI(["diff", "\(work)/old", "\(work)/new", "--format", format.rawValue], stdout: out)
            #expect(status == 1)
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            try assertGolden(text, "\(repositoryRoot)/Tests/SlutrapportKitTests/Golden/diff/exit-reason.\(format.rawValue == "md" ? "md" : format.rawValue == "json" ? "jsonl" : "txt")")
        }
        #expect(try runCLI(["diff", "\(work)/old", "\(work)/old"]).status == 0)
        #expect(try runCLI(["diff", "\(work)/old", "\(work)/saknas"]).status == 2)
    }

    @Test func initThenCheckPasses() throws {
        let folder = "\(work)/Nytt Projekt"
        #expect(try runCLI(["init", folder, "--name", "Väst i arbete"]).status == 0)
        let (status, stderr) = try runCLI(["check", folder, "--strict"])
        #expect(status == 0, "\(stderr)")
        let yaml = try String(contentsOfFile: "\(folder)/project.yaml", encoding: .utf8)
        #expect(yaml.contains("id: nytt-projekt\n") && yaml.contains("name: \"Väst i arbete\"\n"))
        // Every key of project.yaml is there, each under a comment saying what it is for
        // (`sheet`, `data` and `data_kind` commented out: a workbook's first sheet, and the folder's participant file, are read unless they name others).
        for key in ProjectLoader.topKeys {
            let commented = ["sheet", "data", "data_kind"].contains(key)
            #expect(yaml.range(of: "#[^\n]*\n\(commented ? "# " : "")\(key):", options: .regularExpression) != nil, "\(key)")
        }
        #expect(try runCLI(["init", folder]).status == 1)  // never overwrites
    }
}
