import Yams

/// `breakdowns:`, `esf_plus:` and an exit reason's `esf_result` (SPEC §3.6).
extension ProjectBuilder {
    static let breakdownKeys = ["id", "title", "column", "values", "multiple", "sensitive"]
    /// A cell's codes are a bit set of one machine word (see `BreakdownLookup`).
    static let maximumBreakdownValues = 63

    /// `true` or `false` (also yes/no, ja/nej); nil, logged, otherwise.
    mutating func flag(_ node: Node, _ key: String) -> Bool? {
        guard let text = reader.string(node, "'\(key)'") else { return nil }
        switch text.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nej": return false
        default:
            reader.log.error(.yamlType, "'\(key)' must be true or false, not '\(text)'", at: reader.location(node))
            return nil
        }
    }

    /// The user's breakdowns, then the ESF+ ones when `esf_plus` is true.
    mutating func breakdowns(_ top: YAMLMapping, esfPlus: Bool) -> [DeclaredBreakdown] {
        var result: [DeclaredBreakdown] = []
        var seen: [String: SourceLocation] = [:]
        // Column names already taken: the standard columns, and each breakdown's as it comes.
        var columns: [String: String] = [:]
        if let node = top["breakdowns"], let items = reader.sequence(node, "'breakdowns'") {
            for item in items {
                guard let m = reader.mapping(item, "a breakdown", known: Self.breakdownKeys) else { continue }
                let reserved = esfPlus ? m["id"].flatMap { $0.scalar?.string }.flatMap(ESFBreakdown.init(rawValue:)) : nil
                if let reserved, let idNode = m["id"] {
                    reader.log.error(.duplicateID, "breakdown id '\(reserved.rawValue)' is one of the ESF+ breakdowns 'esf_plus: true' declares; choose another id",
                                     at: reader.location(idNode))
                    continue
                }
                let id = itemID(m, key: "id", what: "breakdown", seen: &seen)
                if let b = breakdown(m, id: id ?? "", columns: &columns), id != nil { result.append(b) }
            }
        }
        if esfPlus, let node = top["esf_plus"] {
            let at = reader.location(node)
            for b in ESFBreakdown.allCases {
                let d = b.declaration(at: at)
                if let taken = d.columns.first(where: { columns[$0] != nil }), let owner = columns[taken] {
                    reader.log.error(.duplicateID, "breakdown '\(owner)' reads column '\(taken)', which the ESF+ breakdown '\(b.rawValue)' reads", at: at)
                }
                result.append(d)
            }
        }
        return result
    }

    private mutating func breakdown(_ m: YAMLMapping, id: String, columns: inout [String: String]) -> DeclaredBreakdown? {
        let title = reader.optionalString(m, "title")
        var column = id
        if let n = m["column"], let text = reader.string(n, "'column'") { column = text }
        let key = String(column.trimmingSpaces).lowercased()
        let at = reader.location(m["column"] ?? m["id"] ?? m.node)
        if Column.named(key) != nil {
            reader.log.error(.duplicateID, "breakdown '\(id)' reads column '\(column)', which is one of the participants file's own columns", at: at)
        } else if key.isEmpty {
            reader.log.error(.invalidValue, "breakdown '\(id)' names an empty column", at: at)
        } else if let owner = columns[key] {
            reader.log.error(.duplicateID, "breakdown '\(id)' reads column '\(column)', which breakdown '\(owner)' reads too", at: at)
        } else {
            columns[key] = id
        }
        let multiple = m["multiple"].flatMap { flag($0, "multiple") } ?? false
        let sensitive = m["sensitive"].flatMap { flag($0, "sensitive") } ?? false
        guard let valuesNode = m["values"] else {
            reader.log.error(.yamlMissingKey, "breakdown '\(id)' is missing the required key 'values'", at: reader.location(m.node))
            return nil
        }
        guard let items = reader.sequence(valuesNode, "'values'") else { return nil }
        var values: [DeclaredBreakdown.Value] = []
        var seen: [String: SourceLocation] = [:]
        // A cell names a value by its code or its label, case-insensitively: no two may read alike.
        var spelled: [String: String] = [:]
        for item in items {
            guard let vm = reader.mapping(item, "a breakdown value", known: ["code", "label"]) else { continue }
            guard let code = itemID(vm, key: "code", what: "breakdown value", seen: &seen) else { continue }
            let label = reader.optionalString(vm, "label")
            for text in [code] + (label.map { [$0] } ?? []) {
                let k = String(text.trimmingSpaces).lowercased()
                if let other = spelled[k], other != code {
                    reader.log.error(.duplicateID, "breakdown '\(id)': '\(text)' names both value '\(other)' and value '\(code)'",
                                     at: reader.location(vm[text == code ? "code" : "label"] ?? vm.node))
                }
                spelled[k] = code
            }
            values.append(DeclaredBreakdown.Value(code: code, label: label))
        }
        if items.isEmpty {
            reader.log.error(.invalidValue, "breakdown '\(id)' must list at least one value", at: reader.location(valuesNode))
        } else if values.count > Self.maximumBreakdownValues {
            reader.log.error(.invalidValue, "breakdown '\(id)' lists \(values.count) values; at most \(Self.maximumBreakdownValues) are allowed",
                             at: reader.location(valuesNode))
            return nil
        }
        return DeclaredBreakdown(id: id, title: title, columns: [key], values: values, multiple: multiple, sensitive: sensitive,
                                 location: reader.location(m.node))
    }

    /// An exit reason's `esf_result`: nil when absent (the default applies), logged when unknown.
    mutating func esfResult(_ m: YAMLMapping) -> ESFResult? {
        guard let n = m["esf_result"], let text = reader.string(n, "'esf_result'") else { return nil }
        if let r = ESFResult(rawValue: text) { return r }
        reader.log.error(.invalidValue, "unknown esf_result '\(text)'; use one of \(ESFResult.allCases.map(\.rawValue).joined(separator: ", "))",
                         at: reader.location(n))
        return nil
    }
}
