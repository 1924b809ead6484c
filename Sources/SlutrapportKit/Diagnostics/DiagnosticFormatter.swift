/// The one place that decides how a diagnostic reads on the command line.
/// Paths and messages carry data (folder names, YAML values), so every
/// format keeps a diagnostic on one line and lets no line start a GitHub
/// Actions workflow command: a line starting `::` (after blanks), or one
/// holding `##[` anywhere (the runner's older syntax, still honoured).
public enum DiagnosticFormatter {
    public enum Style: String, Sendable {
        case text
        case json
    }

    /// `FILE:LINE:COL: error: message [code]`
    public static func text(_ d: Diagnostic) -> String {
        "\(startOfLine(path: d.location.file)):\(d.location.line):\(d.location.column): \(d.severity.rawValue): \(oneLine(d.message)) [\(d.code.rawValue)]"
    }

    /// One JSON object with keys file, line, column, severity, code, message.
    public static func json(_ d: Diagnostic) -> String {
        "{\"file\":\(quoted(d.location.file)),\"line\":\(d.location.line),\"column\":\(d.location.column),"
            + "\"severity\":\"\(d.severity.rawValue)\",\"code\":\"\(d.code.rawValue)\",\"message\":\(quoted(d.message))}"
    }

    /// The end of a run, for `--diagnostics json`: a line of its own kind
    /// (`"kind":"summary"`), so that every line of the stream is JSON.
    public struct Summary: Sendable {
        public var verb: String
        public var built: Int
        public var failed: [String]
        public var errors: Int
        public var warnings: Int
        /// Diagnostics counted but not kept (beyond `DiagnosticLog.kept` in a project).
        public var notKept: Int
        public var seconds: Double

        public init(verb: String, built: Int, failed: [String], errors: Int, warnings: Int, notKept: Int, seconds: Double) {
            (self.verb, self.built, self.failed, self.errors, self.warnings, self.notKept, self.seconds)
                = (verb, built, failed, errors, warnings, notKept, seconds)
        }
    }

    public static func json(_ s: Summary) -> String {
        "{\"kind\":\"summary\",\"verb\":\(quoted(s.verb)),\"built\":\(s.built),\"failed\":[\(s.failed.map(quoted).joined(separator: ","))],"
            + "\"errors\":\(s.errors),\"warnings\":\(s.warnings),\"notKept\":\(s.notKept),\"seconds\":\(String(format: "%.3f", s.seconds))}"
    }

    /// A usage error for `--diagnostics json` (SPEC §2): an object of kind
    /// "usage", so that the stream stays JSON whatever went wrong; the
    /// summary follows it (`usageSummary`).
    public static func usageJSON(_ message: String) -> String {
        "{\"kind\":\"usage\",\"severity\":\"error\",\"code\":\"usage\",\"message\":\(quoted(message))}"
    }

    /// The summary after a usage error: nothing built, one error.
    public static func usageSummary(verb: String) -> Summary {
        Summary(verb: verb, built: 0, failed: [], errors: 1, warnings: 0, notKept: 0, seconds: 0)
    }

    /// Whether the command line asks for `--diagnostics json`, read from
    /// the raw arguments, so that a usage error found while parsing them is
    /// told in the stream asked for.
    public static func jsonRequested(_ arguments: [String]) -> Bool {
        var arguments = arguments[...]
        while let argument = arguments.popFirst(), argument != "--" {
            if argument == "--diagnostics=json" || (argument == "--diagnostics" && arguments.first == "json") { return true }
        }
        return false
    }

    /// The summary's verb for the subcommand the arguments name.
    public static func verb(_ arguments: [String]) -> String {
        arguments.first { !$0.hasPrefix("-") } == "check" ? "checked" : "built"
    }

