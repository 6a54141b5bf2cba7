import Diagnostics

/// roles/<id>.md: one Role Operating System.
public struct Role: Sendable {
    public var id: String
    public var file: String
    public var name: String
    public var purpose: String
    /// Stage id → level, for valid stage ids and levels.
    public var engagement: [String: StageEngagement]
    /// False when `engagement` is missing or has an entry that was reported
    /// as invalid: rules that ask "is this role engaged?" then stay quiet.
    public var engagementIsComplete: Bool
    public var contextIn: [ContextIn]
    public var contextOut: [ContextOut]
    /// False when an entry was reported and left out: its partners' flow
    /// rules then stay quiet about this role.
    public var contextInIsComplete: Bool
    public var contextOutIsComplete: Bool
    /// The `context_in` key (context-hoarding points here).
    public var contextInKey: SourceLocation?
    public var agents: [Agent]
    public var workflows: [Workflow]
    public var body: Body
    /// `aliases`: former ids (a page: former paths or site paths), kept as redirects.
    public var aliases: [Located<String>] = []

    public init(id: String, file: String, name: String = "", purpose: String = "",
                engagement: [String: StageEngagement] = [:], engagementIsComplete: Bool = true,
                contextIn: [ContextIn] = [], contextOut: [ContextOut] = [],
                contextInIsComplete: Bool = true, contextOutIsComplete: Bool = true, contextInKey: SourceLocation? = nil,
                agents: [Agent] = [], workflows: [Workflow] = [], body: Body = .empty) {
        self.id = id
        self.file = file
        self.name = name
        self.purpose = purpose
        self.engagement = engagement
        self.engagementIsComplete = engagementIsComplete
        self.contextIn = contextIn
        self.contextOut = contextOut
        self.contextInIsComplete = contextInIsComplete
        self.contextOutIsComplete = contextOutIsComplete
        self.contextInKey = contextInKey
        self.agents = agents
        self.workflows = workflows
        self.body = body
    }
}

/// One entry of a role's `engagement`: the stage key's and the level's positions.
public struct StageEngagement: Sendable {
    public var level: Engagement
    public var stageLocation: SourceLocation
    public var levelLocation: SourceLocation

    public init(level: Engagement, stageLocation: SourceLocation, levelLocation: SourceLocation) {
        self.level = level
        self.stageLocation = stageLocation
        self.levelLocation = levelLocation
    }
}
