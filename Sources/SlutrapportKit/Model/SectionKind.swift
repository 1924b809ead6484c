/// The standard headings of an ESF final report, in the order the funder's
/// template uses (SPEC §3.1).
public enum StandardSection: String, CaseIterable, Sendable {
    case summary, background, purpose, idea, method, results, equality, transnational
    case dissemination, evaluation, implementation
    case nextSteps = "next_steps"

    /// Position in the standard order.
    public var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public func title(_ lang: Language) -> String {
        switch (self, lang) {
        case (.summary, .sv): "Sammanfattning"
        case (.summary, .en): "Summary"
        case (.background, .sv): "Bakgrund"
        case (.background, .en): "Background"
        case (.purpose, .sv): "Syfte"
        case (.purpose, .en): "Purpose"
        case (.idea, .sv): "Projektidé och förväntade resultat"
        case (.idea, .en): "Project idea and expected results"
        case (.method, .sv): "Arbetssätt och metod"
        case (.method, .en): "Approach and method"
        case (.results, .sv): "Resultat, mål och indikatorer"
        case (.results, .en): "Results, goals and indicators"
        case (.equality, .sv): "Jämställdhet, tillgänglighet och icke-diskriminering"
        case (.equality, .en): "Gender equality, accessibility and non-discrimination"
        case (.transnational, .sv): "Transnationellt samarbete"
        case (.transnational, .en): "Transnational cooperation"
        case (.dissemination, .sv): "Kommunikation och spridning"
        case (.dissemination, .en): "Communication and dissemination"
        case (.evaluation, .sv): "Uppföljning och utvärdering"
        case (.evaluation, .en): "Monitoring and evaluation"
        case (.implementation, .sv): "Användande av resultat och implementering"
        case (.implementation, .en): "Use of results and implementation"
        case (.nextSteps, .sv): "Behov av fortsatt utvecklingsarbete"
        case (.nextSteps, .en): "Need for further development"
        }
    }
}
