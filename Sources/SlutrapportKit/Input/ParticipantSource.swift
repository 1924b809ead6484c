import Foundation

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

    /// The canonical source for a file's extension and kind; nil for a file neither .csv nor .xlsx.
    static func source(extension ext: String, counts: Bool) -> ParticipantSource? {
        all.first { $0.fileName == (counts ? "counts." : "participants.") + ext }
    }

    /// What `find` chose: the source, the file's path, and whether it is the
    /// file's canonical name (else a note said why it was read).
    typealias Found = (source: ParticipantSource, path: String)

    /// Extensions of spreadsheets slutrapport does not read, with how to save them as .xlsx.
    static let unreadFormats: Set<String> = ["xls", "ods", "numbers", "xlsm", "xlsb", "fods"]
    /// Files with their own names and readers (SPEC §3.7, §3.8): never participant data.
    static let otherInputs: Set<String> = ["costs.csv", "costs.xlsx", "followup.csv", "followup.xlsx"]

    /// The spreadsheet-like files at the top of `folder`, by name in byte
    /// order (no hidden file, no Excel lock file `~$…`).
    static func spreadsheets(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            let ext = (name as NSString).pathExtension.lowercased()
            return (ext == "csv" || ext == "xlsx" || unreadFormats.contains(ext)) && !name.hasPrefix(".") && !name.hasPrefix("~$")
                && !otherInputs.contains(name.lowercased())
        }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The participant data of the project in `folder` (SPEC §3, "Finding
    /// the participant data"): the file `data:` names, else one of the four
    /// names (case-insensitively), else the only .csv or .xlsx file, read
    /// with a note. Two candidates are one error listing them; every other
    /// spreadsheet is a warning naming it, one slutrapport cannot read an
    /// error saying how to save it as .xlsx. `sheet:` needs a workbook.
    static func find(in folder: String, project: Project?, log: inout DiagnosticLog) -> Found? {
        let files = spreadsheets(in: folder)
        var found: Found?
        var reported = false
        func at(_ name: String) -> SourceLocation { SourceLocation(file: folder.appendingPathComponent(name), line: 1, column: 1) }
        func ext(_ name: String) -> String { (name as NSString).pathExtension.lowercased() }
        func counts(_ name: String, _ choice: Bool?) -> Bool {
            choice ?? headerNamesCounts(path: folder.appendingPathComponent(name), ext: ext(name), sheet: project?.sheet?.name)
        }

        if let data = project?.data {
            let name = InputFile.exists(folder.appendingPathComponent(data.name)) ? data.name
                : files.first { $0.lowercased() == data.name.lowercased() }
            guard let name else {
                let holds = files.isEmpty ? "it holds no .csv or .xlsx file" : "it holds \(list(files))"
                log.error(.dataFileMissing, "'data' names \(data.name), which is not in the project folder (\(holds))", at: data.location)
                return nil
            }
            found = source(extension: ext(name), counts: counts(name, data.counts)).map { ($0, folder.appendingPathComponent(name)) }
        } else {
            func rank(_ name: String) -> Int? { all.firstIndex { $0.fileName == name.lowercased() } }
            let canonical = files.filter { rank($0) != nil }.sorted { rank($0)! < rank($1)! }
            if canonical.count > 1 {
                let which = canonical.count == 2 ? "both \(canonical[0]) and \(canonical[1])" : "more than one of \(list(canonical))"
                log.error(.bothCSVFiles, "the project has \(which); keep one", at: at(canonical[1]))
                return nil
            }
            if let name = canonical.first, let source = all.first(where: { $0.fileName == name.lowercased() }) {
                found = (source, folder.appendingPathComponent(name))
            } else {
                let candidates = files.filter { ext($0) == "csv" || ext($0) == "xlsx" }
                if candidates.count == 1, let name = candidates.first,
                   let source = source(extension: ext(name), counts: counts(name, nil)) {
                    found = (source, folder.appendingPathComponent(name))
                    let what = source.holdsParticipants ? "the participant data" : "counts"
                    log.note(.dataFileFound, "\(name) is read as \(what), being the only .csv or .xlsx file in the folder; "
                             + "name it in project.yaml ('data: \(name)') to be sure", at: at(name))
                } else if candidates.count > 1 {
                    let xlsx = candidates.first { ext($0) == "xlsx" } ?? candidates[0]
                    log.error(.bothCSVFiles, "the folder has \(candidates.count) .csv and .xlsx files and none is called participants or counts: "
                              + "\(list(candidates)); name the participant file in project.yaml ('data: \(xlsx)')", at: at(candidates[0]))
                    reported = true
                }
            }
        }
        let read = found.map { ($0.path as NSString).lastPathComponent }
        for name in files where name != read {
            if unreadFormats.contains(ext(name)) {
                log.error(.dataFileFormat, "\(name) is a .\((name as NSString).pathExtension) file, which slutrapport does not read: "
                          + "open it and save it as an Excel workbook (.xlsx) in the project folder", at: at(name))
            } else if !reported, let read {
                log.warning(.dataFileNotRead, "\(name) is not read: the participant data are read from \(read); "
                            + "move it out of the project folder or name it in 'data:'", at: at(name))
            }
        }
        if let sheet = project?.sheet, let found, !found.source.fileName.hasSuffix(".xlsx") {
            log.error(.invalidValue, "'sheet' names a worksheet, but the participant data are read from \(read ?? ""), which is no workbook",
                      at: sheet.location)
        }
        return found
    }

    /// "a, b and c".
    static func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    /// Whether the file's header (its first row naming two known columns)
    /// is that of counts: a count column and no id. Nothing is logged: the
    /// reader chosen reads the file again and says what is wrong with it.
    static func headerNamesCounts(path: String, ext: String, sheet: String?) -> Bool {
        func isCounts(_ cells: [String]) -> Bool? {
            let columns = cells.compactMap { Column.named($0) }
            guard columns.count >= 2 else { return nil }
            return columns.contains(.count) && !columns.contains(.id)
        }
        guard InputFile.problem(path, inside: (path as NSString).deletingLastPathComponent) == nil else { return false }
        if ext == "xlsx" {
            guard let workbook = try? Workbook.open(path: path, sheet: sheet) else { return false }
            var answer: Bool?
            var rows = 0
            try? workbook.forEachRow { r in
                rows += 1
                answer = isCounts((0..<r.count).map { r.string($0) })
                return answer == nil && rows < 10
            }
            return answer ?? false
        }
        guard var t = try? CSVTokenizer(path: path, fallback: .windows1252) else { return false }
        t.detectDelimiter()
        var rows = 0
        while rows < 10, (try? t.nextRecord()) == true {
            rows += 1
            if let answer = isCounts((0..<t.cellCount).map { t.string($0) }) { return answer }
        }
        return false
    }
}
