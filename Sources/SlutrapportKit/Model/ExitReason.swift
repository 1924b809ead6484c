public struct ExitReason: Hashable, Sendable {
    public var code: String
    public var label: String
    public var positive: Bool
    /// What it counts as among the ESF+ result indicators; by default
    /// `arbete` is employment and `studier` education (SPEC §3.6).
    public var esfResult: ESFResult?

    public init(code: String, label: String, positive: Bool, esfResult: ESFResult? = nil) {
        self.code = code
        self.label = label
        self.positive = positive
        self.esfResult = esfResult ?? Self.defaultESFResult(code: code)
    }

    static func defaultESFResult(code: String) -> ESFResult? {
        switch code {
        case StandardExitReason.arbete.rawValue: .employment
        case StandardExitReason.studier.rawValue: .education
        default: nil
        }
    }
}

/// The default reasons of SPEC §3.4, in their configured order; their
/// labels are in each language's translation (`ExitReason.defaults(lang:)`).
public enum StandardExitReason: String, CaseIterable, Sendable {
    case arbete, studier, avbrutit
    case annanOrsak = "annan_orsak"
    case fullfoljt

    /// SPEC §3.4: work and studies are the positive outcomes.
    public var isPositive: Bool { self == .arbete || self == .studier }
}

/// Looks exit reasons up by code or label, case-insensitively, with spaces and
/// underscores treated alike (`Annan orsak` = `annan_orsak`).
public struct ExitReasonIndex: Sendable {
    private var byKey: [String: Int] = [:]

    public init(_ reasons: [ExitReason], aliases: [ExitReason] = []) {
        for (i, r) in reasons.enumerated() {
            byKey[Self.key(r.code)] = i
            byKey[Self.key(r.label)] = i
        }
        // Default labels in both languages stay accepted for the default codes,
        // unless the project uses that text for a reason of its own.
        for alias in aliases {
            if let i = byKey[Self.key(alias.code)], byKey[Self.key(alias.label)] == nil { byKey[Self.key(alias.label)] = i }
        }
    }

    public func index(of text: some StringProtocol) -> Int? {
        byKey[Self.key(text)]
    }

    static func key(_ s: some StringProtocol) -> String {
        CodeKey.of(s)
    }
}
