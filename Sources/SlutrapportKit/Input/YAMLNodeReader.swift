import Yams

/// Typed access to a composed YAML tree that reports every problem with the
/// position of the offending node instead of stopping at the first, which is
/// what Yams' `YAMLDecoder` would do (it also drops positions).
struct YAMLNodeReader {
    let file: String
    var log = DiagnosticLog()

    init(file: String) { self.file = file }

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Reports every scalar, key or value, that holds a control character
    /// (tab, line feed and carriage return are text) or the non-character
    /// U+FFFE or U+FFFF: double-quoted escapes (`"\\0"`) make them, and no
    /// report can show them (XML cannot hold most). One walk of the whole
    /// tree, with a stack of its own: the composed tree holds no alias, so
    /// this is linear in the file.
    mutating func refuseControlCharacters(_ root: Node) {
        var pending: [(node: Node, what: String)] = [(root, "project.yaml")]
        while let (node, what) = pending.popLast() {
            switch node {
            case .scalar(let scalar):
                guard let c = scalar.string.unicodeScalars.first(where: Self.isNotText) else { continue }
                let code = "U+" + c.hex4
                let problem = c.value >= 0xFFFE ? "the character \(code), which is no text" : "the control character \(code)"
                log.error(.yamlControlCharacter, "\(what) holds \(problem); remove it", at: location(node))
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() {
                    let name = key.scalar.map(\.string).flatMap { $0.unicodeScalars.contains(where: Self.isNotText) ? nil : "'\($0)'" }
                    pending.append((value, name ?? "a value"))
                    pending.append((key, "a key"))
                }
            case .sequence(let sequence):
                pending += sequence.reversed().map { ($0, "an item of \(what)") }
            case .alias:
                continue
            }
        }
    }

    static func isNotText(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x0A, 0x0D: false
        case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// A mapping's entries by key, in file order. Reports a non-mapping and,
    /// as warnings, keys not in `known` (with a "did you mean" hint).
    mutating func mapping(_ node: Node, _ what: String, known: [String]) -> YAMLMapping? {
        guard case .mapping(let m) = node else {
            log.error(.yamlType, "\(what) must be a mapping", at: location(node))
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        var previous: (key: String, value: Node)?
        for (k, v) in m {
            guard let key = k.scalar?.string else {
                log.error(.yamlType, "keys of \(what) must be plain text", at: location(k))
                continue
            }
            defer { previous = (key, v) }
            // SPEC §3.1, "Flow mappings": `{name: Västra Värmland (Arvika, Sunne)}` ends the name at the comma.
            // Yams gives every mapping the style `any`: a key on its previous value's line is in a flow mapping.
            if !known.contains(key), let keyMark = k.mark, let valueMark = previous?.value.mark,
               keyMark.line == valueMark.line, keyMark.column > valueMark.column, case .scalar(let empty) = v, empty.string.isEmpty, empty.style == .plain,
               let previous, case .scalar(let before) = previous.value, before.style == .plain, !before.string.isEmpty,
               k.scalar?.style == .plain {
                let whole = (before.string + ", " + key).replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "\"", with: "\\\"")
                log.error(.yamlSyntax, "a comma ends a value in a {…} mapping, so '\(previous.key)' was cut before '\(key)'; "
                          + "put the value in quotes: \(previous.key): \"\(whole)\"", at: location(k))
                continue
            }
            if !known.contains(key) {
                var message = "unknown key '\(key)' in \(what)"
                if let hint = Self.closest(to: key, in: known) { message += "; did you mean '\(hint)'?" }
                log.warning(.yamlUnknownKey, message, at: location(k))
                continue
            }
            entries.append((key, k, v))
        }
        return YAMLMapping(node: node, entries: entries)
    }

    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        if case .sequence(let s) = node { return Array(s) }
        log.error(.yamlType, "\(what) must be a list", at: location(node))
        return nil
    }

