import Foundation
import SlutrapportKit

/// What the libFuzzer harnesses `fuzz-xlsx` and `fuzz-xlsx-parts` drive: a
/// participants.xlsx in a private temporary folder, read twice. Once by
/// the workbook reader alone (`Workbook.open`, every row of the sheet, with
/// small limits so that each limit is within a fuzzer's reach), once as the
/// pipeline reads it (`ParticipantReader.readWorkbook`, standard limits)
/// against a fixed project. Any bytes must end in rows or one error, never
/// in a crash, a hang or a leak, and keep the promises `run` checks.
public final class WorkbookFuzzHarness: @unchecked Sendable {
    private let folder: String
    private let project: Project?

    /// The project of the workbook fixtures (Tests/Fixtures/xlsx/*/project.yaml),
    /// so that the seeds' headers and codes are known and their rows checked.
    public static let project = """
        name: Fuzz
        period: {start: 2021-01-01, end: 2024-06-30}
        subprojects:
          - {id: karlstad, name: Karlstad, group: Stad}
          - {id: hammaro, name: Hammarö, group: Kommun}
        activities: [{code: coaching, label: Coaching}, {code: praktik, label: Praktik}]
        goals: [{id: g, metric: exit_share, reasons: [arbete, studier], target: 50%}]
        """

    /// Limits far below the standard ones, for the reader alone.
    static let smallLimits: WorkbookLimits = {
        var l = WorkbookLimits.standard
        l.memberBytes = 8 << 20
        l.ratioFloor = 1 << 16
        l.sharedStrings = 1000
        l.sharedStringBytes = 1 << 16
        l.cellBytes = 256
        l.rowBytes = 2048
        l.smallPartBytes = 1 << 18
        l.entries = 64
        return l
    }()

    public init() {
        // The project's id is its folder's name: a fixed one, inside a private folder.
        folder = NSTemporaryDirectory() + "slutrapport-fuzz-xlsx-\(getpid())-\(UUID().uuidString.prefix(8))/fuzz"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(Self.project.utf8).write(to: URL(fileURLWithPath: folder + "/project.yaml"))
        project = ProjectLoader.load(folder: folder, lang: nil).0
    }

    deinit {
        try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent)
    }

    /// What one input came to.
    public struct Outcome: Sendable {
        /// The promises broken: none, always (the fuzzers stop on one).
        public var broken: [String] = []
        /// What the reader alone read: `N rows`, or its error as `LINE:COL CODE`.
        public var reading = ""
        /// The pipeline's diagnostics as `FILE:LINE:COL CODE`, FILE its name in the project.
        public var diagnostics: [String] = []
    }

    /// `fuzz-xlsx`: the bytes of a participants.xlsx.
    public func run(xlsx data: Data) -> Outcome {
        let path = folder + "/participants.xlsx"
        try? data.write(to: URL(fileURLWithPath: path))
        guard let project else { return Outcome(broken: ["the fixed project did not load"]) }
        var outcome = Outcome()
        outcome.reading = read(path, &outcome.broken)
        let settings = ReportSettings(commandLine: ReportChoices(), project: project)
        let (_, log) = ParticipantReader.readWorkbook(project: project, asOf: settings.asOf, path: path, lang: settings.lang)
        for d in log.all {
            let file = d.location.file.hasPrefix(folder + "/") ? String(d.location.file.dropFirst(folder.count + 1)) : d.location.file
            outcome.diagnostics.append("\(file):\(d.location.line):\(d.location.column) \(d.code.rawValue)")
            if d.location.line < 1 || d.location.column < 1 { outcome.broken.append("diagnostic without a position: \(d.code.rawValue)") }
        }
        return outcome
    }

    /// The parts `fuzz-xlsx-parts` takes from its input, in order, split at
    /// NUL bytes (which no part may hold): an absent part is the default
    /// one, an empty part no member at all.
    public static let partNames = [
        "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
    ]

    /// `fuzz-xlsx-parts`: the XML of a workbook's parts (`partNames`),
    /// zipped stored, so that the fuzzer mutates the XML itself.
    public func run(parts data: Data) -> Outcome {
        run(xlsx: Self.workbook(parts: data))
    }

    /// The stored zip of the parts in `data` (see `partNames`) and the package's own.
    public static func workbook(parts data: Data) -> Data {
        let pieces = data.split(separator: 0, maxSplits: partNames.count - 1, omittingEmptySubsequences: false)
        var members: [(name: String, method: UInt16, stored: Data)] = [
            ("[Content_Types].xml", 0, Data(contentTypes.utf8)), ("_rels/.rels", 0, Data(packageRelationships.utf8)),
        ]
        for (i, name) in partNames.enumerated() {
            let part = i < pieces.count ? Data(pieces[i]) : Data(defaults[i].utf8)
            if !part.isEmpty { members.append((name, 0, part)) }
        }
        return ZipBytes.archive(members)
    }

    // MARK: The reader alone

    /// Reads every row of the workbook at `path` with `smallLimits`, checking each row's promises.
    private func read(_ path: String, _ broken: inout [String]) -> String {
        var rows = 0, last = 0
        var problems: [String] = []
        do throws(WorkbookError) {
            let workbook = try Workbook.open(path: path, sheet: nil, limits: Self.smallLimits)
            try workbook.forEachRow { row in
                rows += 1
                problems += Self.problems(of: row, after: last)
                last = row.line
                return problems.isEmpty
            }
        } catch {
            if error.line < 1 || error.column < 1 { broken.append("a workbook error without a position") }
            broken += problems
            return "\(error.line):\(error.column) \(error.code.rawValue)"
        }
        broken += problems
        return "\(rows) rows"
    }

    /// What `SheetRow` promises: rows in order, at least one cell and no
    /// more than Excel's columns, the last cell not empty, every cell
    /// UTF-8 within the cell limit, and 16 readable bytes from each cell's
    /// start (`padded`; AddressSanitizer checks the reads).
    static func problems(of row: borrowing SheetRow, after previous: Int) -> [String] {
        // A borrowed row cannot be captured by `||`'s autoclosure: its numbers first.
        let line = row.line, count = row.count
        var out: [String] = []
        if line <= previous { out.append("row \(line) after row \(previous)") }
        if count < 1 || count > 16_384 { out.append("a row of \(count) cells") }
        guard count >= 1 else { return out }
        if row.bytes(count - 1).isEmpty { out.append("row \(line) ends in an empty cell") }
        var touched: UInt8 = 0
        for i in 0..<count {
            let cell = row.bytes(i)
            if String(validating: cell, as: UTF8.self) == nil { out.append("cell \(i + 1) of row \(line) is not UTF-8") }
            if cell.count > smallLimits.cellBytes + 32 { out.append("cell \(i + 1) of row \(line) past the cell limit") }
            if let start = cell.baseAddress {
                for k in 0..<16 { touched |= start[k] }
            }
        }
        // Keeps the reads above from being optimised away.
        if touched == 0xFF && count == 0 { out.append("unreachable") }
        return out
    }

    // MARK: The default parts

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let contentTypes = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
    static let packageRelationships = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationship)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    static let defaults = [
        "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData/></worksheet>",
        "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\"/>",
        "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(main)\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>",
        "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relationship)\"><sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationship)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(relationship)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(relationship)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
    ]
}
