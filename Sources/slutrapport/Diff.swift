import ArgumentParser
import Foundation
import SlutrapportKit

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which figures changed between two builds.",
        discussion: """
        Compares OLD_OUT/<id>/slutrapport.xml with NEW_OUT/<id>/slutrapport.xml
        for every project. Exit status: 0 nothing changed, 1 something did,
        2 trouble (a folder that is not a build of slutrapport's, a report
        that cannot be read, or a project built without the xml format, whose
        figures cannot be compared).

        Examples:
          slutrapport diff out-main out                 # after fixing data
          slutrapport diff out-main out --format md     # for a pull-request comment
          slutrapport diff out-main out --format json
        """
    )

    @Argument(help: "The earlier output folder.", completion: .directory)
    var old: String

    @Argument(help: "The new output folder.", completion: .directory)
    var new: String

    @Option(help: "text, json or md.")
    var format: String = "text"

    func validate() throws {
        if DiffFormatter.Style(rawValue: format) == nil { throw ValidationError("--format must be text, json or md") }
    }

    func run() throws {
        let diff: FigureDiff
        do {
            diff = try FigureDiff.compare(old: old, new: new)
        } catch {
            var err = StandardError()
            switch error {
            case .missingFolder(let f): print("error: \(DiagnosticFormatter.oneLine(f)) is not a folder", to: &err)
            case .notABuild(let f):
                print("error: \(DiagnosticFormatter.oneLine(f)) is not an output folder of slutrapport build (it holds no <id>/slutrapport.xml, "
                      + "no folder with the .slutrapport-output marker and no index of slutrapport's)", to: &err)
            case .unreadable(let f, let reason): print("error: cannot read \(DiagnosticFormatter.oneLine(f)): \(reason)", to: &err)
            case .noFigures(let f):
                print("error: \(DiagnosticFormatter.oneLine(f)) holds no slutrapport.xml (built without the xml format?), so its figures cannot be compared; "
                      + "build both with a --format that includes xml", to: &err)
            }
            throw ExitCode(2)
        }
        print(DiffFormatter.format(diff, style: DiffFormatter.Style(rawValue: format) ?? .text), terminator: "")
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
