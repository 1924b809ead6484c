import Foundation
import Testing
@testable import SlutrapportKit

/// `slutrapport init` creates files and never writes through a link (issue 12).
@Suite struct ProjectScaffoldTests {
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
}