    /// Any scalar as text; `null` and `~` count as absent.
    mutating func string(_ node: Node, _ what: String) -> String? {
        guard case .scalar(let s) = node else {
            log.error(.yamlType, "\(what) must be text", at: location(node))
            return nil
        }
        if s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string) { return nil }
        return s.string
    }

    mutating func requiredString(_ m: YAMLMapping, _ key: String, _ what: String) -> String? {
        guard let node = m[key] else {
            log.error(.yamlMissingKey, "\(what) is missing the required key '\(key)'", at: location(m.node))
            return nil
        }
        guard let s = string(node, "'\(key)'"), !s.trimmingSpaces.isEmpty else {
            if node.scalar != nil { log.error(.invalidValue, "'\(key)' must not be empty", at: location(node)) }
            return nil
        }
        return s
    }

    mutating func optionalString(_ m: YAMLMapping, _ key: String) -> String? {
        m[key].flatMap { string($0, "'\(key)'") }
    }

    /// A whole number of kronor or people: digits, optionally grouped by spaces
    /// or underscores the way people type amounts (`13 857 478`), from `min`
    /// to `max` (see `Bound`); `unit` names what is counted in the message.
    mutating func integer(_ node: Node, _ what: String, min: Int = 0, max: Int, unit: String = "") -> Int? {
        guard let text = string(node, what) else { return nil }
        let digits = text.filter { $0 != " " && $0 != "_" && $0 != "\u{00A0}" }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else {
            log.error(.yamlType, "\(what) must be a whole number\(min > 0 ? " of at least \(min)" : ""), not '\(text)'", at: location(node))
            return nil
        }
        // More digits than `max` has (leading zeros aside) is too large, and might not fit an Int.
        let significant = digits.drop { $0 == "0" }
        guard significant.count <= String(max).count, let n = Int(significant.isEmpty ? "0" : significant), n <= max else {
            log.error(.invalidValue, "\(what) must be at most \(Bound.text(max, unit: unit))", at: location(node))
            return nil
        }
        guard n >= min else {
            log.error(.yamlType, "\(what) must be a whole number of at least \(min), not '\(text)'", at: location(node))
            return nil
        }
        return n
    }

    /// Adds `amount` to `total` unless that passes `max`, which is then an
    /// error at `node`; false once passed. `total` and `amount` are each at
    /// most `max` (far below Int.max), so the sum itself cannot overflow.
    mutating func add(_ amount: Int, to total: inout Int, max: Int, at node: Node, _ what: String, unit: String) -> Bool {
        guard total + amount <= max else {
            log.error(.invalidValue, "\(what) add up to more than \(Bound.text(max, unit: unit))", at: location(node))
            return false
        }
        total += amount
        return true
    }

    mutating func day(_ node: Node, _ what: String) -> Day? {
        guard let text = string(node, what) else { return nil }
        guard let d = Day(iso: text.trimmingSpaces) else {
            log.error(.invalidDate, "\(what) must be a date YYYY-MM-DD, not '\(text)'", at: location(node))
            return nil
        }
        return d
    }

    mutating func stringList(_ node: Node, _ what: String) -> [String] {
        guard let items = sequence(node, what) else { return [] }
        return items.compactMap { string($0, "an item of \(what)") }
    }

    /// The known key closest to a misspelt one, if it is close enough to be a typo.
    static func closest(to key: String, in known: [String]) -> String? {
        let k = Array(key.lowercased())
        var best: (String, Int)?
        for candidate in known {
            let d = editDistance(k, Array(candidate))
            if d <= min(3, max(2, candidate.count / 3)), d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Upper bounds of the numbers in project.yaml: each far above any real
/// project, and small enough that no sum of them nears Int.max (9.2 × 10^18).
enum Bound {
    /// Kronor: an amount, and every sum of amounts (a thousand billion).
    static let kronor = 1_000_000_000_000
    /// Thousands of kronor (`budget.unit: tkr`): the same money as `kronor`.
    static let thousandKronor = kronor / 1000
    /// People: a target or a threshold.
    static let people = 100_000_000
    /// Years of age: an age band's lower limit.
    static let age = 150

    /// `1,000,000,000,000 kr`, as a diagnostic writes a bound.
    static func text(_ n: Int, unit: String) -> String {
        NumberStyle(.en).count(n) + (unit.isEmpty ? "" : " " + unit)
    }
}

struct YAMLMapping {
    let node: Node
    let entries: [(key: String, keyNode: Node, value: Node)]

    subscript(key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }
}
