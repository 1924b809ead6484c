/// A file participant data may come in, and how it reaches the tally: the
/// one seam between a project folder's data files and the figures. A new
/// format is a reader and a line in `all`.
struct ParticipantSource: Sendable {
    /// The file's name in the project folder.
    let fileName: String
    /// Whether it holds one row per participant (else tallies, which carry no breakdowns).
    var holdsParticipants: Bool { fileName.hasPrefix("participants.") }
    /// Reads the file at `path`; `parts` is how many threads a large file may be read on.
    let read: @Sendable (_ project: Project, _ path: String, _ settings: ReportSettings, _ parts: Int) -> (Tally?, DiagnosticLog)

    /// Every kind of participant data, in the order they are looked for; a project holds at most one.
    static let all = [
        ParticipantSource(fileName: "participants.csv") { project, path, settings, parts in
            ParticipantReader.read(project: project, asOf: settings.asOf, path: path, lang: settings.lang, parts: parts,
                                  keeping: settings.diagnosticsKept)
        },
        ParticipantSource(fileName: "participants.xlsx") { project, path, settings, _ in
            ParticipantReader.readWorkbook(project: project, asOf: settings.asOf, path: path, lang: settings.lang, keeping: settings.diagnosticsKept)
        },
        ParticipantSource(fileName: "counts.csv") { project, path, settings, _ in
            CountsReader.read(project: project, path: path, lang: settings.lang, keeping: settings.diagnosticsKept)
        },
        ParticipantSource(fileName: "counts.xlsx") { project, path, settings, _ in
            CountsReader.readWorkbook(project: project, path: path, lang: settings.lang, keeping: settings.diagnosticsKept)
        },
    ]

    /// The sources whose file is in `folder` (a broken link counts: it is an error, not an absent file).
    static func present(in folder: String) -> [(source: ParticipantSource, path: String)] {
        all.map { ($0, folder.appendingPathComponent($0.fileName)) }.filter { InputFile.exists($0.1) }
    }

    /// The one source `folder` holds, nil when none; more than one is an error at the second.
    static func single(in folder: String, log: inout DiagnosticLog) -> (source: ParticipantSource, path: String)? {
        let found = present(in: folder)
        guard found.count <= 1 else {
            let names = found.map(\.source.fileName)
            let which = names.count == 2 ? "both \(names[0]) and \(names[1])"
                : "more than one of \(names.dropLast().joined(separator: ", ")) and \(names[names.count - 1])"
            log.error(.bothCSVFiles, "the project has \(which); keep one", at: SourceLocation(file: found[1].path, line: 1, column: 1))
            return nil
        }
        return found.first
    }
}
