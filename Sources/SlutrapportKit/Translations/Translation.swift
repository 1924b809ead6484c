/// Every user-visible term of the reports in one language, in the spirit of
/// pandoc's `data/translations/sv.yaml`: the words templates read, the
/// sentences the view builder fills in, the standard section titles, the
/// default exit reasons and how numbers read. Each language is one data file,
/// `Translation+<code>.swift`; adding a language is that file and a case in
/// `Language`. Swift data rather than a resource, so the static release
/// binary needs nothing beside it.
public struct Translation: Sendable {
    public var labels: Labels
    public var phrases: Phrases
    public var sections: SectionTitles
    public var exitReasons: ExitReasonLabels
    public var numbers: NumberFormat
    /// The language with its region, as Word and other documents tag it (`sv-SE`).
    public var languageTag: String
}

/// Sentences with a name or a number in them (see `Labels.participantsCaption` etc.).
public struct Phrases: Sendable {
    public var participantsCaption: String
    public var participantsInCaption: @Sendable (_ scope: String) -> String
    public var exitsCaption: String
    public var exitsInCaption: @Sendable (_ scope: String) -> String
    public var groupExitsCaption: @Sendable (_ group: String) -> String
    public var activitiesNote: String
    public var suppressionNote: @Sendable (_ threshold: Int) -> String
    public var fewerThan: @Sendable (_ threshold: Int) -> String
    /// How many counts were hidden to protect small ones (SPEC §4.5), and what "<2" means.
    public var protectedNote: @Sendable (_ hiddenToProtect: Int, _ threshold: Int) -> String
    /// A goal whose outcome would let a hidden count be worked out.
    public var goalNotShown: String
    public var of: @Sendable (_ part: String, _ whole: String) -> String
    public var sharesNote: String
    /// `count` as text ("3", or "färre än 5" under disclosure control); `plural` whether it is more than one.
    public var lateStartersNote: @Sendable (_ count: String, _ plural: Bool, _ asOf: String) -> String
    public var countsSourceNote: String
    public var noParticipantData: String
    public var metricParticipants: String
    public var metricExitShare: String
    public var metricActivityShare: String
    public var metricReported: String
    /// A subproject with no row in counts.csv (SPEC §3.3), in place of its counts.
    public var notReported: String
    public var notReportedNote: @Sendable (_ notReported: Int, _ all: Int, _ reported: Int) -> String
    /// The project over time (SPEC §4.10).
    public var timeline: TimelineTexts
    /// The declared breakdowns and the ESF+ indicators (SPEC §4.8–9).
    public var breakdowns: BreakdownTexts
}

/// The words of the breakdown tables and the ESF+ indicator tables.
public struct BreakdownTexts: Sendable {
    /// The heading over the user's breakdown tables.
    public var heading: String
    /// The first column's header: a breakdown's values.
    public var category: String
    /// A participant whose cell is empty.
    public var notStated: String
    public var sharesNote: String
    /// Under a breakdown whose cells may hold several codes.
    public var multipleNote: String
    /// Counts of sensitive data under N (SPEC §4.8), where N differs from `--suppress-below`.
    public var sensitiveSuppressionNote: @Sendable (_ threshold: Int) -> String
    public var esfHeading: String
    public var outputCaption: String
    public var resultCaption: String
    public var indicator: String
    public var outputNote: String
    public var resultNote: String
    /// An indicator's wording in Regulation (EU) 2021/1057, Annex I.
    public var indicatorName: @Sendable (ESFIndicator) -> String
    /// The row under a group's indicators: its participants whose value was not stated (`ESFFigures.NotStated.group`).
    public var groupNotStated: @Sendable (_ group: String) -> String
}

/// The words of the table by quarter and the chart by month.
public struct TimelineTexts: Sendable {
    public var heading: String
    public var quarterCaption: String
    public var quarter: String
    /// A row's header: the calendar quarter of a year.
    public var quarterName: @Sendable (_ year: Int, _ quarter: Int) -> String
    public var started: String
    public var cumulative: String
    public var quarterNote: String
    public var chartTitle: String
    public var goalLine: @Sendable (_ target: String) -> String
}

/// The titles of the standard sections (SPEC §3.1), one a `StandardSection`.
public struct SectionTitles: Sendable {
    public var summary, background, purpose, idea, method, results, equality, transnational: String
    public var dissemination, evaluation, implementation, nextSteps: String
}

/// The labels of the default exit reasons (SPEC §3.4), one a `StandardExitReason`.
public struct ExitReasonLabels: Sendable {
    public var arbete, studier, avbrutit, annanOrsak, fullfoljt: String
}

/// How numbers read: Swedish `1 234 567` (no-break space) and `57,5 %`, English `1,234,567` and `57.5%`.
public struct NumberFormat: Sendable {
    public var groupSeparator: String
    public var decimalMark: String
    /// Between a number and its per cent sign.
    public var percentSeparator: String
}

extension StandardSection {
    public func title(_ lang: Language) -> String {
        let t = lang.translation.sections
        return switch self {
        case .summary: t.summary
        case .background: t.background
        case .purpose: t.purpose
        case .idea: t.idea
        case .method: t.method
        case .results: t.results
        case .equality: t.equality
        case .transnational: t.transnational
        case .dissemination: t.dissemination
        case .evaluation: t.evaluation
        case .implementation: t.implementation
        case .nextSteps: t.nextSteps
        }
    }
}

extension ExitReason {
    /// SPEC §3.4, in their configured order, labelled in `lang`.
    public static func defaults(lang: Language) -> [ExitReason] {
        let t = lang.translation.exitReasons
        return StandardExitReason.allCases.map { reason in
            let label = switch reason {
            case .arbete: t.arbete
            case .studier: t.studier
            case .avbrutit: t.avbrutit
            case .annanOrsak: t.annanOrsak
            case .fullfoljt: t.fullfoljt
            }
            return ExitReason(code: reason.rawValue, label: label, positive: reason.isPositive)
        }
    }
}
