/// The settings one project's report is made with, resolved once from the
/// command line, else project.yaml's `report:`, else the defaults (SPEC §2,
/// §3.1). Everything downstream takes these; nothing works a fallback out again.
public struct ReportSettings: Sendable, Equatable {
    /// The day the figures are taken at.
    public var asOf: Day
    public var lang: Language
    /// The language of what the project wrote (its name, narrative and
    /// labels): project.yaml's `narrative_lang`, else its `report.lang`,
    /// else Swedish; `--lang` changes the labels, never this.
    public var narrativeLang: Language
    /// Counts below this are hidden (SPEC §4.5); 0 is off.
    public var suppressBelow: Int
    /// How many diagnostics a reader keeps (`DiagnosticLog.limit`): all of
    /// them when they are all printed (`--diagnostics json`).
    public var diagnosticsKept = DiagnosticLog.kept

    /// `periodKnown` is false only for a project.yaml with errors whose
    /// period could not be read: then every start counts, and no participant
    /// is said to start after a date that is not known.
    public init(commandLine: ReportChoices, project: Project, periodKnown: Bool = true) {
        lang = Self.language(commandLine: commandLine.lang, project: project.report.lang)
        asOf = commandLine.asOf ?? project.report.asOf ?? (periodKnown ? project.period.end : Day(unchecked: 9999, month: 12, day: 31))
        suppressBelow = commandLine.suppressBelow ?? project.report.suppressBelow ?? 0
        narrativeLang = project.narrativeLang ?? project.report.lang ?? .sv
    }

    /// The language alone, where there is no `Project` (yet): the labels of
    /// the default exit reasons, and a batch's index (`project` nil).
    static func language(commandLine: Language?, project: Language?) -> Language {
        commandLine ?? project ?? .sv
    }
}
