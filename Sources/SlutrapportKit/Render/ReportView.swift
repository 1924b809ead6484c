/// What a template sees: plain stored properties (swift-mustache reads them
/// through the generated `child(named:)` of TemplateLookup+Generated.swift),
/// every text already in the report's language and every
/// number already formatted. `docs/templates.md` describes it for users.
public struct ReportView: Sendable {
    public var lang: String
    public var asOf: String
    /// Only when SOURCE_DATE_EPOCH is set.
    public var generated: String?
    public var labels: Labels
    public var project: ProjectView
    public var details: [DetailRow]
    public var sections: [SectionView]
    public var xml: XMLView
    /// The project's name as the inside of a CSS string: the printed pages' running head.
    public var cssName: String
}

/// A piece of text with its language, where that is not the report's: what
/// the project wrote (names, labels) inside a sentence of slutrapport's, for
/// HTML's `lang` (WCAG 3.1.2).
public struct TextSpan: Sendable, Equatable {
    public var text: String
    public var lang: String?
}

public struct ProjectView: Sendable {
    public var id: String
    public var name: String
    /// The language of the name, where not the report's.
    public var nameLang: String?
}

public struct DetailRow: Sendable {
    public var label: String
    public var value: String
    /// The amount `value` shows (the funding), for the workbook's facts sheet.
    public var number: CellNumber? = nil
    /// The language of `value` when the project wrote it in another than the report's.
    public var lang: String? = nil
}

public struct SectionView: Sendable {
    public var id: String
    public var title: String
    public var markdown: String?
    /// The Markdown rendered by cmark-gfm in safe mode.
    public var html: String?
    /// Only on the results section: notes on where the figures come from,
    /// then the tables under their sub-headings.
    public var notes: [String]
    public var figures: [FigureBlock]
    /// The language of the title (a section of the project's own) and of the
    /// text, where not the report's.
    public var titleLang: String? = nil
    public var textLang: String? = nil
}

/// A sub-heading under the results with its charts and tables.
public struct FigureBlock: Sendable {
    public var heading: String
    public var anchor: String
    public var tables: [TableView]
    public var charts: [ChartView] = []
}

/// A chart drawn as SVG: inline in the HTML, a file beside the Markdown.
public struct ChartView: Sendable {
    public var id: String
    public var title: String
    /// Where the Markdown links it: `charts/<id>.svg`.
    public var file: String
    /// The inline `<svg>` element for HTML.
    public var svg: String
    /// The same drawing as a standalone file.
    public var svgFile: String
    /// The alt text: the title and every number, as the SVG's description gives them.
    public var description: String
    /// The same, for the HTML page (the inline SVG's description is this
    /// element): its names from project.yaml carry their language.
    public var descriptionSpans: [TextSpan]
    /// Set when the drawing's labels include the project's text in another
    /// language than the report's (marked `lang` on each `<text>`, the
    /// drawing's root saying its own): the HTML wraps the inline SVG in an
    /// element of that language. It holds no text of its own, so it says
    /// nothing false; it keeps the Nu checker's language guess, which skips
    /// HTML elements in another language but reads SVG text whatever its
    /// `lang`, from taking the labels for the page's language.
    public var drawingWrapperLang: String?
    /// What a native chart (Word's) is drawn from: the same figures as the SVG.
    public var data: ChartData
}

/// A chart's figures for a program that draws it itself: bars across, one
/// bar (or one stack) a category, in the SVG's order from the top.
public struct ChartData: Sendable {
    public var kind: ChartKind
    /// The row labels, as the SVG writes them (in full).
    public var categories: [String]
    public var series: [ChartSeries]
    /// Where the value axis ends, when the SVG fixes it (a whole ten per cent).
    public var axisMaximum: Double?
}

public enum ChartKind: String, Sendable {
    /// Each category's series side by side.
    case clusteredBars
    /// Each category's series one after another in one bar.
    case stackedBars
    /// Each series a line through the categories, left to right (the timeline's months).
    case lines
}

public struct ChartSeries: Sendable {
    /// The legend's text.
    public var name: String
    /// `RRGGBB`, the SVG's colour.
    public var color: String
    /// Drawn hatched, as the SVG draws what disclosure control hides.
    public var hatched: Bool = false
    /// One a category.
    public var values: [ChartValue]
}

/// One bar: its number, or why there is none.
public struct ChartValue: Sendable {
    /// Nil for a count hidden by disclosure control (never its size) or a share of nothing.
    public var number: Double?
    public var unit: ChartUnit
    /// How the report writes it: `28 %`, `<5`, `..`, `–`.
    public var text: String
    /// Hidden by disclosure control.
    public var hidden: Bool = false
    /// `RRGGBB` when this bar differs from its series (a goal not met).
    public var color: String?
}

