import Foundation
import Testing
@testable import SlutrapportKit

/// Every input file is a regular file resolving inside the project folder
/// (SPEC §3), and nothing blocks on open.
@Suite struct InputFileTests {
    let yaml = minimalYAML
    let csv = "id,gender,start_date\nQZID0001,kvinna,2021-02-01\n"

    @Test func aLinkInsideTheProjectIsRead() throws {
        let f = try Fixture(["project.yaml": yaml, "data/export.csv": csv])
        try FileManager.default.createSymbolicLink(atPath: f.folder + "/participants.csv", withDestinationPath: "data/export.csv")
        let (status, stderr) = try runCLI(["check", f.folder, "--quiet", "--templates", templatesFolder])
        #expect(status == 0)
        #expect(stderr == "")
    }

    @Test func aLinkOutOfTheProjectIsRefusedForEveryInputFile() throws {
        let outside = try Fixture(["project.yaml": yaml, "participants.csv": csv, "counts.csv": "gender,exit_reason,count\nkvinna,,1\n"], name: "outside")
        for name in ["participants.csv", "counts.csv", "project.yaml"] {
            let f = try Fixture(name == "project.yaml" ? [:] : ["project.yaml": yaml])
            try FileManager.default.createSymbolicLink(atPath: f.folder + "/" + name, withDestinationPath: outside.folder + "/" + name)
            let (status, stderr) = try runCLI(["check", f.folder, "--quiet", "--templates", templatesFolder])
            #expect(status == 1)
            #expect(stderr == "\(f.folder)/\(name):1:1: error: \(name) is a link to a file outside the project folder; copy the file into the folder [file-outside-project]\n")
        }
    }

    @Test func aDanglingLinkIsAnErrorNotAnAbsentFile() throws {
        let f = try Fixture(["project.yaml": yaml])
        try FileManager.default.createSymbolicLink(atPath: f.folder + "/participants.csv", withDestinationPath: "gone.csv")
        let (status, stderr) = try runCLI(["check", f.folder, "--quiet", "--templates", templatesFolder])
        #expect(status == 1)
        #expect(stderr == "\(f.folder)/participants.csv:1:1: error: participants.csv is a link to a file that does not exist [file-unreadable]\n")
    }

    /// A FIFO in place of each input file: the check ends at once with an
    /// error. Should a reader block on one, a watchdog opens the FIFO's
    /// other end so that the run ends (reading nothing) and the test fails
    /// rather than hangs.
    @Test(arguments: ["participants.csv", "counts.csv", "project.yaml", "sections/a.md"])
    func aFIFOIsRefusedWithoutBlocking(name: String) throws {
        let f = try Fixture(name == "project.yaml" ? [:] : ["project.yaml": yaml + "sections: {summary: sections/a.md}\n"]
                            .merging(name == "sections/a.md" ? [:] : ["sections/a.md": "Text.\n"]) { a, _ in a })
        try FileManager.default.createDirectory(atPath: f.folder + "/sections", withIntermediateDirectories: true)
        let fifo = f.folder + "/" + name
        #expect(mkfifo(fifo, 0o600) == 0)
        let watchdog = FIFOWatchdog(fifo)
        defer { watchdog.stop() }
        let (status, stderr) = try runCLI(["check", f.folder, "--quiet", "--templates", templatesFolder])
        #expect(!watchdog.unblockedAReader)
        #expect(status == 1)
        let expected = name == "sections/a.md"
            ? "\(f.folder)/project.yaml:4:21: error: section file 'sections/a.md' does not exist or cannot be read [section-file-missing]\n"
            : "\(f.folder)/\(name):1:1: error: \(name) is not a regular file (a pipe, a device or a folder); slutrapport reads only regular files [file-unreadable]\n"
        #expect(stderr == expected)
    }

    /// Templates and the XSD are read through `FileBytes` too: a FIFO among
    /// them is refused (as the template loader words it) without blocking.
    @Test(arguments: ["report.md.mustache", "slutrapport.xsd"])
    func aFIFOInTheTemplateFolderIsRefusedWithoutBlocking(name: String) throws {
        let f = try Fixture(["project.yaml": yaml])
        let templates = scratch("templates")
        try FileManager.default.copyItem(atPath: templatesFolder, toPath: templates)
        try FileManager.default.removeItem(atPath: templates + "/" + name)
        #expect(mkfifo(templates + "/" + name, 0o600) == 0)
        let watchdog = FIFOWatchdog(templates + "/" + name)
        defer { watchdog.stop() }
        let (status, stderr) = try runCLI(["check", f.folder, "--quiet", "--templates", templates])
        #expect(!watchdog.unblockedAReader)
        #expect(status == 1, "\(stderr)")
        #expect(stderr.hasPrefix(templates + "/" + name), "\(stderr)")
    }

    @Test func fileBytesRefusesAFIFOAtOnce() throws {
        let fifo = scratch("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let watchdog = FIFOWatchdog(fifo)
        defer { watchdog.stop() }
        #expect(FileBytes.read(fifo) == nil)
        #expect(!watchdog.unblockedAReader)
    }
}

/// Opens the writing end of a FIFO every 50 ms, without blocking, until
/// stopped: that succeeds only while someone waits to read it, whom it then
/// releases with an end of file.
final class FIFOWatchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var unblocked = false

    init(_ path: String) {
        Thread.detachNewThread { [self] in
            while !lock.withLock({ stopped }) {
                let fd = open(path, O_WRONLY | O_NONBLOCK)
                if fd >= 0 {
                    lock.withLock { unblocked = true }
                    close(fd)
                }
                usleep(50_000)
            }
        }
    }

    var unblockedAReader: Bool { lock.withLock { unblocked } }
    func stop() { lock.withLock { stopped = true } }
}
