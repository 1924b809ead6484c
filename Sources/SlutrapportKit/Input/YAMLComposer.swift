import Yams

/// Composes project.yaml without ever expanding an alias. Yams resolves an
/// alias by sharing the anchored node, so a few kilobytes of aliases make a
/// tree that is exponentially large to walk or hash (Yams hashes mapping keys
/// while composing) and arbitrarily deep to free (a stack overflow). So
/// aliases are refused before the real tree is built: the text is first
/// composed with every anchor turned into a tag, where each alias is an
/// undefined one that libyaml reports at its own position.
enum YAMLComposer {
    /// The aliases of a project.yaml, which are errors: where each stands,
    /// and its name when it could be read there.
    struct AliasesRefused: Error {
        var aliases: [(line: Int, column: Int, name: String?)]
    }

    /// Aliases reported at most; each one found costs another parse.
    static let reportedAliases = 10

    /// The tree of `text`, which holds no alias. Throws `AliasesRefused`,
    /// or Yams' `YamlError` for any other problem.
    static func compose(_ text: String) throws -> Node? {
        var probe = Array(text.utf8)
        let anchors = disarmAnchors(&probe)
        var aliases: [(line: Int, column: Int, name: String?)] = []
        while aliases.count < reportedAliases {
            let root: Node?
            do {
                root = try Yams.compose(yaml: String(decoding: probe, as: UTF8.self))
            } catch YamlError.composer(_, "found undefined alias", let mark, _) {
                let name = disarmAlias(&probe, line: mark.line, column: mark.column)
                aliases.append((mark.line, mark.column, name))
                if name == nil { break }
                continue
            } catch where !aliases.isEmpty {
                break
            }
            guard aliases.isEmpty else { break }
            // Without anchors the probe is the text itself; with them, the text has no alias.
            return anchors == 0 ? root : try Yams.compose(yaml: text)
        }
        throw AliasesRefused(aliases: aliases)
    }

    /// Turns every `&` that may start an anchor (first, or after a blank, a
    /// flow or block indicator, or a non-ASCII character) into
    /// `!`, which starts a tag: a node property of the same length that
    /// defines nothing. Inside a scalar or a comment it changes only the
    /// probe's text, never its shape. Returns how many were changed.
    static func disarmAnchors(_ bytes: inout [UInt8]) -> Int {
        let before: Set<UInt8> = [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"),
                                  UInt8(ascii: "?"), UInt8(ascii: "-")]
        var changed = 0
        var previous: UInt8 = 0x0A
        for i in bytes.indices {
            let b = bytes[i]
            if b == UInt8(ascii: "&"), previous <= 0x20 || previous >= 0x80 || before.contains(previous) {
                bytes[i] = UInt8(ascii: "!")
                changed += 1
            }
            previous = b
        }
        return changed
    }

    /// Replaces the alias at `line`:`column` with `~` and spaces, so that
    /// parsing goes on past it. Returns its name, or nil when no alias
    /// stands there.
    static func disarmAlias(_ bytes: inout [UInt8], line: Int, column: Int) -> String? {
        guard let start = offset(of: bytes, line: line, column: column), bytes[start] == UInt8(ascii: "*") else { return nil }
        var end = start + 1
        while end < bytes.count, isAnchorCharacter(bytes[end]) { end += 1 }
        let name = String(decoding: bytes[start..<end], as: UTF8.self)
        bytes.replaceSubrange(start..<end, with: [UInt8(ascii: "~")] + Array(repeating: 0x20, count: end - start - 1))
        return name
    }

    private static func isAnchorCharacter(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
    }

    /// The byte offset of a 1-based line and column as libyaml counts them:
    /// columns in characters, lines at LF, CR, CR LF, NEL, LS and PS.
    static func offset(of bytes: [UInt8], line: Int, column: Int) -> Int? {
        var (l, c, i) = (1, 1, 0)
        while i < bytes.count {
            if l == line && c == column { return i }
            let breakLength = lineBreakLength(bytes, at: i)
            if breakLength > 0 {
                (l, c, i) = (l + 1, 1, i + breakLength)
                continue
            }
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            c += 1
        }
        return nil
    }

    private static func lineBreakLength(_ bytes: [UInt8], at i: Int) -> Int {
        let rest = bytes.count - i
        switch bytes[i] {
        case 0x0A: return 1
        case 0x0D: return rest > 1 && bytes[i + 1] == 0x0A ? 2 : 1
        case 0xC2 where rest > 1 && bytes[i + 1] == 0x85: return 2
        case 0xE2 where rest > 2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9): return 3
        default: return 0
        }
    }
}