public enum ChartUnit: String, Sendable {
    case count
    /// Whole or tenths of a per cent, as the report writes it.
    case percent
}

public struct TableView: Sendable {
    public var id: String
    public var caption: String
    /// `caption` in parts, each with its language (HTML).
    public var captionSpans: [TextSpan]
    /// The header of the first column (the row labels).
    public var stub: String
    /// The first column's header for screen readers only, where `stub` is
    /// empty: a header cell must have text (HTML).
    public var hiddenStub: String? = nil
    public var columns: [ColumnView]
    public var rows: [RowView]
    /// Read right under the table.
    public var notes: [String] = []
}

extension TableView {
    init(id: String, caption: String, stub: String, hiddenStub: String? = nil, columns: [ColumnView], rows: [RowView]) {
        self.init(id: id, captionSpans: [TextSpan(text: caption, lang: nil)], stub: stub, hiddenStub: hiddenStub, columns: columns, rows: rows)
    }

    init(id: String, captionSpans: [TextSpan], stub: String, hiddenStub: String? = nil, columns: [ColumnView], rows: [RowView]) {
        self.init(id: id, caption: captionSpans.map(\.text).joined(), captionSpans: captionSpans, stub: stub, hiddenStub: hiddenStub,
                  columns: columns, rows: rows)
    }
}

public struct ColumnView: Sendable {
    public var text: String
    public var numeric: Bool
    /// The GFM delimiter cell: `---:` for numbers, `:---` for text.
    public var markdownAlign: String
}

public struct RowView: Sendable {
    public var header: String
    /// `header` in parts, each with its language (HTML).
    public var headerSpans: [TextSpan]
    public var cells: [CellView]
    public var isTotal: Bool
    /// A row that details the one above it (a goal's target for one gender).
    public var isPart: Bool = false
}

extension RowView {
    init(header: String, headerLang: String? = nil, cells: [CellView], isTotal: Bool, isPart: Bool = false) {
        self.init(headerSpans: [TextSpan(text: header, lang: headerLang)], cells: cells, isTotal: isTotal, isPart: isPart)
    }

    init(headerSpans: [TextSpan], cells: [CellView], isTotal: Bool, isPart: Bool = false) {
        self.init(header: headerSpans.map(\.text).joined(), headerSpans: headerSpans, cells: cells, isTotal: isTotal, isPart: isPart)
    }
}

public struct CellView: Sendable {
    public var text: String
    public var numeric: Bool
    /// For goal rows: "met" / "not-met", used as a CSS class.
    public var status: String?
    /// The number `text` shows, unformatted, for a program that formats it
    /// itself (the workbook); nil for a text, a hidden count or a blank.
    public var number: CellNumber? = nil
    /// The language of a text the project wrote (a group's name), where not the report's.
    public var lang: String? = nil
}

/// A table's number as the report shows it (already rounded), without its format.
public struct CellNumber: Sendable, Equatable {
    /// The count, the amount, or the share in whole per cent or in tenths of one (`unit`).
    public var value: Int
    public var unit: CellUnit
}

public enum CellUnit: String, Sendable {
    case count
    /// `value` in whole per cent: 43 for 43 %.
    case percent
    /// `value` in tenths of a per cent: 575 for 57,5 %.
    case percentTenths
    case kr, tkr
}

// MARK: XML

public struct XMLView: Sendable {
    public var hasFigures: Bool
    public var project: XMLProject
    public var participants: XMLCounts?
    public var exits: XMLExits?
    public var subprojects: [XMLSubproject]
    /// How many subprojects did not report (SPEC §3.3), when any did not.
    public var subprojectsNotReported: String? = nil
    public var goals: [XMLGoal]
    public var groups: [XMLGroup] = []
    public var activities: [XMLActivity] = []
    public var ageBands: [XMLAgeBand] = []
    public var durations: XMLDurations?
    /// The user's breakdowns (SPEC §4.8), from participant rows.
    public var breakdowns: [XMLBreakdown] = []
    /// The ESF+ indicators (SPEC §4.9), with `esf_plus` and participant rows.
    public var esfPlus: XMLESFPlus?
    /// Participants month by month (SPEC §4.10), from participant rows.
    public var timeline: [XMLMonth] = []
    public var budget: XMLBudget?
    /// Disclosure control's N and how much it hid, when it is on (SPEC §4.5).
    public var disclosure: XMLDisclosure? = nil
}

