import Foundation
import Testing
@testable import SlutrapportKit

/// Builds killed or crossing each other never leave a project's output half
/// written, and nothing is written where the output folder cannot take it.
@Suite(.serialized) struct FaultTests {
    /// A batch of `count` copies of data/vak2, each with its own id.
    func batch(_ count: Int) throws -> String {
        let root = scratch("faults")
        let yaml = try String(contentsOfFile: repositoryRoot + "/data/vak2/project.yaml", encoding: .utf8)
        for i in 0..<count {
            let folder = "\(root)/data/p\(i)"
            try FileManager.default.createDirectory(atPath: folder + "/sections", withIntermediateDirectories: true)
            try Data(yaml.replacingOccurrences(of: "id: vak2", with: "id: p\(i)").utf8).write(to: URL(fileURLWithPath: folder + "/project.yaml"))
            for file in ["participants.csv", "sections/sammanfattning.md", "sections/metod.md"] {
                try FileManager.default.copyItem(atPath: repositoryRoot + "/data/vak2/" + file, toPath: folder + "/" + file)
            }
        }
        return root
    }

    /// Every project folder holds every file, and its XML is the one its Markdown belongs to.
    func assertWhole(_ out: String, projects: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let validator = try XMLSchemaValidator(schemaPath: templatesFolder + "/slutrapport.xsd")
        for i in 0..<projects {
            let folder = "\(out)/p\(i)"
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            #expect(files == [".slutrapport-output", "charts", "slutrapport.docx", "slutrapport.html", "slutrapport.md", "slutrapport.xlsx", "slutrapport.xml"], sourceLocation: sourceLocation)
            let xml = try String(contentsOfFile: folder + "/slutrapport.xml", encoding: .utf8)
            #expect(validator.validate(xml).isEmpty, sourceLocation: sourceLocation)
            let dated = xml.contains("generated=")
            let markdown = try String(contentsOfFile: folder + "/slutrapport.md", encoding: .utf8)
            #expect(markdown.contains("· Skapad ") == dated, "\(folder): files from two builds", sourceLocation: sourceLocation)
        }
    }

    @Test func killedBuildsLeaveEveryProjectWhole() throws {
        let root = try batch(40)
        let out = root + "/out"
        #expect(try runCLI(["build", root + "/data", "--out", out, "--quiet"]).status == 0)
        guard let binary = [Bundle.main.bundleURL.appendingPathComponent("slutrapport").path, repositoryRoot + "/.build/debug/slutrapport"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else { return }
        for delay in [0.05, 0.15, 0.3, 0.5, 0.8] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = ["build", root + "/data", "--out", out, "--quiet", "--templates", templatesFolder]
            p.environment = ["SOURCE_DATE_EPOCH": String(Int(delay * 1000))]
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            try assertWhole(out, projects: 40)
        }
        // The next build clears what the killed ones left behind.
        #expect(try runCLI(["build", root + "/data", "--out", out, "--quiet"]).status == 0)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }
        #expect(hidden == [])
        try assertWhole(out, projects: 40)
    }

    @Test func twoBuildsAtOnceBothFinishWhole() throws {
        let root = try batch(20)
        let out = root + "/out"
        let builds = (0..<2).map { n -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: [Bundle.main.bundleURL.appendingPathComponent("slutrapport").path,
                                                    repositoryRoot + "/.build/debug/slutrapport"].first(where: FileManager.default.isExecutableFile(atPath:)) ?? "")
            p.arguments = ["build", root + "/data", "--out", out, "--quiet", "--templates", templatesFolder]
            p.environment = n == 0 ? [:] : ["SOURCE_DATE_EPOCH": "1669852800"]
            return p
        }
        for p in builds { try p.run() }
        for p in builds { p.waitUntilExit() }
        #expect(builds.map(\.terminationStatus) == [0, 0])
        try assertWhole(out, projects: 20)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") } == [])
    }

    @Test func anOutputFolderThatCannotBeWrittenGivesAnErrorAndNothingElse() throws {
        let root = try batch(1)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: root + "/file"))
        let (status, stderr) = try runCLI(["build", root + "/data", "--out", root + "/file/out"])
        #expect(status == 1)
        #expect(stderr.contains("\(root)/file/out/p0:1:1: error: cannot write the output"))
        #expect(try String(contentsOfFile: root + "/file", encoding: .utf8) == "not a folder")
    }
}
