/// The standard headings of an ESF final report, in the order the funder's
/// template uses (SPEC §3.1).
public enum StandardSection: String, CaseIterable, Sendable {
    case summary, background, purpose, idea, method, results, equality, transnational
    case dissemination, evaluation, implementation
    case nextSteps = "next_steps"

    /// Position in the standard order.
    public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
