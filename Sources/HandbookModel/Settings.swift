import Diagnostics

/// handbook.yaml: site settings and the lifecycle.
public struct Settings: Sendable {
    public struct External: Sendable {
        public var id: String
        public var name: String
        public var location: SourceLocation

        public init(id: String, name: String, location: SourceLocation) {
            self.id = id
            self.name = name
            self.location = location
        }
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
