import Foundation
import Yams

/// Walks the composed `project.yaml` tree into a `Project`, one key at a time.
struct ProjectBuilder {
    var reader: YAMLNodeReader
    let folder: String
    let langOverride: Language?
    /// project.yaml's text, and its lines once a diagnostic inside a block of narrative text needs them.
    let yamlText: String
    var yamlLines: [Substring]?
    /// Whether `build` read a valid `period`; without it a project has no as-of date of its own.
    private(set) var periodRead = false

    init(reader: YAMLNodeReader, folder: String, langOverride: Language?, text: String) {
        self.reader = reader
        yamlText = text
        self.folder = folder
        self.langOverride = langOverride
    }

    mutating func build(_ root: Node) -> Project? {
        reader.refuseControlCharacters(root)
        guard let top = reader.mapping(root, "project.yaml", known: ProjectLoader.topKeys) else { return nil }
        let rootLocation = reader.location(root)

        let id = projectID(top)
        let name = reader.requiredString(top, "name", "project.yaml")
        let period = top["period"].flatMap { self.period($0) }
        periodRead = period != nil
        if top["period"] == nil {
            reader.log.error(.yamlMissingKey, "project.yaml is missing the required key 'period'", at: rootLocation)
        }
        let choices = top["report"].map { reportChoices($0) } ?? ReportChoices()
        let lang = ReportSettings.language(commandLine: langOverride, project: choices.lang)

        let exitReasons = top["exit_reasons"].map { self.exitReasons($0) } ?? ExitReason.defaults(lang: lang)
        var project = Project(id: id ?? "", name: name ?? "", period: period ?? Period(start: .epoch, end: .epoch),
                              exitReasons: exitReasons, folder: folder, location: rootLocation)
        project.report = choices
        project.narrativeLang = top["narrative_lang"].flatMap { language($0, "narrative_lang") }
        project.caseNumber = reader.optionalString(top, "case_number")
        project.programmeArea = reader.optionalString(top, "programme_area")
        project.phase = reader.optionalString(top, "phase")
        project.owner = reader.optionalString(top, "owner")
        project.region = reader.optionalString(top, "region")
        project.contact = top["contact"].flatMap { contact($0) }
        project.funding = top["funding"].flatMap { funding($0) }
        project.partners = top["partners"].map { reader.stringList($0, "'partners'") } ?? []
        project.municipalities = top["municipalities"].map { reader.stringList($0, "'municipalities'") } ?? []
        project.subprojects = top["subprojects"].map { subprojects($0) } ?? []
        project.activities = top["activities"].map { activities($0) } ?? []
        if let bands = top["age_bands"] { project.ageBands = ageBands(bands) }
        project.esfPlus = top["esf_plus"].flatMap { flag($0, "esf_plus") } ?? false
        project.breakdowns = breakdowns(top, esfPlus: project.esfPlus)
        project.goals = top["goals"].map { goals($0, project) } ?? []
        project.budget = top["budget"].flatMap { budget($0) }
        project.sections = top["sections"].map { sections($0) } ?? []
        if let node = top["sheet"], let name = reader.string(node, "'sheet'") {
            project.sheet = WorksheetChoice(name: name, location: reader.location(node))
        }
        project.data = dataFile(top)
        return project
    }

    // MARK: Scalars and small mappings

    /// `data:` and `data_kind:` (SPEC §3, "Finding the participant data").
    mutating func dataFile(_ top: YAMLMapping) -> DataFileChoice? {
        var counts: Bool?
        if let n = top["data_kind"], let text = reader.string(n, "'data_kind'") {
            switch text.lowercased() {
            case "participants", "deltagare": counts = false
            case "counts", "antal": counts = true
            default:
                reader.log.error(.invalidValue, "data_kind must be 'participants' or 'counts'", at: reader.location(n))
            }
            if top["data"] == nil {
                reader.log.error(.yamlMissingKey, "'data_kind' needs 'data:' naming the file it describes", at: reader.location(n))
            }
        }
        guard let node = top["data"], let name = reader.string(node, "'data'") else { return nil }
        let at = reader.location(node)
        let ext = (name as NSString).pathExtension.lowercased()
        if name.contains("/") || name.hasPrefix(".") || name.trimmingSpaces.isEmpty {
            reader.log.error(.invalidValue, "'data' names a file in the project folder itself, such as 'Deltagare 2023.xlsx'", at: at)
            return nil
        }
        guard ext == "csv" || ext == "xlsx" else {
            let how = ParticipantSource.unreadFormats.contains(ext)
                ? ": open it and save it as an Excel workbook (.xlsx) in the project folder" : ""
            reader.log.error(.dataFileFormat, "'data' must name a .csv or .xlsx file\(how)", at: at)
            return nil
        }
        return DataFileChoice(name: name, counts: counts, location: at)
    }

