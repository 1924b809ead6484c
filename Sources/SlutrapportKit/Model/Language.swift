public enum Language: String, Sendable, CaseIterable {
    case sv
    case en
}
