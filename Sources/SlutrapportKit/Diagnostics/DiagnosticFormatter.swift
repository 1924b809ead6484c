/// The one place that decides how a diagnostic reads on the command line.
public enum DiagnosticFormatter {
    public enum Style: String, Sendable {
        case text
        case json
    }

    /// `FILE:LINE:COL: error: message [code]`
    public static func text(_ d: Diagnostic) -> String {
        "\(d.location.file):\(d.location.line):\(d.location.column): \(d.severity.rawValue): \(d.message) [\(d.code.rawValue)]"
    }

    /// One JSON object with keys file, line, column, severity, code, message.
    public static func json(_ d: Diagnostic) -> String {
        "{\"file\":\(quoted(d.location.file)),\"line\":\(d.location.line),\"column\":\(d.location.column),"
            + "\"severity\":\"\(d.severity.rawValue)\",\"code\":\"\(d.code.rawValue)\",\"message\":\(quoted(d.message))}"
    }

    /// GitHub Actions workflow command.
    public static func github(_ d: Diagnostic) -> String {
        func escape(_ s: String, property: Bool) -> String {
            var out = s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
            if property { out = out.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
            return out
        }
        return "::\(d.severity.rawValue) file=\(escape(d.location.file, property: true)),line=\(d.location.line),col=\(d.location.column)::\(escape(d.message, property: false))"
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out += "\\u" + u.hex4.lowercased()
                } else {
                    out.unicodeScalars.append(u)
                }
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
