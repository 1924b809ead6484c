/// What a build is asked for on the command line.
public struct BuildOptions: Sendable {
    public var outputFolder = "out"
    public var formats: [OutputFormat] = OutputFormat.allCases
    public var asOf: Day?
    public var lang: Language?
    public var suppressBelow: Int?
    public var strict = false
    /// Every diagnostic is kept, not the first `DiagnosticLog.kept` of a
    /// project: `--diagnostics json` prints them all (SPEC §2).
    public var keepEveryDiagnostic = false

    /// How many diagnostics a project's logs keep.
    var diagnosticsKept: Int { keepEveryDiagnostic ? .max : DiagnosticLog.kept }
    /// A "generated on" date, only when SOURCE_DATE_EPOCH is set.
    public var generated: String?

    public init() {}

    /// What the command line asks of every project's report; `ReportSettings` resolves it with project.yaml's.
    public var reportChoices: ReportChoices { ReportChoices(asOf: asOf, lang: lang, suppressBelow: suppressBelow) }

    /// The last second SOURCE_DATE_EPOCH may name: 9999-12-31 23:59:59 UTC (dates have four digits).
    public static let latestSourceDateEpoch = 253_402_300_799

    public struct InvalidSourceDateEpoch: Error, Sendable {
        public let message = "SOURCE_DATE_EPOCH must be empty or a whole number of seconds since 1970-01-01 UTC, "
            + "from 0 to \(BuildOptions.latestSourceDateEpoch)"
    }

    /// The date SOURCE_DATE_EPOCH (seconds since 1970, UTC) names; nil when
    /// unset or empty. Anything else is refused, not ignored: a build that
    /// asked for a date must not quietly go without one.
    public static func generatedDate(sourceDateEpoch: String?) throws(InvalidSourceDateEpoch) -> String? {
        guard let text = sourceDateEpoch, !text.isEmpty else { return nil }
        guard text.utf8.count <= 12, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let seconds = Int(text), seconds <= latestSourceDateEpoch else { throw InvalidSourceDateEpoch() }
        return Day.fromOrdinal(seconds / 86_400).description
    }
}
