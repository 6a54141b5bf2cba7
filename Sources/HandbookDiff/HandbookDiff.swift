import Diagnostics
import HandbookModel

/// What a change means for the team: entities added, removed, renamed or
/// changed; engagement cells; context flows; contract gates, carried
/// contexts, boundaries and timings; agents; diagnostics introduced and
/// resolved. Printed as a pull-request comment (`markdown()`) or as data
/// (`json()`).
public struct HandbookDiff: Sendable {
    public struct Entity: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String
    }

    public struct Rename: Sendable, Equatable, Encodable {
        public var from: String
        public var to: String
        public var name: String
        /// Fields that changed too (a rename with edits).
        public var fields: [String]
    }

    /// A page address BASE published and HEAD neither publishes nor
    /// redirects (FORMAT.md, Renames).
    public struct LostAddress: Sendable, Equatable, Encodable {
        /// The former id (`pm`; a page's path without `.md`).
        public var id: String
        /// Its address in the site (`roles/pm.html`).
        public var address: String
        /// The id it was renamed to, when it was.
        public var renamedTo: String?
        /// The file that should list the alias (the renamed one's), when known.
        public var file: String?

        enum CodingKeys: String, CodingKey { case id, address, renamed_to, file }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(address, forKey: .address)
            try c.encode(renamedTo, forKey: .renamed_to)
            try c.encode(file, forKey: .file)
        }
    }

    public struct Change: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String
        public var fields: [String]
    }

    public struct EntityChanges: Sendable {
        public var kind: EntityKind
        public var added: [Entity] = []
        public var removed: [Entity] = []
        public var renamed: [Rename] = []
        public var changed: [Change] = []
        /// Removed or renamed ids whose page address HEAD does not keep as
        /// an alias: saved links to them will break.
        public var lostAddresses: [LostAddress] = []

        var isEmpty: Bool { added.isEmpty && removed.isEmpty && renamed.isEmpty && changed.isEmpty }
    }

    public struct EngagementChange: Sendable, Equatable {
        public var role: String
        public var roleName: String
        public var stage: String
        public var stageName: String
        public var from: Engagement?
        public var to: Engagement?
    }

    public struct Flow: Sendable, Hashable, Comparable, Encodable {
        public var producer: String
        public var context: String
        public var consumer: String

        public static func < (a: Flow, b: Flow) -> Bool {
            (a.context, a.producer, a.consumer) < (b.context, b.producer, b.consumer)
        }
    }

    public struct Unpartnered: Sendable, Equatable, Encodable {
        public var flow: Flow
        public var problem: FlowProblem
    }

    /// What a flow declared by one side only lacks.
    public enum FlowProblem: String, Sendable, Equatable, Encodable {
        /// The consumer does not take it in.
        case notConsumed = "not-consumed"
        /// The producer does not send it.
        case notSent = "not-sent"
        /// Sent to all, taken by none.
        case noConsumer = "no-consumer"
    }

    /// Which side of a flow declares it: the producer's `context_out` or the
    /// consumer's `context_in`.
    enum FlowSide: Hashable {
        case producer, consumer
    }

    /// A field's value as compared: text, a list, or a list of records
    /// (agents, workflows), so that no separator can make two values equal.
    enum FieldValue: Equatable {
        case text(String)
        case list([String])
        case records([[String]])
    }

    public struct Reworded: Sendable, Equatable, Encodable {
        public var from: String
        public var to: String
    }

    public struct ValueChange: Sendable, Equatable, Encodable {
        public var field: String
        public var from: String
        public var to: String
    }

    public struct ContractChange: Sendable {
        public var id: String
        public var name: String
        public var gatesAdded: [String] = []
        public var gatesRemoved: [String] = []
        public var gatesReworded: [Reworded] = []
        public var carriesAdded: [String] = []
        public var carriesRemoved: [String] = []
        /// from, to, boundary, acknowledge_within, next_stage_within.
        public var values: [ValueChange] = []

        var isEmpty: Bool {
            gatesAdded.isEmpty && gatesRemoved.isEmpty && gatesReworded.isEmpty && carriesAdded.isEmpty
                && carriesRemoved.isEmpty && values.isEmpty
        }
    }

    public struct AgentChange: Sendable {
        public enum Kind: String, Sendable { case added, removed, changed }
        public var role: String
        public var roleName: String
        public var name: String
        public var kind: Kind
        public var access: String
        /// access, blast_radius, delegation.
        public var values: [ValueChange] = []
        /// A read agent that now writes (or a new agent that writes).
        public var becomesWrite: Bool
        /// A specialist that became a copilot by the Winter-Tear test (or a
        /// new delegated copilot); `values` has the "class" change.
        public var becomesCopilot = false
        /// What the agent no longer names when it became a copilot.
        public var missing: [String] = []
    }

    /// Two consecutive lifecycle stages.
    public struct Seam: Sendable, Equatable, Encodable {
        public var from: String
        public var to: String
    }

    /// Time at the seams, before and after.
    public struct TimingChange: Sendable {
        /// The cycle's time ("12w 5d", "unbounded") when it changed.
        public var cycle: ValueChange?
        /// HEAD's cycle budget, for the comment.
        public var budget: String?
        /// Boundaries that had a contract in BASE and have none in HEAD.
        public var uncovered: [Seam] = []

        var isEmpty: Bool { cycle == nil && uncovered.isEmpty }
    }

    /// A risk whose owner changed (FORMAT.md, The kernel); nil owner: none.
    public struct RiskOwnerChange: Sendable, Equatable, Encodable {
        public var risk: String
        public var from: String?
        public var to: String?
        enum CodingKeys: String, CodingKey { case risk, from, to }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(risk, forKey: .risk)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
        }
    }

    /// An external whose `engaged` stages changed (the extended team).
    public struct ExternalEngagementChange: Sendable, Equatable, Encodable {
        public var external: String
        public var from: [String]
        public var to: [String]
    }

    public var entities: [EntityChanges] = []
    public var riskOwners: [RiskOwnerChange] = []
    public var extendedTeam: [ExternalEngagementChange] = []
    public var engagement: [EngagementChange] = []
    public var flowsAdded: [Flow] = []
    public var flowsRemoved: [Flow] = []
    public var unpartnered: [Unpartnered] = []
    public var contracts: [ContractChange] = []
    public var agents: [AgentChange] = []
    public var timing = TimingChange()
    public var introduced: [Diagnostic] = []
    public var resolved: [Diagnostic] = []
    /// Display names for ids in flows (roles, externals, "all roles").
    var actorNames: [String: String] = [:]
    /// Stage ids in lifecycle order (HEAD's, then BASE's others).
    var stageOrder: [String] = []
    /// Stage names by id (HEAD's, then BASE's).
    var stageNames: [String: String] = [:]

    public var isEmpty: Bool {
        entities.allSatisfy(\.isEmpty) && engagement.isEmpty && flowsAdded.isEmpty && flowsRemoved.isEmpty
            && unpartnered.isEmpty && contracts.isEmpty && agents.isEmpty && timing.isEmpty && introduced.isEmpty && resolved.isEmpty
            && riskOwners.isEmpty && extendedTeam.isEmpty
    }

    public var introducedErrors: Int { introduced.errorCount }
    public var introducedWarnings: Int { introduced.warningCount }
}