    mutating func projectID(_ top: YAMLMapping) -> String? {
        if let node = top["id"] {
            guard let id = reader.string(node, "'id'") else { return nil }
            guard Self.isValidID(id) else {
                reader.log.error(.invalidID, "project id '\(id)' may hold only a-z, 0-9 and '-'", at: reader.location(node))
                return nil
            }
            return id
        }
        let folderName = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        guard Self.isValidID(folderName) else {
            reader.log.error(.invalidID, "the folder name '\(folderName)' is not a valid project id (a-z, 0-9, '-'); add 'id:' to project.yaml",
                             at: reader.location(top.node))
            return nil
        }
        return folderName
    }

    static func isValidID(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// Ids of subprojects, goals, activities and exit reasons: also allow '_' (`annan_orsak`).
    static func isValidCode(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 }
    }

    mutating func period(_ node: Node) -> Period? {
        guard let m = reader.mapping(node, "'period'", known: ["start", "end"]) else { return nil }
        var days: [Day?] = []
        for key in ["start", "end"] {
            if let n = m[key] {
                days.append(reader.day(n, "period.\(key)"))
            } else {
                reader.log.error(.yamlMissingKey, "'period' is missing the required key '\(key)'", at: reader.location(node))
                days.append(nil)
            }
        }
        guard let start = days[0], let end = days[1] else { return nil }
        if end < start, let endNode = m["end"] {
            reader.log.error(.periodOrder, "period.end \(end) is before period.start \(start)", at: reader.location(endNode))
            return nil
        }
        return Period(start: start, end: end)
    }

    mutating func reportChoices(_ node: Node) -> ReportChoices {
        var s = ReportChoices()
        guard let m = reader.mapping(node, "'report'", known: ["as_of", "lang", "suppress_below"]) else { return s }
        s.asOf = m["as_of"].flatMap { reader.day($0, "report.as_of") }
        s.lang = m["lang"].flatMap { language($0, "report.lang") }
        if let n = m["suppress_below"], let v = reader.integer(n, "report.suppress_below", max: Bound.people) {
            if v == 1 {
                reader.log.error(.invalidValue, "report.suppress_below must be 0 (off) or at least 2", at: reader.location(n))
            } else {
                s.suppressBelow = v
            }
        }
        return s
    }

    /// `report.lang` or `narrative_lang`: a language slutrapport has labels for.
    mutating func language(_ node: Node, _ key: String) -> Language? {
        guard let text = reader.string(node, key) else { return nil }
        guard let lang = Language(rawValue: text) else {
            reader.log.error(.invalidValue, "\(key) must be \(Language.codes(quoted: true)), not '\(text)'", at: reader.location(node))
            return nil
        }
        return lang
    }

    mutating func contact(_ node: Node) -> Contact? {
        guard let m = reader.mapping(node, "'contact'", known: ["name", "email", "phone"]) else { return nil }
        return Contact(name: reader.optionalString(m, "name"), email: reader.optionalString(m, "email"),
                       phone: reader.optionalString(m, "phone"))
    }

    mutating func funding(_ node: Node) -> Funding? {
        guard let m = reader.mapping(node, "'funding'", known: ["esf_grant", "total_budget", "co_financiers"]) else { return nil }
        var f = Funding()
        f.esfGrant = m["esf_grant"].flatMap { reader.integer($0, "funding.esf_grant", max: Bound.kronor, unit: "kr") }
        f.totalBudget = m["total_budget"].flatMap { reader.integer($0, "funding.total_budget", max: Bound.kronor, unit: "kr") }
        f.coFinanciers = m["co_financiers"].map { reader.stringList($0, "funding.co_financiers") } ?? []
        return f
    }

    mutating func ageBands(_ node: Node) -> [Int] {
        guard let items = reader.sequence(node, "'age_bands'") else { return [18, 30, 55] }
        var bands: [Int] = []
        for item in items {
            guard let v = reader.integer(item, "an age band limit", min: 1, max: Bound.age) else { continue }
            if let last = bands.last, v <= last {
                reader.log.error(.invalidValue, "age_bands must rise: \(v) follows \(last)", at: reader.location(item))
                continue
            }
            bands.append(v)
        }
        return bands
    }

    // MARK: Lists of things with ids

