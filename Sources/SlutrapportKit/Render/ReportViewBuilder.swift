/// Builds the one view model all three templates read, from the project and
/// its figures. No file is read here and no participant is seen.
public struct ReportViewBuilder {
    let project: Project
    let figures: Figures?
    let settings: ReportSettings
    let labels: Labels
    let style: NumberStyle
    let markdown: MarkdownRenderer

    var lang: Language { settings.lang }

    /// The language of what the project wrote, for HTML's `lang`; nil when it is the report's.
    var userLang: String? { settings.narrativeLang == settings.lang ? nil : settings.narrativeLang.rawValue }

    /// Whether an exit reason's label is the project's own: a default reason's is slutrapport's, in the report's language.
    func ownLabel(_ reason: ExitReason) -> Bool {
        !ExitReason.defaults(lang: settings.lang).contains { $0.code == reason.code && $0.label == reason.label }
    }

    public init(project: Project, figures: Figures?, settings: ReportSettings, markdown: MarkdownRenderer) {
        self.project = project
        self.figures = figures
        self.settings = settings
        self.labels = Labels(settings.lang)
        self.style = NumberStyle(settings.lang)
        self.markdown = markdown
    }

    public func build(generated: String?) -> ReportView {
        ReportView(lang: lang.rawValue, asOf: settings.asOf.description,
                   generated: generated, labels: labels, project: ProjectView(id: project.id, name: project.name, nameLang: userLang),
                   details: details(), sections: sections(), xml: xmlView(), cssName: Self.cssString(project.name))
    }

    // MARK: Project details

    func details() -> [DetailRow] {
        var rows: [DetailRow] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { rows.append(DetailRow(label: label, value: value, lang: userLang)) }
        }
        add(labels.caseNumber, project.caseNumber)
        add(labels.programmeArea, project.programmeArea)
        add(labels.phase, project.phase)
        add(labels.owner, project.owner)
        if let c = project.contact {
            add(labels.contact, [c.name, c.email, c.phone].compactMap { $0 }.joined(separator: ", "))
        }
        add(labels.region, project.region)
        add(labels.municipalities, project.municipalities.joined(separator: ", "))
        rows.append(DetailRow(label: labels.period, value: "\(project.period.start) – \(project.period.end)"))
        for (label, amount) in [(labels.esfGrant, project.funding?.esfGrant), (labels.totalBudget, project.funding?.totalBudget)] {
            if let amount { rows.append(DetailRow(label: label, value: style.amount(amount), number: CellNumber(amount: amount, unit: .kr))) }
        }
        add(labels.coFinanciers, project.funding?.coFinanciers.joined(separator: ", "))
        add(labels.partners, project.partners.joined(separator: ", "))
        return rows
    }

    // MARK: Sections

    /// Sections in report order, with the figures under "Resultat, mål och
    /// indikatorer" whether or not the project wrote text for it.
    func sections() -> [SectionView] {
        let resultsText = project.sections.first { $0.id == StandardSection.results.rawValue }
        let results = resultsSection(resultsText, blocks: figureBlocks(), notes: figureNotes())
        var views: [SectionView] = []
        var placed = results == nil
        for section in project.sections where section.id != StandardSection.results.rawValue {
            let kind = StandardSection(rawValue: section.id)
            if !placed, let results, (kind?.order ?? .max) > StandardSection.results.order {
                views.append(results)
                placed = true
            }
            let text = markdown.render(section.markdown.trimmingTrailingWhitespace, images: section.images)
            views.append(SectionView(id: section.id, title: section.title ?? kind?.title(lang) ?? section.id,
                                     markdown: text.markdown, html: text.html, notes: [], figures: [],
                                     titleLang: section.title == nil ? nil : userLang, textLang: userLang))
        }
        if !placed, let results { views.append(results) }
        return views
    }

    func resultsSection(_ section: Section?, blocks: [FigureBlock], notes: [String]) -> SectionView? {
        guard section != nil || !blocks.isEmpty else { return nil }
        let text = section.map { markdown.render($0.markdown.trimmingTrailingWhitespace, images: $0.images) }
        return SectionView(id: StandardSection.results.rawValue, title: StandardSection.results.title(lang),
                           markdown: text?.markdown, html: text?.html, notes: notes, figures: blocks,
                           textLang: text?.html == nil ? nil : userLang)
    }

    func figureNotes() -> [String] {
        guard let f = figures else { return [] }
        var notes: [String] = []
        // A count of people like any other: under disclosure control a small one shows as its mark does.
        let s0 = f.suppression
        if f.lateStarters > 0 {
            notes.append(f.lateStarters < s0.threshold ? labels.fewLateStartersNote(below: s0.threshold, f.asOf.description)
                : labels.lateStartersNote(f.lateStarters, f.asOf.description))
        }
        if f.source == .counts { notes.append(labels.countsSourceNote) }
        if !f.notReported.isEmpty { notes.append(labels.notReportedNote(f.notReported.count, of: project.subprojects.count)) }
        // Sensitive counts are held to their own N (SPEC §4.8): said apart where it differs from --suppress-below.
        let s = f.suppression
        let sensitiveApart = s.sensitiveThreshold != s.threshold
        if s.hidden.contains(where: { !sensitiveApart || !s.sensitiveRows.contains($0.row) }) { notes.append(labels.suppressionNote(s.threshold)) }
        if sensitiveApart, s.hidden.contains(where: { s.sensitiveRows.contains($0.row) }) {
            notes.append(labels.breakdowns.sensitiveSuppressionNote(s.sensitiveThreshold))
        }
        if !s.hidden.isEmpty { notes.append(labels.protectedNote(s.secondaryCount, s.threshold)) }
        return notes
    }
}

extension ReportViewBuilder {
    /// Text the project wrote, marked with its language.
    func userSpan(_ text: String) -> TextSpan { TextSpan(text: text, lang: userLang) }

    /// A sentence of slutrapport's around a name the project wrote
    /// (`labels.exitsCaption`), in parts: the name with its language.
    func userSpans(_ phrase: (String) -> String, _ name: String) -> [TextSpan] {
        guard userLang != nil else { return [TextSpan(text: phrase(name), lang: nil)] }
        // A control character cannot be in a label or a name (project.yaml refuses them).
        let marker = "\u{1}"
        var spans: [TextSpan] = []
        for (i, part) in phrase(marker).components(separatedBy: marker).enumerated() {
            if i > 0 { spans.append(userSpan(name)) }
            if !part.isEmpty { spans.append(TextSpan(text: part, lang: nil)) }
        }
        return spans
    }

    /// `s` as the inside of a double-quoted CSS string in a `<style>`
    /// element: a character that could end the string, the rule or the
    /// element, or a control character, is written as a six-digit escape.
    static func cssString(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if "\"'\\<>&".unicodeScalars.contains(scalar) || v < 0x20 || (0x7F...0x9F).contains(v) {
                let hex = String(v, radix: 16, uppercase: true)
                out += "\\" + String(repeating: "0", count: 6 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    /// Section text ends where its last visible character does, so templates
    /// control the spacing between sections.
    var trimmingTrailingWhitespace: String {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}
