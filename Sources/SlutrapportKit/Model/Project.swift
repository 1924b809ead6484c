/// Everything `project.yaml` says, checked, with the positions needed for
/// later diagnostics. Holds no participant data.
public struct Project: Sendable {
    public var id: String
    public var name: String
    public var caseNumber: String?
    public var programmeArea: String?
    public var phase: String?
    public var owner: String?
    public var contact: Contact?
    public var region: String?
    public var period: Period
    public var funding: Funding?
    public var partners: [String] = []
    public var municipalities: [String] = []
    public var report = ReportChoices()
    /// `narrative_lang`: the language the project's own text is written in, when not `report.lang`.
    public var narrativeLang: Language?
    public var subprojects: [Subproject] = []
    public var exitReasons: [ExitReason]
    public var activities: [Activity] = []
    public var ageBands: [Int] = [18, 30, 55]
    public var goals: [Goal] = []
    /// The user's `breakdowns:`, then, with `esf_plus: true`, the ESF+ ones (SPEC §3.6).
    public var breakdowns: [DeclaredBreakdown] = []
    /// `esf_plus: true`: the report carries the ESF+ indicator table.
    public var esfPlus = false
    public var budget: Budget?
    public var sections: [Section] = []
    /// The worksheet of participants.xlsx or counts.xlsx to read; nil: the first.
    public var sheet: WorksheetChoice?
    /// `data:` (and `data_kind:`): the participant file, when project.yaml names it (SPEC §3).
    public var data: DataFileChoice?

    /// The folder holding project.yaml, as given on the command line.
    public var folder: String
    /// Where project.yaml's top-level mapping starts; used for diagnostics
    /// about the project as a whole.
    public var location: SourceLocation

    public init(id: String, name: String, period: Period, exitReasons: [ExitReason], folder: String, location: SourceLocation) {
        self.id = id
        self.name = name
        self.period = period
        self.exitReasons = exitReasons
        self.folder = folder
        self.location = location
    }
}

public struct Contact: Sendable {
    public var name: String?
    public var email: String?
    public var phone: String?
}

public struct Period: Sendable {
    public var start: Day
    public var end: Day
}

public struct Funding: Sendable {
    public var esfGrant: Int?
    public var totalBudget: Int?
    public var coFinanciers: [String] = []
}

/// What project.yaml's `report:` or the command line asks for; nil where
/// it says nothing. `ReportSettings` resolves the two with the defaults.
public struct ReportChoices: Sendable {
    public var asOf: Day?
    public var lang: Language?
    public var suppressBelow: Int?

    public init(asOf: Day? = nil, lang: Language? = nil, suppressBelow: Int? = nil) {
        self.asOf = asOf
        self.lang = lang
        self.suppressBelow = suppressBelow
    }
}

public struct Subproject: Sendable {
    public var id: String
    public var name: String
    public var group: String?
    public var granted: Int?
}

public struct Activity: Sendable {
    public var code: String
    public var label: String
}

public struct Budget: Sendable {
    public enum Unit: String, Sendable { case kr, tkr }
    public struct Line: Sendable {
        public var label: String
        public var amount: Int
    }
    public var unit: Unit
    public var lines: [Line]
}

public struct Section: Sendable {
    /// A standard id (`summary`, `results`, ...) or the user's own.
    public var id: String
    /// Only for user-defined sections; standard ones take their heading from the language.
    public var title: String?
    public var markdown: String
    /// The images the text shows that are embedded, by their destination as
    /// cmark-gfm reads it; any other image shows its alt text.
    public var images: [String: EmbeddedImage] = [:]

    public init(id: String, title: String?, markdown: String, images: [String: EmbeddedImage] = [:]) {
        self.id = id
        self.title = title
        self.markdown = markdown
        self.images = images
    }
}

/// An image of the project folder, read where its section was, to be
/// embedded in the HTML and copied beside the Markdown.
public struct EmbeddedImage: Sendable, Equatable {
    /// Where the Markdown report links its copy: `images/NAME`.
    public var file: String
    /// `image/png`, `image/jpeg` or `image/gif`, from the file's first bytes.
    public var mediaType: String
    public var bytes: [UInt8]
}

public struct Goal: Sendable {
    public enum Metric: String, Sendable, CaseIterable {
        case participants
        case exitShare = "exit_share"
        case activityShare = "activity_share"
        case reported
        case breakdownShare = "breakdown_share"
    }

    public var id: String
    public var text: String?
    public var metric: Metric
    /// A count for `participants`, a percentage for the share metrics.
    public var target: Decimal1
    public var byGender: [(Gender, Int)] = []
    /// Indices into the project's exit reasons (`exit_share`).
    public var reasons: [Int] = []
    /// Index into the project's activities (`activity_share`).
    public var activity: Int?
    /// Index into the project's breakdowns (`breakdown_share`).
    public var breakdown: Int?
    /// Indices into that breakdown's values (`breakdown_share`).
    public var breakdownValues: [Int] = []
    /// Index into the project's subprojects when the goal is scoped to one.
    public var subproject: Int?
    /// `reported`: the value taken from an evaluation.
    public var reported: Decimal1?
    public var source: String?
}

/// A non-negative number with one decimal, stored in tenths, so that targets
/// like `57.5%` compare exactly and print without floating-point noise.
public struct Decimal1: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var tenths: Int

    public init(tenths: Int) { self.tenths = tenths }
    public init(_ whole: Int) { self.tenths = whole * 10 }

    /// Parses `50`, `50.5`, `50,5`, `50%`, `50 %`.
    public init?(parsing text: some StringProtocol) {
        var s = String(text.trimmingSpaces)
        if s.hasSuffix("%") { s = String(s.dropLast()).trimmingCharacters(in: " \u{00A0}") }
        s = s.replacingOccurrences(of: ",", with: ".")
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit),
              let w = Int(whole), w <= 1_000_000_000 else { return nil }
        var t = w * 10
        if parts.count == 2 {
            let frac = parts[1]
            guard frac.count == 1, let d = frac.first?.wholeNumberValue, frac.allSatisfy(\.isASCIIDigit) else { return nil }
            t += d
        }
        self.tenths = t
    }

    public var description: String {
        tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    public static func < (a: Decimal1, b: Decimal1) -> Bool { a.tenths < b.tenths }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

/// The worksheet project.yaml names (`sheet:`), and where, for a diagnostic when the workbook has none of that name.
/// `data: Deltagare 2023.xlsx`, with `data_kind: counts` for tallies.
public struct DataFileChoice: Sendable {
    public var name: String
    /// True: counts; false: one row per participant; nil: as the file's header says.
    public var counts: Bool?
    public var location: SourceLocation
}

public struct WorksheetChoice: Sendable {
    public var name: String
    public var location: SourceLocation
}
