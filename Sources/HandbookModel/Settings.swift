import Diagnostics

/// handbook.yaml: site settings and the lifecycle.
public struct Settings: Sendable {
    public struct External: Sendable {
        public var id: String
        public var name: String
        public var location: SourceLocation
        /// `engaged:` the stages where this collaborator shapes the work
        /// (FORMAT.md, The kernel): valid ids as written, in order.
        public var engaged: [Located<String>] = []
        /// Where `engaged`'s value stands (late-extended-team reports there).
        public var engagedLocation: SourceLocation?

        public init(id: String, name: String, location: SourceLocation) {
            self.id = id
            self.name = name
            self.location = location
        }
    }

    /// The kernel's five risks, in the essays' order.
    public enum Risk: String, Sendable, CaseIterable {
        case value, usability, feasibility, viability, ethical

        /// Before "risk" in a sentence: "the value risk", "the ethical data risk".
        public var qualifier: String {
            switch self {
            case .viability: "business viability"
            case .ethical: "ethical data"
            default: rawValue
            }
        }

        /// "the value risk", "the value and business viability risks".
        public static func phrase(_ risks: [Risk]) -> String {
            "the " + listed(risks.map(\.qualifier), "and") + (risks.count == 1 ? " risk" : " risks")
        }

        /// How a reader names it.
        public var title: String {
            switch self {
            case .value: "Value"
            case .usability: "Usability"
            case .feasibility: "Feasibility"
            case .viability: "Business viability"
            case .ethical: "Ethical data risk"
            }
        }
    }

    /// One entry of `risks:`: the role ids written as its owner (more than
    /// one, or a list, is risk-by-committee), at the value.
    public struct RiskOwner: Sendable {
        public var risk: Risk
        public var owners: [Located<String>]
        /// The owner was written as a list (even of one).
        public var isList: Bool
        public var location: SourceLocation

        public init(risk: Risk, owners: [Located<String>], isList: Bool, location: SourceLocation) {
            self.risk = risk
            self.owners = owners
            self.isList = isList
            self.location = location
        }

        /// The single owner, when there is exactly one written as a scalar.
        public var owner: String? { !isList && owners.count == 1 ? owners[0].value : nil }
    }

    public var file: String
    public var title: String
    public var description: String?
    public var repository: String?
    /// `url:` where the site is published (absolute addresses), or nil.
    public var url: String?
    /// Valid, distinct stage ids in lifecycle order.
    public var lifecycle: [Located<String>] {
        didSet { lifecyclePosition = Self.positions(lifecycle) }
    }
    /// Each lifecycle stage's place (0 for the first): worked out once, read
    /// by the rules, the site's ordering and the timing.
    public private(set) var lifecyclePosition: [String: Int] = [:]

    static func positions(_ lifecycle: [Located<String>]) -> [String: Int] {
        var position: [String: Int] = [:]
        for (index, id) in lifecycle.enumerated() where position[id.value] == nil { position[id.value] = index }
        return position
    }
    public var externals: [String: External]
    /// Severity overrides by rule id (`off` drops the rule), as written: the
    /// checker reports ids that name no rule or a rule that cannot change.
    public var severity: [String: Severity]
    /// Where each key of `severity` stands.
    public var severityLocations: [String: SourceLocation] = [:]
    /// `risks:` each risk's owner, in the kernel's order; nil when `risks`
    /// is absent (then no risk rule applies).
    public var risks: [RiskOwner]?
    /// Where the `risks` key stands (unowned-risk reports there).
    public var risksLocation: SourceLocation?
    /// The risks `role` is the one owner of, in the kernel's order.
    public func risks(ownedBy role: String) -> [Risk] { Risk.allCases.filter { owner(of: $0) == role } }
    /// The owner of a risk, when it has exactly one.
    public func owner(of risk: Risk) -> String? { risks?.first { $0.risk == risk }?.owner }
    /// `raw_html:` what bodies' raw HTML becomes.
    public var rawHTML: RawHTML = .sanitize
    /// `cycle_budget:` the appetite for one lifecycle cycle.
    public var cycleBudget: Located<Duration>?
    /// `cycle_budget` was written but reported invalid.
    public var cycleBudgetReported = false

    public enum RawHTML: String, Sendable, CaseIterable { case sanitize, drop }

    public init(file: String, title: String = "", description: String? = nil, repository: String? = nil,
                lifecycle: [Located<String>] = [], externals: [String: External] = [:], severity: [String: Severity] = [:]) {
        self.file = file
        self.title = title
        self.description = description
        self.repository = repository
        self.lifecycle = lifecycle
        lifecyclePosition = Self.positions(lifecycle)
        self.externals = externals
        self.severity = severity
    }
}
