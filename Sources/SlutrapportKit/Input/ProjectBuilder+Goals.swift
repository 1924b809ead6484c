import Yams

extension ProjectBuilder {
    static let goalKeys = ["id", "text", "metric", "target", "by_gender", "reasons", "activity", "subproject",
                           "reported", "source", "breakdown", "values"]

    mutating func goals(_ node: Node, _ project: Project) -> [Goal] {
        guard let items = reader.sequence(node, "'goals'") else { return [] }
        var seen: [String: SourceLocation] = [:]
        var result: [Goal] = []
        for item in items {
            guard let m = reader.mapping(item, "a goal", known: Self.goalKeys) else { continue }
            let id = itemID(m, key: "id", what: "goal", seen: &seen)
            if let goal = goal(m, id: id ?? "", project: project), id != nil { result.append(goal) }
        }
        return result
    }

    private mutating func goal(_ m: YAMLMapping, id: String, project: Project) -> Goal? {
        guard let metricNode = m["metric"] else {
            reader.log.error(.yamlMissingKey, "goal '\(id)' is missing the required key 'metric'", at: reader.location(m.node))
            return nil
        }
        guard let metricText = reader.string(metricNode, "'metric'") else { return nil }
        guard let metric = Goal.Metric(rawValue: metricText) else {
            let names = Goal.Metric.allCases.map(\.rawValue)
            var message = "unknown metric '\(metricText)'; use one of \(names.joined(separator: ", "))"
            if let hint = YAMLNodeReader.closest(to: metricText, in: names) { message = "unknown metric '\(metricText)'; did you mean '\(hint)'?" }
            reader.log.error(.invalidValue, message, at: reader.location(metricNode))
            return nil
        }
        let isCount = metric == .participants
        guard let targetNode = m["target"] else {
            reader.log.error(.yamlMissingKey, "goal '\(id)' is missing the required key 'target'", at: reader.location(m.node))
            return nil
        }
        // A bad target is an error, but the rest of the goal is still checked (issue 25: it hid an unknown exit reason).
        let target = measure(targetNode, isCount: isCount, what: "target of goal '\(id)'")
        var goal = Goal(id: id, text: reader.optionalString(m, "text"), metric: metric, target: target ?? Decimal1(0))
        goal.source = reader.optionalString(m, "source")

        if let n = m["subproject"], let code = reader.string(n, "'subproject'") {
            if let index = project.subprojects.firstIndex(where: { $0.id == code }) { goal.subproject = index } else {
                reader.log.error(.unknownReference, "goal '\(id)' names the unknown subproject '\(code)'", at: reader.location(n))
            }
        }
        if let n = m["by_gender"] {
            if metric != .participants {
                reader.log.error(.invalidValue, "'by_gender' applies only to goals with metric 'participants'", at: reader.location(n))
            } else {
                goal.byGender = byGender(n)
            }
        }
        switch metric {
        case .exitShare:
            guard let n = m["reasons"] else {
                reader.log.error(.yamlMissingKey, "goal '\(id)' with metric 'exit_share' needs 'reasons'", at: reader.location(m.node))
                return nil
            }
            let index = ExitReasonIndex(project.exitReasons)
            for item in reader.sequence(n, "'reasons'") ?? [] {
                guard let code = reader.string(item, "an exit reason") else { continue }
                if let i = index.index(of: code) { goal.reasons.append(i) } else {
                    reader.log.error(.unknownReference, "goal '\(id)' names the unknown exit reason '\(code)'", at: reader.location(item))
                }
            }
        case .activityShare:
            guard let n = m["activity"] else {
                reader.log.error(.yamlMissingKey, "goal '\(id)' with metric 'activity_share' needs 'activity'", at: reader.location(m.node))
                return nil
            }
            if let code = reader.string(n, "'activity'") {
                if let i = project.activities.firstIndex(where: { $0.code == code }) { goal.activity = i } else {
                    reader.log.error(.unknownReference, "goal '\(id)' names the unknown activity '\(code)'", at: reader.location(n))
                }
            }
        case .reported:
            guard let n = m["reported"] else {
                reader.log.error(.yamlMissingKey, "goal '\(id)' with metric 'reported' needs 'reported'", at: reader.location(m.node))
                return nil
            }
            goal.reported = measure(n, isCount: false, what: "reported value of goal '\(id)'")
        case .breakdownShare:
            guard breakdownShare(m, &goal, project: project) else { return nil }
        case .participants:
            break
        }
        return target == nil ? nil : goal
    }

    /// `breakdown:` and `values:` of a `breakdown_share` goal; false when either is missing.
    private mutating func breakdownShare(_ m: YAMLMapping, _ goal: inout Goal, project: Project) -> Bool {
        let id = goal.id
        guard let n = m["breakdown"], let vn = m["values"] else {
            reader.log.error(.yamlMissingKey, "goal '\(id)' with metric 'breakdown_share' needs 'breakdown' and 'values'", at: reader.location(m.node))
            return false
        }
        guard let code = reader.string(n, "'breakdown'") else { return false }
        guard let b = project.breakdowns.firstIndex(where: { $0.id == code }) else {
            reader.log.error(.unknownReference, "goal '\(id)' names the unknown breakdown '\(code)'", at: reader.location(n))
            return false
        }
        goal.breakdown = b
        for item in reader.sequence(vn, "'values'") ?? [] {
            guard let value = reader.string(item, "a breakdown value") else { continue }
            if let v = project.breakdowns[b].values.firstIndex(where: { $0.code == value }) {
                if !goal.breakdownValues.contains(v) { goal.breakdownValues.append(v) }
            } else {
                let codes = project.breakdowns[b].values.map(\.code).joined(separator: ", ")
                reader.log.error(.unknownReference, "goal '\(id)' names the unknown value '\(value)' of breakdown '\(code)'; its values are \(codes)",
                                 at: reader.location(item))
            }
        }
        return true
    }

    /// A count (`255`) or a percentage (`50%`, `50`, `57.5 %`) up to 100.
    private mutating func measure(_ node: Node, isCount: Bool, what: String) -> Decimal1? {
        guard let text = reader.string(node, what) else {
            if node.scalar != nil { reader.log.error(.invalidValue, "\(what) must not be empty", at: reader.location(node)) }
            return nil
        }
        if isCount {
            return reader.integer(node, what, max: Bound.people).map { Decimal1($0) }
        }
        guard let value = Decimal1(parsing: text), value.tenths <= 1000 else {
            reader.log.error(.yamlType, "\(what) must be a percentage from 0 to 100, like 50%, not '\(text)'", at: reader.location(node))
            return nil
        }
        return value
    }

    private mutating func byGender(_ node: Node) -> [(Gender, Int)] {
        guard case .mapping(let mapping) = node else {
            reader.log.error(.yamlType, "'by_gender' must be a mapping like {kvinna: 115, man: 140}", at: reader.location(node))
            return []
        }
        var result: [(Gender, Int)] = []
        for (k, v) in mapping {
            guard let key = k.scalar?.string, let gender = Gender(label: key) else {
                reader.log.error(.invalidValue, "unknown gender '\(k.scalar?.string ?? "")' in 'by_gender'; \(CellMessage.genderSpellings)",
                                 at: reader.location(k))
                continue
            }
            if result.contains(where: { $0.0 == gender }) {
                reader.log.error(.duplicateID, "gender '\(key)' appears twice in 'by_gender'", at: reader.location(k))
                continue
            }
            if let n = reader.integer(v, "the '\(key)' target", max: Bound.people) { result.append((gender, n)) }
        }
        return result.sorted { $0.0.rawValue < $1.0.rawValue }
    }
}
