import Foundation
import Testing
@testable import SlutrapportKit

/// Every input a fuzzer once found trouble with, replayed (Tests/Fixtures/fuzz).
@Suite struct FuzzRegressionTests {
    static let folder = repositoryRoot + "/Tests/Fixtures/fuzz"
    static let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0 != "README.md" }.sorted()

    @Test func everyKeptInputEndsInFiguresOrDiagnostics() throws {
        let csv = FuzzHarness(projectYAML: "name: Fuzz\nperiod: {start: 2020-01-01, end: 2023-12-31}\nsubprojects: [{id: a, name: A}]\n")
        let other = FuzzHarness(projectYAML: nil)
        for name in Self.inputs {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(name)"))
            if name.hasPrefix("csv-") {
                csv.run(files: ["participants.csv": data])
            } else if name.hasPrefix("yaml-") {
                other.run(files: ["project.yaml": data])
            } else {
                let split = data.firstIndex(of: 0) ?? data.endIndex
                other.run(files: ["project.yaml": data[..<split], "participants.csv": split < data.endIndex ? data[(split + 1)...] : Data()])
            }
        }
    }
}
