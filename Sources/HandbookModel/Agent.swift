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
