import Foundation
import Testing
@testable import SlutrapportKit

/// The writer seam: every `--format` has a writer in `FormatWriters`, and a
/// project's files are exactly what its writers give (issue 13).
@Suite struct FormatWritersTests {
    @Test func everyFormatHasAWriterThatGivesItsReport() throws {
        let templates = try #require(TemplateSet.load(folder: templatesFolder).0)
        let writers = FormatWriters.report(templates: templates, validator: try XMLSchemaValidator(schemaPath: templates.schemaPath))
        #expect(Set(writers.map(\.format)) == Set(OutputFormat.allCases))
        let charts = ["charts/avslutsorsaker.svg", "charts/delprojekt.svg", "charts/mal.svg", "charts/over-tid.svg"]
        for format in OutputFormat.allCases {
            let (out, outcome) = buildReports([repositoryRoot + "/data/vak2"]) { $0.formats = [format] }
            #expect(outcome.built == 1)
            #expect(try tree(out + "/vak2").keys.sorted() == [".slutrapport-output"] + (format == .md ? charts : []) + [format.fileName], "\(format)")
        }
    }
}
