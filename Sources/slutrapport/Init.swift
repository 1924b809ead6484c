import ArgumentParser
import Foundation
import SlutrapportKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new project folder.",
        discussion: """
        Writes a project.yaml with every key and what it is for, and a
        participants.csv with its header and one example row; `slutrapport
        check DIR` accepts them as they are. Existing files are never replaced.
        With --esf-plus, the project declares the ESF+ breakdowns (esf_plus: true)
        and participants.csv has their columns.

        Examples:
          slutrapport init data/nytt-projekt
          slutrapport init data/vast --name "Väst i arbete"
          slutrapport init data/esf-projekt --esf-plus
        """
    )

    @Argument(help: "The folder to create.", completion: .directory)
    var dir: String

    @Option(help: "The project's name (default: the folder name).")
    var name: String?

    @Flag(name: .customLong("esf-plus"), help: "Start an ESF+ project: esf_plus: true and the ESF+ columns in participants.csv.")
    var esfPlus = false

    func validate() throws {
        if let name, let problem = ProjectScaffold.nameProblem(name) { throw ValidationError("--name \(problem)") }
        if name == nil, let problem = ProjectScaffold.nameProblem(ProjectScaffold.defaultName(folder: dir)), problem != "must not be empty" {
            throw ValidationError("the folder's name, the project's name without --name, \(problem.replacingOccurrences(of: "; remove it", with: "")); give --name")
        }
    }

    func run() throws {
        var err = StandardError()
        do {
            try ProjectScaffold.write(to: dir, name: name, esfPlus: esfPlus)
        } catch {
            switch error {
            case .exists(let f): print("error: \(DiagnosticFormatter.oneLine(f)) exists already; nothing written", to: &err)
            case .link(let f): print("error: \(DiagnosticFormatter.oneLine(f)) exists already (a symbolic link); nothing written", to: &err)
            case .cannotWrite(let f): print("error: cannot write to \(DiagnosticFormatter.oneLine(f))", to: &err)
            }
            throw ExitCode(1)
        }
        let shown = DiagnosticFormatter.oneLine(dir)
        // Quoted for the shell when it holds anything but letters of a plain path: the hint is copied as it stands.
        let plain = dir.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._/-".unicodeScalars.contains($0)) }
        let typed = plain ? shown : "'" + shown.replacingOccurrences(of: "'", with: "'\\''") + "'"
        print("wrote \(shown)/project.yaml and \(shown)/participants.csv (one example row); next: fill in project.yaml, "
              + "put your participant list in the folder in place of participants.csv (a workbook of any name will do), "
              + "then run: slutrapport check \(typed)", to: &err)
    }
}