public struct XMLDisclosure: Sendable {
    public var suppressBelow: String
    public var sensitiveBelow: String
    public var hiddenSmall: String
    public var hiddenToProtect: String
}

/// One `<breakdown>`: its values in order, then "not stated" where non-zero.
public struct XMLBreakdown: Sendable {
    public var id: String
    public var sensitive: String
    public var values: [XMLBreakdownValue]
    public var notStated: XMLCounts?
}

public struct XMLBreakdownValue: Sendable {
    public var code: String
    /// The user's label, where given.
    public var label: String?
    public var counts: XMLCounts
}

public struct XMLESFPlus: Sendable {
    public var indicators: [XMLIndicator]
    /// One per group with a non-zero count.
    public var notStated: [XMLESFNotStated]
}

public struct XMLIndicator: Sendable {
    public var id: String
    /// `output` or `result`.
    public var kind: String
    /// The regulation's wording in the report's language.
    public var label: String
    public var counts: XMLCounts
}

public struct XMLESFNotStated: Sendable {
    public var group: String
    public var counts: XMLCounts
}

/// One month of `<timeline>`: started by gender are nil, and named in
/// `suppressed`, under disclosure control (docs/disclosure.md).
public struct XMLMonth: Sendable {
    public var month: String
    public var started: String
    public var startedWomen: String?
    public var startedMen: String?
    public var startedOther: String?
    public var ended: String
    public var active: String
    public var cumulative: String
    public var suppressed: String?
}

public struct XMLGroup: Sendable {
    public var name: String
    public var subprojects: String
    public var granted: String?
    /// "false" when none of its subprojects reported; then no counts.
    public var reported: String? = nil
    public var participants: XMLCounts?
    public var exits: XMLExits?
}

public struct XMLActivity: Sendable {
    public var code: String
    public var counts: XMLCounts
}

public struct XMLAgeBand: Sendable {
    public var from: String?
    public var to: String?
    public var unknown: Bool
    public var counts: XMLCounts
}

public struct XMLDurations: Sendable {
    public var ended: String
    public var medianDays: String?
    public var womenMedianDays: String?
    public var menMedianDays: String?
    public var otherMedianDays: String?
    public var suppressed: String?
}

public struct XMLBudget: Sendable {
    public var unit: String
    public var total: String
    public var lines: [XMLBudgetLine]
}

public struct XMLBudgetLine: Sendable {
    public var label: String
    public var amount: String
}

public struct XMLProject: Sendable {
    public var id: String
    public var name: String
    public var start: String
    public var end: String
    public var funding: XMLFunding?
    public var caseNumber: String? = nil
    public var owner: String? = nil
    public var region: String? = nil
    public var programmeArea: String? = nil
    public var phase: String? = nil
}

public struct XMLFunding: Sendable {
    public var esfGrant: String?
    public var totalBudget: String?
}

/// Counts by gender; an attribute hidden by disclosure control is nil and
/// named in `suppressed`.
public struct XMLCounts: Sendable {
    public var total: String?
    public var women: String?
    public var men: String?
    public var other: String?
    public var active: String?
    public var ended: String?
    public var share: String?
    public var suppressed: String?
    /// Of `suppressed`, the counts hidden for being small (0 < c < N).
    public var suppressedPrimary: String? = nil
    /// Of `suppressed`, the counts hidden so that the small ones cannot be worked out.
    public var suppressedSecondary: String? = nil
}

public struct XMLExits: Sendable {
    public var ended: String?
    public var suppressed: String?
    public var suppressedPrimary: String? = nil
    public var suppressedSecondary: String? = nil
    public var exits: [XMLExit]
}

public struct XMLExit: Sendable {
    public var reason: String
    /// The reason's label in the report's language, and whether it counts as a positive exit ("true"/"false").
    public var label: String
    public var positive: String
    public var counts: XMLCounts
}

public struct XMLSubproject: Sendable {
    public var id: String
    public var name: String
    public var group: String?
    public var granted: String?
    /// "false" for a subproject that did not report (SPEC §3.3); then no counts.
    public var reported: String? = nil
    public var participants: XMLCounts?
    public var exits: XMLExits?
}

public struct XMLGoal: Sendable {
    public var id: String
    public var metric: String
    /// What `target` and `outcome` measure: `count` or `percent`.
    public var unit: String
    public var target: String
    public var outcome: String?
    public var met: String?
    public var subproject: String?
    public var suppressed: String?
    public var text: String?
    public var byGender: [XMLGoalGender]
}

public struct XMLGoalGender: Sendable {
    public var gender: String
    public var target: String
    public var outcome: String?
    public var met: String?
    public var suppressed: String?
}
