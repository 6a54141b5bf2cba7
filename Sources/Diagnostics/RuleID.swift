/// The id of a rule of FORMAT.md's table, with its default severity and the
/// one-line summary that SARIF and `--help` show. The table is the contract:
/// ids and default severities here never change.
public struct RuleID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public let defaultSeverity: Severity
    /// yaml-syntax, missing-field, invalid-value and invalid-id are always errors.
    public let isConfigurable: Bool
    public let summary: String

    private init(_ rawValue: String, _ severity: Severity, configurable: Bool = true, _ summary: String) {
        self.rawValue = rawValue
        self.defaultSeverity = severity
        self.isConfigurable = configurable
        self.summary = summary
    }

    public var description: String { rawValue }

    public static func == (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let yamlSyntax = RuleID("yaml-syntax", .error, configurable: false,
        "front matter or handbook.yaml is not valid YAML, or a file has no front matter")
    public static let missingField = RuleID("missing-field", .error, configurable: false,
        "a required field is absent or empty")
    public static let invalidValue = RuleID("invalid-value", .error, configurable: false,
        "a value of the wrong type or outside its set")
    public static let invalidID = RuleID("invalid-id", .error, configurable: false,
        "a file name or referenced id breaks the id rule")
    public static let unknownField = RuleID("unknown-field", .warning,
        "a field the format does not define")
    public static let unknownStage = RuleID("unknown-stage", .error,
        "a stage id that is not in the lifecycle, or a lifecycle id with no stage file")
    public static let unknownRole = RuleID("unknown-role", .error,
        "a role or external id that does not exist")
    public static let orphanedContextIn = RuleID("orphaned-context-in", .error,
        "a consumed context that its producer does not send to this role")
    public static let unconsumedContextOut = RuleID("unconsumed-context-out", .warning,
        "a produced context that the receiving role does not consume")
    public static let contextHoarding = RuleID("context-hoarding", .warning,
        "a role that consumes context but produces none")
    public static let stageWithoutLead = RuleID("stage-without-lead", .error,
        "a lifecycle stage that no role leads")
    public static let contractUnproduced = RuleID("contract-unproduced", .error,
        "a contract carries a context that its sender does not produce for its receiver")
    public static let contractUnconsumed = RuleID("contract-unconsumed", .error,
        "a contract carries a context that its receiver does not consume from its sender")
    public static let contractNotEngaged = RuleID("contract-not-engaged", .warning,
        "a contract's sender or receiver is not engaged in its side of the boundary")
    public static let backwardHandoff = RuleID("backward-handoff", .warning,
        "a contract's boundary goes backwards (or nowhere) in the lifecycle")
    public static let contractWithoutGates = RuleID("contract-without-gates", .error,
        "a contract without gates")
    public static let vagueGate = RuleID("vague-gate", .warning,
        "a gate that states a preference instead of a checkable constraint")
    public static let agentWithoutGuardrails = RuleID("agent-without-guardrails", .error,
        "an agent without oversight or blast radius")
    public static let unguardedWriteAgent = RuleID("unguarded-write-agent", .error,
        "a write agent without confirmation or staging")
    public static let delegationMismatch = RuleID("delegation-mismatch", .warning,
        "an agent delegated although its work calls for coordination")
    public static let brokenLink = RuleID("broken-link", .error,
        "a relative link to a content file or anchor that does not exist")
    public static let rawHTMLRemoved = RuleID("raw-html-removed", .warning,
        "the sanitizer removed a tag, attribute or URL from a body's raw HTML")
    public static let badEncoding = RuleID("bad-encoding", .warning,
        "a body byte that is not UTF-8")
    /// Input handoff refuses to read.
    public static let unsafeInput = RuleID("unsafe-input", .error, configurable: false,
        "a file over a size or complexity limit, or a symlink that leaves the handbook")

    /// Every rule, in FORMAT.md's order.
    public static let all: [RuleID] = [
        yamlSyntax, missingField, invalidValue, invalidID, unknownField, unknownStage, unknownRole,
        orphanedContextIn, unconsumedContextOut, contextHoarding, stageWithoutLead,
        contractUnproduced, contractUnconsumed, contractNotEngaged, backwardHandoff,
        contractWithoutGates, vagueGate, agentWithoutGuardrails, unguardedWriteAgent,
        delegationMismatch, brokenLink, rawHTMLRemoved, badEncoding, unsafeInput,
    ]

    public static func named(_ id: String) -> RuleID? { all.first { $0.rawValue == id } }
}
