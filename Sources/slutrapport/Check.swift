import ArgumentParser
import Foundation
import SlutrapportKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check projects and report every problem; write nothing.",
        discussion: """
        Examples:
          slutrapport check                      # every project under data/
          slutrapport check data/vak2 --strict   # warnings count as errors
          slutrapport check --diagnostics json   # one JSON object a line
        """
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        let start = Date.now
        let outcome = try input.batch(input.buildOptions()).run(paths: input.paths, write: false)
        let code = input.report(outcome, verb: "checked", seconds: Date.now.timeIntervalSince(start))
        if code != 0 { throw ExitCode(code) }
    }
}
