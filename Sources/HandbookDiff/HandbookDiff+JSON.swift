import Diagnostics
import HandbookModel

extension HandbookDiff {
    /// The same content as `markdown()`, as data.
    public func json() -> String {
        JSON.encode(Model(self), expandedDepth: 2)
    }

    /// `diff --format json`, in this key order.
    struct Model: Encodable {
        struct Kind: Encodable {
            var added: [Entity]
            var removed: [Entity]
            var renamed: [Rename]
            var changed: [Change]
            /// Removed or renamed without an alias: saved links break.
            var lost_addresses: [LostAddress]
        }
        struct Cell: Encodable {
            var role: String
            var stage: String
            var from: String?
            var to: String?
            enum CodingKeys: String, CodingKey { case role, stage, from, to }

            func encode(to encoder: any Encoder) throws {
                // `null` for a cell that was or becomes not engaged.
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(role, forKey: .role)
                try c.encode(stage, forKey: .stage)
                try c.encode(from, forKey: .from)
                try c.encode(to, forKey: .to)
            }
        }
        struct Flows: Encodable {
            var added: [Flow]
            var removed: [Flow]
            var unpartnered: [Unpartnered]
        }
        struct Gates: Encodable {
            var added: [String]
            var removed: [String]
            var reworded: [Reworded]
        }
        struct AddedRemoved: Encodable {
            var added: [String]
            var removed: [String]
        }
        struct Contract: Encodable {
            var id: String
            var name: String
            var gates: Gates
            var carries: AddedRemoved
            var values: [ValueChange]
        }
        struct Agent: Encodable {
            var role: String
            var name: String
            var change: String
            var access: String
            var becomes_write: Bool
            var becomes_copilot: Bool
            var values: [ValueChange]
        }
        struct Timing: Encodable {
            var cycle: ValueChange?
            var uncovered_boundaries: [Seam]
            enum CodingKeys: String, CodingKey { case cycle, uncovered_boundaries }
            func encode(to encoder: any Encoder) throws {
                // `null` when the cycle's time did not change.
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(cycle, forKey: .cycle)
                try c.encode(uncovered_boundaries, forKey: .uncovered_boundaries)
            }
        }
        struct Diagnostics: Encodable {
            var introduced: [DiagnosticJSON]
            var resolved: [DiagnosticJSON]
        }
        /// Entity kinds in the diff's order, as `"roles": {...}` members.
        struct Kinds: Encodable {
            var kinds: [(String, Kind)]
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: Key.self)
                for (name, kind) in kinds { try c.encode(kind, forKey: Key(stringValue: name)) }
            }
        }

        var changed: Bool
        var entities: Kinds
        var engagement: [Cell]
        var flows: Flows
        var contracts: [Contract]
        var agents: [Agent]
        var timing: Timing
        var risk_owners: [RiskOwnerChange]
        var extended_team: [ExternalEngagementChange]
        var diagnostics: Diagnostics
        var new_errors: Int
        var new_warnings: Int

        init(_ diff: HandbookDiff) {
            changed = !diff.isEmpty
            entities = Kinds(kinds: diff.entities.map {
                ($0.kind.rawValue, Kind(added: $0.added, removed: $0.removed, renamed: $0.renamed, changed: $0.changed, lost_addresses: $0.lostAddresses))
            })
            engagement = diff.engagement.map { Cell(role: $0.role, stage: $0.stage, from: $0.from?.rawValue, to: $0.to?.rawValue) }
            flows = Flows(added: diff.flowsAdded, removed: diff.flowsRemoved, unpartnered: diff.unpartnered)
            contracts = diff.contracts.map {
                Contract(id: $0.id, name: $0.name,
                         gates: Gates(added: $0.gatesAdded, removed: $0.gatesRemoved, reworded: $0.gatesReworded),
                         carries: AddedRemoved(added: $0.carriesAdded, removed: $0.carriesRemoved), values: $0.values)
            }
            agents = diff.agents.map {
                Agent(role: $0.role, name: $0.name, change: $0.kind.rawValue, access: $0.access,
                      becomes_write: $0.becomesWrite, becomes_copilot: $0.becomesCopilot, values: $0.values)
            }
            timing = Timing(cycle: diff.timing.cycle, uncovered_boundaries: diff.timing.uncovered)
            risk_owners = diff.riskOwners
            extended_team = diff.extendedTeam
            diagnostics = Diagnostics(introduced: diff.introduced.map(DiagnosticJSON.init), resolved: diff.resolved.map(DiagnosticJSON.init))
            new_errors = diff.introducedErrors
            new_warnings = diff.introducedWarnings
        }
    }
}