    /// Checks an item's id: present, well-formed, not seen before in `seen`.
    mutating func itemID(_ m: YAMLMapping, key: String, what: String, seen: inout [String: SourceLocation]) -> String? {
        guard let id = reader.requiredString(m, key, what) else { return nil }
        let at = reader.location(m[key] ?? m.node)
        guard Self.isValidCode(id) else {
            reader.log.error(.invalidID, "\(what) \(key) '\(id)' may hold only a-z, 0-9, '-' and '_'", at: at)
            return nil
        }
        if let first = seen[id] {
            reader.log.error(.duplicateID, "duplicate \(what) \(key) '\(id)' (first at line \(first.line))", at: at)
            return nil
        }
        seen[id] = at
        return id
    }

    mutating func subprojects(_ node: Node) -> [Subproject] {
        guard let items = reader.sequence(node, "'subprojects'") else { return [] }
        var seen: [String: SourceLocation] = [:]
        var result: [Subproject] = []
        // Reports show the sum of every granted amount: it keeps to the bound of one.
        var grantedTotal = 0
        var grantedFits = true
        for item in items {
            guard let m = reader.mapping(item, "a subproject", known: ["id", "name", "group", "granted"]) else { continue }
            let id = itemID(m, key: "id", what: "subproject", seen: &seen)
            let name = reader.optionalString(m, "name")
            let group = reader.optionalString(m, "group")
            let granted = m["granted"].flatMap { reader.integer($0, "subproject.granted", max: Bound.kronor, unit: "kr") }
            if let granted, grantedFits, let node = m["granted"] {
                grantedFits = reader.add(granted, to: &grantedTotal, max: Bound.kronor, at: node,
                                         "the subprojects' granted amounts", unit: "kr")
            }
            if let id { result.append(Subproject(id: id, name: name ?? id, group: group, granted: granted)) }
        }
        return result
    }

    mutating func exitReasons(_ node: Node) -> [ExitReason] {
        guard let items = reader.sequence(node, "'exit_reasons'") else { return [] }
        var seen: [String: SourceLocation] = [:]
        var result: [ExitReason] = []
        for item in items {
            guard let m = reader.mapping(item, "an exit reason", known: ["code", "label", "positive", "esf_result"]) else { continue }
            let code = itemID(m, key: "code", what: "exit reason", seen: &seen)
            let label = reader.optionalString(m, "label")
            let positive = m["positive"].flatMap { flag($0, "positive") } ?? false
            let esf = esfResult(m)
            if let code { result.append(ExitReason(code: code, label: label ?? code, positive: positive, esfResult: esf)) }
        }
        if items.isEmpty {
            reader.log.error(.invalidValue, "'exit_reasons' must list at least one exit reason", at: reader.location(node))
        }
        return result
    }

    mutating func activities(_ node: Node) -> [Activity] {
        guard let items = reader.sequence(node, "'activities'") else { return [] }
        var seen: [String: SourceLocation] = [:]
        var result: [Activity] = []
        for item in items {
            guard let m = reader.mapping(item, "an activity", known: ["code", "label"]) else { continue }
            let code = itemID(m, key: "code", what: "activity", seen: &seen)
            let label = reader.optionalString(m, "label")
            if let code { result.append(Activity(code: code, label: label ?? code)) }
        }
        return result
    }

    mutating func budget(_ node: Node) -> Budget? {
        guard let m = reader.mapping(node, "'budget'", known: ["unit", "lines"]) else { return nil }
        var unit = Budget.Unit.kr
        if let n = m["unit"], let text = reader.string(n, "budget.unit") {
            if let u = Budget.Unit(rawValue: text) { unit = u } else {
                reader.log.error(.invalidValue, "budget.unit must be 'kr' or 'tkr', not '\(text)'", at: reader.location(n))
            }
        }
        var lines: [Budget.Line] = []
        // Reports show the lines' total: it keeps to the bound of one amount in the same unit.
        let bound = unit == .kr ? Bound.kronor : Bound.thousandKronor
        var total = 0
        var totalFits = true
        if let n = m["lines"], let items = reader.sequence(n, "budget.lines") {
            for item in items {
                guard let lm = reader.mapping(item, "a budget line", known: ["label", "amount"]) else { continue }
                let label = reader.requiredString(lm, "label", "a budget line")
                let amount = lm["amount"].flatMap { reader.integer($0, "budget line amount", max: bound, unit: unit.rawValue) }
                if let amount, totalFits, let node = lm["amount"] {
                    totalFits = reader.add(amount, to: &total, max: bound, at: node, "the budget lines", unit: unit.rawValue)
                }
                if lm["amount"] == nil {
                    reader.log.error(.yamlMissingKey, "a budget line is missing the required key 'amount'", at: reader.location(item))
                }
                if let label, let amount { lines.append(Budget.Line(label: label, amount: amount)) }
            }
        }
        return Budget(unit: unit, lines: lines)
    }
}

extension Day {
    static let epoch = Day.fromOrdinal(0)
}
