import Foundation
import Testing
@testable import SlutrapportFuzzSupport
@testable import SlutrapportKit

/// The kept inputs of `fuzz-templates` (Tests/Fixtures/fuzz-templates),
/// replayed: each loads or is refused with the error its case is about,
/// and what loads renders to the end.
@Suite struct TemplateFuzzTests {
    static let folder = repositoryRoot + "/Tests/Fixtures/fuzz-templates"
    static let expected: [String: [DiagnosticCode]] = [
        "cycle-self": [.templatePartialCycle], "cycle-two": [.templatePartialCycle],
        "cycle-set-delimiters": [.templatePartialCycle], "cycle-inheritance": [.templatePartialCycle],
        "deep": [.templatePartialDepth], "wide": [.templateTooLarge], "dynamic": [.templateDynamicPartial], "tags": [],
    ]

    @Test func everyKeptInputLoadsOrIsRefusedForItsReason() throws {
        let inputs = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0 != "README.md" }.sorted()
        #expect(inputs == Self.expected.keys.sorted())
        let harness = TemplateFuzzHarness()
        for name in inputs {
            let codes = harness.run(try Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(name)"))).map(\.code)
            #expect(codes == Self.expected[name], "\(name)")
        }
    }
}
