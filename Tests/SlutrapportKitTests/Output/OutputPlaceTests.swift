import Foundation
import Testing
@testable import SlutrapportKit

/// An output folder that is, holds or lies inside a project folder is a
/// usage error before anything is written (issue 12: `build data/vak2 --out
/// data` deleted the project it built).
@Suite struct OutputPlaceTests {
    /// A copy of data/ (four projects) in a fresh scratch folder, and its files' bytes.
    func dataCopy() throws -> (data: String, before: [String: Data]) {
        let data = scratch("place") + "/data"
        try FileManager.default.createDirectory(atPath: (data as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repositoryRoot + "/data", toPath: data)
        return (data, try tree(data))
    }

    func expectRefused(_ arguments: [String], cwd: String, data: String, before: [String: Data], message: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let (status, stderr) = try runCLI(arguments + ["--templates", templatesFolder], cwd: cwd)
        #expect(status == 2, sourceLocation: sourceLocation)
        #expect(stderr.hasPrefix("Error: " + message + "\n"), "\(stderr)", sourceLocation: sourceLocation)
        #expect(try tree(data) == before, "the projects changed", sourceLocation: sourceLocation)
    }

    @Test func anOutputFolderHoldingTheProjectIsRefused() throws {
        let (data, before) = try dataCopy()
        try expectRefused(["build", data + "/vak2", "--out", data], cwd: repositoryRoot, data: data, before: before,
                          message: "--out '\(data)' holds the project folder \(data)/vak2; choose an output folder outside every project folder")
        try expectRefused(["build", data, "--out", data], cwd: repositoryRoot, data: data, before: before,
                          message: "--out '\(data)' holds the project folder \(data)/bidrag-till-forsorjning; choose an output folder outside every project folder")
        try expectRefused(["build", ".", "--out", ".."], cwd: data + "/vak2", data: data, before: before,
                          message: "--out '..' holds the project folder .; choose an output folder outside every project folder")
    }

    @Test func anOutputFolderThatIsOrLiesInsideTheProjectIsRefused() throws {
        let (data, before) = try dataCopy()
        try expectRefused(["build", "vak2", "--out", "vak2/"], cwd: data, data: data, before: before,
                          message: "--out 'vak2/' is the project folder vak2; choose an output folder outside every project folder")
        // Not there yet: its nearest existing folder decides.
        try expectRefused(["build", "vak2", "--out", "vak2/sections/new/../out"], cwd: data, data: data, before: before,
                          message: "--out 'vak2/sections/new/../out' lies inside the project folder vak2; choose an output folder outside every project folder")
    }

    @Test func aSymbolicLinkToTheProjectIsSeenThrough() throws {
        let (data, before) = try dataCopy()
        let link = (data as NSString).deletingLastPathComponent + "/published"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: data)
        try expectRefused(["build", data + "/vak2", "--out", link], cwd: repositoryRoot, data: data, before: before,
                          message: "--out '\(link)' holds the project folder \(data)/vak2; choose an output folder outside every project folder")
        try expectRefused(["build", link + "/vak2", "--out", data + "/vak2/out"], cwd: repositoryRoot, data: data, before: before,
                          message: "--out '\(data)/vak2/out' lies inside the project folder \(link)/vak2; choose an output folder outside every project folder")
    }

    @Test func anEmptyOutputFolderIsAUsageError() throws {
        let (data, before) = try dataCopy()
        try expectRefused(["build", ".", "--out", ""], cwd: data, data: data, before: before,
                          message: "--out needs a folder; '' names none")
    }

    @Test func anOutputFolderBesideTheProjectsIsFine() throws {
        let (data, _) = try dataCopy()
        let (status, _) = try runCLI(["build", "data/vak2", "--out", "out", "--quiet", "--templates", templatesFolder],
                                     cwd: (data as NSString).deletingLastPathComponent)
        #expect(status == 0)
        #expect(FileManager.default.fileExists(atPath: data + "/../out/vak2/slutrapport.xml"))
    }

    @Test func theLibraryRefusesToo() throws {
        let (data, before) = try dataCopy()
        let (_, outcome) = buildReports([data + "/vak2"], out: data + "/vak2")
        #expect(outcome.usageError == "--out '\(data)/vak2' is the project folder \(data)/vak2; choose an output folder outside every project folder")
        #expect(outcome.hasErrors)
        #expect(try tree(data) == before)
    }
}
