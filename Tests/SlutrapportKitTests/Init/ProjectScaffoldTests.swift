import Foundation
import Testing
@testable import SlutrapportKit

/// `slutrapport init` creates files and never writes through a link (issue 12);
/// `--esf-plus` starts an ESF+ project (issue 17).
@Suite struct ProjectScaffoldTests {
    static let esfHeader = "id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities,malgrupp,"
        + "labour_status,education,disability,third_country_national,foreign_background,minority,homeless,rural,qualification"

    /// The ESF+ skeleton passes `check --strict` as written, and its one
    /// example participant shows in the indicators it should: a woman, long-term
    /// unemployed, ISCED 3–4, of foreign background, who left for work with a
    /// qualification.
    @Test func theESFPlusSkeletonChecksCleanAndCountsItsExampleRow() throws {
        let folder = scratch("init") + "/esf"
        let (status, stderr) = try runCLI(["init", folder, "--esf-plus"])
        #expect(status == 0, "\(stderr)")
        let (check, messages) = try runCLI(["check", folder, "--strict"])
        #expect(check == 0, "\(messages)")
        let yaml = try String(contentsOfFile: folder + "/project.yaml", encoding: .utf8)
        #expect(yaml.contains("\nesf_plus: true\n"))
        #expect(yaml.contains("metric: breakdown_share\n    breakdown: labour_status\n    values: [long_term_unemployed]"))
        #expect(yaml.contains("\nbreakdowns:\n  - id: malgrupp\n"))
        let csv = try String(contentsOfFile: folder + "/participants.csv", encoding: .utf8)
        #expect(csv.hasPrefix(Self.esfHeader + "\n"))
        let (_, figures) = try reportView(folder: folder, ReportChoices())
        let esf = try #require(figures.esf)
        let one = GenderCounts(women: 1)
        for indicator in [ESFIndicator.total, .unemployed, .longTermUnemployed, .isced34, .foreignBackground, .employment, .qualification] {
            #expect(esf[indicator] == one, "\(indicator)")
        }
        for indicator in [ESFIndicator.inactive, .employed, .below18, .age55Plus, .disability, .minority, .educationTraining, .jobSearching] {
            #expect(esf[indicator] == GenderCounts(), "\(indicator)")
        }
        #expect(esf[.age18to29] == one)  // born 1998, started 2024
        #expect(esf.notStated.allSatisfy { $0.counts == GenderCounts() })
        #expect(figures.breakdowns.first?.values == [one, GenderCounts()])  // malgrupp: unga
        #expect(figures.goals.map { $0.met } == [false, true, true, false, true, true])
    }

    /// Without `--esf-plus` the skeleton says how to turn ESF+ on, and still
    /// shows a breakdown of its own (`check --strict` is `initThenCheckPasses`).
    @Test func thePlainSkeletonHasESFPlusOff() throws {
        let folder = scratch("init") + "/plain"
        #expect(try runCLI(["init", folder]).status == 0)
        let yaml = try String(contentsOfFile: folder + "/project.yaml", encoding: .utf8)
        #expect(yaml.contains("\nesf_plus: false\n"))
        #expect(yaml.contains("slutrapport init --esf-plus"))
        let csv = try String(contentsOfFile: folder + "/participants.csv", encoding: .utf8)
        #expect(csv.hasPrefix("id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities,malgrupp\n"))
    }

    @Test(arguments: ["project.yaml", "participants.csv", "counts.csv"])
    func aDanglingLinkIsRefusedAndNothingWritten(file: String) throws {
        let folder = scratch("init") + "/nytt"
        let outside = scratch("init-outside") + ".txt"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/" + file, withDestinationPath: outside)
        let (status, stderr) = try runCLI(["init", folder])
        #expect(status == 1)
        #expect(stderr == "error: \(folder)/\(file) exists already (a symbolic link); nothing written\n")
        #expect(!FileManager.default.fileExists(atPath: outside))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [file])
    }

    @Test func aLinkToAnExistingFileIsRefusedToo() throws {
        let folder = scratch("init") + "/nytt"
        let outside = scratch("init-outside") + ".txt"
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/participants.csv", withDestinationPath: outside)
        #expect(throws: ProjectScaffold.Failure.self) { try ProjectScaffold.write(to: folder, name: nil) }
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "keep\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["participants.csv"])
    }

    /// A name `check` would refuse is refused by `init`, a usage error with
    /// nothing written (issue 24: `init --name ""` wrote a project that `check` refused).
    @Test(arguments: [
        ("", "--name must not be empty"),
        ("   ", "--name must not be empty"),
        ("Väst\u{07}i arbete", "--name holds the control character U+0007; remove it"),
        ("Väst\u{1B}[31m", "--name holds the control character U+001B; remove it"),
        ("Väst\u{85}", "--name holds the control character U+0085; remove it"),
        ("Väst\u{FFFE}", "--name holds the character U+FFFE, which is no text; remove it"),
    ]) func aNameCheckWouldRefuseIsAUsageError(name: String, message: String) throws {
        let folder = scratch("init-name") + "/nytt"
        let (status, stderr) = try runCLI(["init", folder, "--name", name])
        #expect(status == 2)
        #expect(stderr.hasPrefix("Error: \(message)\n"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    /// Without --name the folder's name is the project's: one `check` would refuse is refused too.
    @Test func aFolderNameCheckWouldRefuseIsAUsageError() throws {
        let folder = scratch("init-name") + "/nytt\u{01}"
        let (status, stderr) = try runCLI(["init", folder])
        #expect(status == 2)
        #expect(stderr.hasPrefix("Error: the folder's name, the project's name without --name, holds the control character U+0001; give --name\n"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder))
        // And a name that is text is written as given, and checks clean.
        let good = scratch("init-name") + "/vast"
        #expect(try runCLI(["init", good, "--name", "Väst i arbete"]).status == 0)
        #expect(try runCLI(["check", good, "--strict"]).status == 0)
    }
}
