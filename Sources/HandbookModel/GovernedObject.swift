import Diagnostics

/// objects/<id>.md: an entity the product promises is true (the governance
/// layer of FORMAT.md), with its executable data contract and its steward's
/// standing weekly job.
public struct GovernedObject: Sendable {
    /// `contract:` the executable data contract.
    public struct DataContract: Sendable {
        /// Where it runs and fails the pipeline; nil when absent or empty
        /// (unenforced-data-contract).
        public var enforcedBy: String?
        public var freshness: Duration?
        public var completeness: [String] = []
        public var cardinality: String?
        public var rules: [String] = []
        /// `enforced_by` was written but is not text (reported as invalid-value).
        public var enforcedByReported = false
        /// Where the `contract` mapping stands (unenforced-data-contract points here).
        public var location: SourceLocation

        public init(location: SourceLocation) { self.location = location }
    }

    /// `weekly_job:` the steward's standing job.
    public struct WeeklyJob: Sendable {
        public var when: String
        public var tasks: [String]

        public init(when: String, tasks: [String]) {
            self.when = when
            self.tasks = tasks
        }
    }

    public var id: String
    public var file: String
    public var name: String
    public var definition: String
    /// Where `definition`'s value stands (a portfolio's conflicting-definition reports there).
    public var definitionLocation: SourceLocation?
    public var producer: Located<String>?
    public var steward: Located<String>?
    public var consumers: [Located<String>]
    /// nil when absent (missing-field) or not a mapping (invalid-value).
    public var contract: DataContract?
    /// nil when absent or incomplete (reported).
    public var weeklyJob: WeeklyJob?
    public var body: Body
    /// `aliases`: former ids (a page: former paths or site paths), kept as redirects.
    public var aliases: [Located<String>] = []

    public init(id: String, file: String, name: String = "", definition: String = "", producer: Located<String>? = nil,
                steward: Located<String>? = nil, consumers: [Located<String>] = [], contract: DataContract? = nil,
                weeklyJob: WeeklyJob? = nil, body: Body = .empty) {
        self.id = id
        self.file = file
        self.name = name
        self.definition = definition
        self.producer = producer
        self.steward = steward
        self.consumers = consumers
        self.contract = contract
        self.weeklyJob = weeklyJob
        self.body = body
    }

    /// The contract names where it is enforced.
    public var isEnforced: Bool { contract?.enforcedBy != nil }
}
