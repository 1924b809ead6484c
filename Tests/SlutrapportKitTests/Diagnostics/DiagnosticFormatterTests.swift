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
}
