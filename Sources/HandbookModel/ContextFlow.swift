import Diagnostics

/// A `context_in` entry: this role consumes `context` from `from`.
public struct ContextIn: Sendable {
    public var context: Located<String>
    public var from: Located<String>
    public var cadence: String?

    public init(context: Located<String>, from: Located<String>, cadence: String? = nil) {
        self.context = context
        self.from = from
        self.cadence = cadence
    }
}

/// A `context_out` entry: this role produces `context` for `to`.
public struct ContextOut: Sendable {
    /// The reserved id in `to` that stands for every role.
    public static let everyone = "all"

    public var context: Located<String>
    /// Valid ids only (invalid ones are reported and left out); may hold `all`.
    public var to: [Located<String>]
    /// False when a `to` id was reported as invalid and left out.
    public var targetsAreComplete: Bool
    public var cadence: String?
    public var format: String?

    public init(context: Located<String>, to: [Located<String>], targetsAreComplete: Bool = true,
                cadence: String? = nil, format: String? = nil) {
        self.context = context
        self.to = to
        self.targetsAreComplete = targetsAreComplete
        self.cadence = cadence
        self.format = format
    }

    public var isForEveryone: Bool { to.contains { $0.value == Self.everyone } }

    public func sends(to role: String) -> Bool {
        to.contains { $0.value == role || $0.value == Self.everyone }
    }
}
