/// A participant attribute project.yaml declares under `breakdowns:`, or
/// one of the fixed ESF+ breakdowns `esf_plus: true` declares (SPEC §3.6).
public struct DeclaredBreakdown: Sendable {
    public struct Value: Sendable {
        public var code: String
        /// The user's label; nil for an ESF+ value, whose label is the report language's.
        public var label: String?
        /// Further spellings a cell may use (the yes/no spellings of SPEC §3.6), lowercased.
        public var spellings: [String] = []

        public init(code: String, label: String?, spellings: [String] = []) {
            self.code = code
            self.label = label
            self.spellings = spellings
        }
    }

    /// `[a-z0-9_-]+`, unique among the project's breakdowns.
    public var id: String
    /// The user's title; nil for an ESF+ breakdown, whose title is the report language's.
    public var title: String?
    /// The header names that hold it, compared as `Column.named` compares
    /// (trimmed, lowercased): the user's `column` (default the id), or the
    /// ESF+ breakdown's English and Swedish names.
    public var columns: [String]
    /// In report order.
    public var values: [Value]
    /// A cell may hold several codes, separated by `;` or `|`.
    public var multiple: Bool
    /// Special category data: always under disclosure control with N ≥ 5 (SPEC §4.8).
    public var sensitive: Bool
    /// Which ESF+ breakdown this is; nil for the user's own.
    public var esf: ESFBreakdown?
    /// Where project.yaml declares it (for an ESF+ one, `esf_plus`).
    public var location: SourceLocation

    public init(id: String, title: String?, columns: [String], values: [Value], multiple: Bool, sensitive: Bool,
                esf: ESFBreakdown? = nil, location: SourceLocation) {
        self.id = id
        self.title = title
        self.columns = columns
        self.values = values
        self.multiple = multiple
        self.sensitive = sensitive
        self.esf = esf
        self.location = location
    }
}

/// The breakdowns behind the common indicators for participants of
/// Regulation (EU) 2021/1057, Annex I (SPEC §3.6), in declaration order.
public enum ESFBreakdown: String, CaseIterable, Sendable {
    case labourStatus = "labour_status"
    case education
    case disability
    case thirdCountryNational = "third_country_national"
    case foreignBackground = "foreign_background"
    case minority
    case homeless
    case rural
    case qualification

    /// The column names a participants file may use: English, then Swedish.
    public var columns: [String] {
        switch self {
        case .labourStatus: ["labour_status", "arbetsmarknadsstatus"]
        case .education: ["education", "utbildningsniva", "utbildningsnivå"]
        case .disability: ["disability", "funktionsnedsattning", "funktionsnedsättning"]
        case .thirdCountryNational: ["third_country_national", "tredjelandsmedborgare"]
        case .foreignBackground: ["foreign_background", "utlandsk_bakgrund", "utländsk_bakgrund"]
        case .minority: ["minority", "minoritet"]
        case .homeless: ["homeless", "hemlos", "hemlös"]
        case .rural: ["rural", "landsbygd"]
        case .qualification: ["qualification", "kvalifikation"]
        }
    }

    /// Special category data (Regulation (EU) 2016/679, Article 9).
    public var isSensitive: Bool { self == .disability || self == .minority }

    /// `true`/`false`: a workbook's boolean cell as read (`TRUE`), and
    /// Excel's CSV export of one in English; `sant`/`falskt` in Swedish.
    public static let yesSpellings = ["ja", "yes", "j", "y", "1", "x", "true", "sant"]
    public static let noSpellings = ["nej", "no", "n", "0", "false", "falskt"]

    /// The codes a cell may hold; yes/no breakdowns take `yes` and `no` and their spellings.
    public var values: [DeclaredBreakdown.Value] {
        switch self {
        case .labourStatus:
            // SPEC §3.2: the Swedish words a project's own list has for them.
            [("unemployed", ["arbetslös", "arbetslos"]), ("long_term_unemployed", ["långtidsarbetslös", "langtidsarbetslos"]),
             ("inactive", ["utanför arbetskraften", "utanfor arbetskraften", "inaktiv"]),
             ("employed", ["sysselsatt", "anställd", "anstalld", "egenföretagare", "egenforetagare"])]
                .map { DeclaredBreakdown.Value(code: $0.0, label: nil, spellings: $0.1) }
        case .education:
            [("isced_0_2", ["förgymnasial", "forgymnasial", "grundskola"]), ("isced_3_4", ["gymnasial", "gymnasium"]),
             ("isced_5_8", ["eftergymnasial", "högskola", "hogskola", "universitet"])]
                .map { DeclaredBreakdown.Value(code: $0.0, label: nil, spellings: $0.1) }
        default:
            [DeclaredBreakdown.Value(code: "yes", label: nil, spellings: Self.yesSpellings),
             DeclaredBreakdown.Value(code: "no", label: nil, spellings: Self.noSpellings)]
        }
    }

    public func declaration(at location: SourceLocation) -> DeclaredBreakdown {
        DeclaredBreakdown(id: rawValue, title: nil, columns: columns, values: values, multiple: false,
                          sensitive: isSensitive, esf: self, location: location)
    }
}

/// What an exit reason counts as among the ESF+ result indicators (SPEC §3.6).
public enum ESFResult: String, CaseIterable, Sendable {
    case jobSearching = "job_searching"
    case education
    case employment
}

/// The common indicators for participants of Regulation (EU) 2021/1057,
/// Annex I, in the order of SPEC §4.9; the raw value is the XML id.
public enum ESFIndicator: String, CaseIterable, Sendable {
    case total, unemployed
    case longTermUnemployed = "long_term_unemployed"
    case inactive, employed
    case below18 = "below_18"
    case age18to29 = "age_18_29"
    case age55Plus = "age_55_plus"
    case isced02 = "isced_0_2"
    case isced34 = "isced_3_4"
    case isced58 = "isced_5_8"
    case disability
    case thirdCountryNational = "third_country_national"
    case foreignBackground = "foreign_background"
    case minority, homeless, rural
    case jobSearching = "job_searching"
    case educationTraining = "education_training"
    case qualification, employment

    public enum Kind: String, Sendable { case output, result }

    public var kind: Kind {
        switch self {
        case .jobSearching, .educationTraining, .qualification, .employment: .result
        default: .output
        }
    }

    /// The breakdown it is drawn from; nil for the total, the ages and the results by exit reason.
    public var breakdown: ESFBreakdown? {
        switch self {
        case .unemployed, .longTermUnemployed, .inactive, .employed: .labourStatus
        case .isced02, .isced34, .isced58: .education
        case .disability: .disability
        case .thirdCountryNational: .thirdCountryNational
        case .foreignBackground: .foreignBackground
        case .minority: .minority
        case .homeless: .homeless
        case .rural: .rural
        case .qualification: .qualification
        case .total, .below18, .age18to29, .age55Plus, .jobSearching, .educationTraining, .employment: nil
        }
    }

    /// Drawn from special category data: always under disclosure control with N ≥ 5.
    public var isSensitive: Bool { breakdown?.isSensitive ?? false }
}