    /// GitHub Actions workflow command, escaped as GitHub documents it: `%`,
    /// CR and LF in the data, and `:` and `,` too in properties. Other
    /// control characters are shown as in text.
    public static func github(_ d: Diagnostic) -> String {
        func escape(_ s: String, property: Bool) -> String {
            var out = escaped(s, keepingLineBreaks: true).replacingOccurrences(of: "%", with: "%25")
                .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
            if property { out = out.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
            return out
        }
        let command = d.severity == .note ? "notice" : d.severity.rawValue
        return "::\(command) file=\(escape(d.location.file, property: true)),line=\(d.location.line),col=\(d.location.column)::\(escape(d.message, property: false))"
    }

    /// A relative path that starts a printed line, by `oneLine`; one that
    /// would start a workflow command (`::` after blanks) gets `./`, which
    /// names the same path: only our own annotations start with `::`.
    public static func startOfLine(path: String) -> String {
        let shown = oneLine(path)
        return shown.drop(while: \.isWhitespace).hasPrefix("::") ? "./" + shown : shown
    }

    /// `s` fit for one printed line: line breaks, tabs and other control
    /// characters shown as escapes (`\n`, `\t`, `\u001b`), and `##[` as `##\[`.
    /// For folder names in the summary and the progress line too.
    public static func oneLine(_ s: String) -> String {
        escaped(s, keepingLineBreaks: false)
    }

    /// Text of several lines printed as it is (a usage message that quotes
    /// an argument): each line escaped as by `oneLine`, and a line that would
    /// start a workflow command starts `\::` instead.
    public static func commandSafe(lines text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let safe = oneLine(String(line))
            return safe.drop(while: \.isWhitespace).hasPrefix("::") ? "\\" + safe : safe
        }.joined(separator: "\n")
    }

    private static func escaped(_ s: String, keepingLineBreaks: Bool) -> String {
        guard s.unicodeScalars.contains(where: needsEscape) || s.contains("##[") else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\n" where keepingLineBreaks, "\r" where keepingLineBreaks: out.unicodeScalars.append(u)
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "[" where out.hasSuffix("##"): out += "\\["
            default: if needsEscape(u) { out += "\\u" + u.hex4.lowercased() } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }

    /// Characters that break a line or drive a terminal: C0 and C1 controls,
    /// DEL, the Unicode line and paragraph separators, and the bidirectional
    /// overrides that reorder what a line shows.
    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// A JSON string; beyond what JSON requires, every character `oneLine`
    /// escapes is a `\u` escape, and `##[` is written `#\u0023[`.
    static func quoted(_ s: String) -> String {
        var out = "\""
        let scalars = Array(s.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "#" where i > 0 && scalars[i - 1] == "#" && i + 1 < scalars.count && scalars[i + 1] == "[": out += "\\u0023"
            default:
                if needsEscape(u) { out += "\\u" + u.hex4.lowercased() } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}

extension Unicode.Scalar {
    /// The scalar's value in upper-case hex, at least four digits: `001B`.
    var hex4: String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// `slutrapport chek data/x` (issue 25, SPEC §2): a first argument that is
/// neither a subcommand nor an existing path is a usage error naming the
/// closest subcommand, before anything is read or written.
public enum SubcommandSpelling {
    public static let subcommands = ["build", "check", "diff", "init"]

    /// The usage error for `arguments` (without the program's name), or nil.
    public static func problem(_ arguments: [String], exists: (String) -> Bool) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !(subcommands + ["help"]).contains(first), !exists(first) else { return nil }
        let typed = Array(first.lowercased())
        let closest = subcommands.min { YAMLNodeReader.editDistance(typed, Array($0)) < YAMLNodeReader.editDistance(typed, Array($1)) } ?? "build"
        let shown = String(first.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) }.prefix(40))
        // A typo of a subcommand gets its name; a folder that is not there, the list.
        let hint = YAMLNodeReader.editDistance(typed, Array(closest)) <= 2 ? "did you mean 'slutrapport \(closest)'?"
            : "the subcommands are build, check, diff and init"
        return "'\(shown)' is no subcommand of slutrapport, nor a file or folder here; \(hint)"
    }
}
