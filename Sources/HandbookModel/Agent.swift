import Diagnostics

/// An AI agent of a role, with its guardrails.
public struct Agent: Sendable {
    public enum Access: String, Sendable, CaseIterable { case read, write }
    public enum Delegation: String, Sendable, CaseIterable { case delegate, coordinate }
    public enum ErrorTolerance: String, Sendable, CaseIterable { case high, low }
    public enum ToolSpan: String, Sendable, CaseIterable { case single, multiple }
    public enum Independence: String, Sendable, CaseIterable { case independent, interdependent }

    /// Where the agent's mapping starts (agent rules point here).
    public var location: SourceLocation
    public var name: String
    public var input: String
    public var output: String
    public var oversight: String?
    public var blastRadius: String?
    public var access: Access
    public var delegation: Located<Delegation>?
    public var errorTolerance: ErrorTolerance?
    public var toolSpan: ToolSpan?
    public var independence: Independence?
    public var confirmation: String?
    public var staging: String?
    /// The Winter-Tear test's three names (nil when absent or empty).
    public var sourceOfTruth: String?
    public var serviceLevel: String?
    public var auditTrail: String?
    /// `reads:` governed object ids.
    public var reads: [Located<String>] = []
    /// Where the `reads` value stands (uninstrumented-agent points here).
    public var readsLocation: SourceLocation?
    /// `synthesis:` what checks what the agent makes by combining governed
    /// objects (unchecked-synthesis when it reads two or more without it).
    public var synthesis: String?
    /// `logs:` what each run records.
    public var logs: [RunLog] = []
    /// An entry of `logs` was reported invalid (so uninstrumented-agent stays quiet).
    public var logsReported = false

    /// What an agent may record on each run (`logs:`).
    public enum RunLog: String, Sendable, CaseIterable {
        case contractVersion = "contract-version", freshness, inputHash = "input-hash"
    }

    /// The Winter-Tear test: an agent whose owner can name its source of
    /// truth, service level and audit trail is a specialist; otherwise a copilot.
    public enum WinterTearClass: String, Sendable { case specialist, copilot }

    /// The test's fields this agent does not name, in FORMAT.md's order.
    public var winterTearMissing: [String] {
        [("source_of_truth", sourceOfTruth), ("service_level", serviceLevel), ("audit_trail", auditTrail)]
            .filter { $0.1 == nil }.map { $0.0 }
    }

    public var winterTearClass: WinterTearClass { winterTearMissing.isEmpty ? .specialist : .copilot }

    /// The three run logs governance asks for that `logs` lacks.
    public var missingLogs: [RunLog] { RunLog.allCases.filter { !logs.contains($0) } }

    public init(location: SourceLocation, name: String, input: String = "", output: String = "",
                oversight: String? = nil, blastRadius: String? = nil, access: Access = .read,
                delegation: Located<Delegation>? = nil, errorTolerance: ErrorTolerance? = nil,
                toolSpan: ToolSpan? = nil, independence: Independence? = nil,
                confirmation: String? = nil, staging: String? = nil) {
        self.location = location
        self.name = name
        self.input = input
        self.output = output
        self.oversight = oversight
        self.blastRadius = blastRadius
        self.access = access
        self.delegation = delegation
        self.errorTolerance = errorTolerance
        self.toolSpan = toolSpan
        self.independence = independence
        self.confirmation = confirmation
        self.staging = staging
    }
}
