/// A position in an input file: 1-based line and column (column counts characters).
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

public enum Severity: String, Sendable {
    /// Information only: never fails a build, not even with `--strict`.
    case note
    case warning
    case error
}

/// One finding about the inputs. The library never prints: it hands these to
/// the command line, which alone decides how they look.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }
}

/// Collects the diagnostics of one project. Value type: each project owns one,
/// so parallel builds never share it. It keeps the first `limit` (`kept`
/// unless told) and counts the rest, so that a file with an error on every
/// one of its million rows costs memory for ten thousand diagnostics, not a
/// million; `--diagnostics json`, which prints every one, keeps every one.
public struct DiagnosticLog: Sendable {
    public static let kept = 10_000
    /// How many this log keeps (a project's logs keep every one for `--diagnostics json`).
    public var limit: Int

    public private(set) var all: [Diagnostic] = []
    /// Diagnostics beyond `kept`, counted only.
    public private(set) var droppedErrors = 0
    public private(set) var droppedWarnings = 0

    public init(keeping limit: Int = kept) { self.limit = limit }

    public var hasErrors: Bool { droppedErrors > 0 || all.contains { $0.severity == .error } }
    public var errorCount: Int { droppedErrors + all.count { $0.severity == .error } }
    public var warningCount: Int { droppedWarnings + all.count { $0.severity == .warning } }
    public var dropped: Int { droppedErrors + droppedWarnings }

    mutating func add(_ d: Diagnostic) {
        if all.count < limit || d.code.summarizesRows {
            all.append(d)
        } else if d.severity == .error {
            droppedErrors += 1
        } else if d.severity == .warning {
            droppedWarnings += 1
        }
    }

    public mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        add(Diagnostic(.error, code, message, at: location))
    }

    public mutating func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        add(Diagnostic(.warning, code, message, at: location))
    }

    public mutating func note(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        add(Diagnostic(.note, code, message, at: location))
    }

    /// Adds a diagnostic that stands for many rows (`DateHints`, a code that
    /// `summarizesRows`, so kept whatever the cap, here and when appended to
    /// another log), placed before the first diagnostic of a later line of
    /// its file, so that it is read among the rows it speaks of (text output
    /// shows only the first hundred).
    mutating func addSummary(_ d: Diagnostic) {
        all.insert(d, at: all.firstIndex { $0.location.file == d.location.file && $0.location.line > d.location.line } ?? all.endIndex)
    }

    public mutating func append(contentsOf other: DiagnosticLog) {
        append(contentsOf: other, shiftingLinesBy: 0)
    }

    /// Appends the diagnostics of a part of a file whose lines were counted
    /// from 1 at its start, `lines` lines into the file.
    mutating func append(contentsOf other: DiagnosticLog, shiftingLinesBy lines: Int) {
        for var d in other.all {
            d.location.line += lines
            add(d)
        }
        droppedErrors += other.droppedErrors
        droppedWarnings += other.droppedWarnings
    }

    /// Changes each kept diagnostic from index `first` on (a reader adds
    /// what only it knows, such as the cell and sheet of a workbook's).
    mutating func rewrite(from first: Int, _ body: (inout Diagnostic) -> Void) {
        for i in all.indices where i >= first { body(&all[i]) }
    }

    /// `--strict`: every warning becomes an error.
    public mutating func promoteWarnings() {
        for i in all.indices where all[i].severity == .warning { all[i].severity = .error }
        droppedErrors += droppedWarnings
        droppedWarnings = 0
    }
}

extension DiagnosticCode {
    /// One error for many rows alike (a column of spreadsheet dates, issue
    /// 15): few, and the key to the rows' trouble, so no log's cap drops it.
    var summarizesRows: Bool { self == .dateSerial || self == .dateSlashed }
}

extension DiagnosticLog {
    /// "One problem, one message" (SPEC §2, issue 25), for text output: the
    /// diagnostics of `file`'s rows with the same severity, code and message
    /// (a message names the column and what it should hold, never the cell)
    /// become one, at the first row, with the number of rows and the first
    /// five; `accepted` adds, for a code column, what project.yaml has.
    /// `--diagnostics json` keeps every row and does not call this.
    mutating func groupRows(of file: String, accepted: (DiagnosticCode) -> String?) {
        struct Key: Hashable {
            var severity: Severity
            var code: DiagnosticCode
            var message: String
        }
        var groups: [Key: [Int]] = [:]
        var sheets: [Key: String] = [:]
        for (i, d) in all.enumerated() where d.location.file == file && !d.code.summarizesRows {
            var message = d.message
            if let cell = message.range(of: " (cell ", options: .backwards), message.hasSuffix(")") {
                let sheet = message[cell.upperBound...].range(of: " on sheet ").map { String(message[$0.lowerBound..<message.index(before: message.endIndex)]) }
                message = String(message[..<cell.lowerBound])
                sheets[Key(severity: d.severity, code: d.code, message: message)] = sheet ?? ""
            }
            groups[Key(severity: d.severity, code: d.code, message: message), default: []].append(i)
        }
        guard !groups.isEmpty else { return }
        var replaced: [Int: Diagnostic] = [:]
        var removed = Set<Int>()
        for (key, indices) in groups {
            var d = all[indices[0]]
            if indices.count > 1 {
                let lines = indices.map { all[$0].location.line }
                let first = lines.prefix(5).map(String.init)
                let rows = indices.count > 5 ? first.joined(separator: ", ") + " and \(indices.count - 5) more"
                    : first.dropLast().joined(separator: ", ") + " and " + first[first.count - 1]
                d.message = key.message + " (\(indices.count) rows: \(rows)\(sheets[key] ?? ""))"
                removed.formUnion(indices.dropFirst())
            }
            if let list = accepted(key.code) { d.message += "; project.yaml has " + list }
            replaced[indices[0]] = d
        }
        all = all.indices.compactMap { i in removed.contains(i) ? nil : (replaced[i] ?? all[i]) }
    }
}
