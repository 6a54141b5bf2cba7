import Diagnostics

/// A duration such as `24h`, `2d` or `1w`.
public struct Duration: Sendable, Hashable {
    public enum Unit: String, Sendable { case hours = "h", days = "d", weeks = "w" }
    public var amount: Int
    public var unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses `<n>h`, `<n>d` or `<n>w` (n ≥ 1, at most 6 digits).
    public init?(_ text: String) {
        guard let last = text.last, let unit = Unit(rawValue: String(last)) else { return nil }
        let digits = text.dropLast()
        guard (1...6).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let amount = Int(digits), amount > 0 else { return nil }
        self.init(amount: amount, unit: unit)
    }

    public var hours: Int {
        switch unit {
        case .hours: amount
        case .days: amount * 24
        case .weeks: amount * 24 * 7
        }
    }

    /// "24 hours", "1 day", "2 weeks"
    public var words: String {
        let noun: String
        switch unit {
        case .hours: noun = "hour"
        case .days: noun = "day"
        case .weeks: noun = "week"
        }
        return counted(amount, noun)
    }
}

/// contracts/<id>.md: a handoff between two roles at a stage boundary.
public struct Contract: Sendable {
    public struct Boundary: Sendable {
        public var from: String
        public var to: String
        public var location: SourceLocation

        public init(from: String, to: String, location: SourceLocation) {
            self.from = from
            self.to = to
            self.location = location
        }
    }

    public var id: String
    public var file: String
    /// Where the front matter mapping starts (contract-without-gates points here).
    public var location: SourceLocation
    public var name: String
    public var from: Located<String>?
    public var to: Located<String>?
    public var boundary: Boundary?
    public var carries: [Located<String>]
    public var required: [(field: String, rule: String)]
    /// Empty when `gates` is absent or empty (contract-without-gates).
    public var gates: [Located<String>]
    /// `gates` was there but none of its entries could be read (reported
    /// as invalid-value, so not again as contract-without-gates).
    public var gatesWereInvalid = false
    /// Where the `gates` key stands, when written (a portfolio's portfolio-gate reports there).
    public var gatesKeyLocation: SourceLocation?
    public var acknowledgeWithin: Duration?
    public var nextStageWithin: Duration?
    /// `trigger.acknowledge_within` is written, valid or not (an invalid one
    /// is reported, so the contract does not also count as untimed).
    public var acknowledgeWithinWritten = false
    /// A trigger duration (or `trigger` itself) was reported invalid: the
    /// contract's timing is unknown rather than unbounded.
    public var timingReported = false
    public var body: Body
    /// `aliases`: former ids (a page: former paths or site paths), kept as redirects.
    public var aliases: [Located<String>] = []

    public init(id: String, file: String, location: SourceLocation, name: String = "",
                from: Located<String>? = nil, to: Located<String>? = nil, boundary: Boundary? = nil,
                carries: [Located<String>] = [], required: [(field: String, rule: String)] = [],
                gates: [Located<String>] = [], acknowledgeWithin: Duration? = nil, nextStageWithin: Duration? = nil,
                body: Body = .empty) {
        self.id = id
        self.file = file
        self.location = location
        self.name = name
        self.from = from
        self.to = to
        self.boundary = boundary
        self.carries = carries
        self.required = required
        self.gates = gates
        self.acknowledgeWithin = acknowledgeWithin
        self.nextStageWithin = nextStageWithin
        self.body = body
    }
}
