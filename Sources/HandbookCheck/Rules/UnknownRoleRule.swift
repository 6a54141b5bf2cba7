import Diagnostics
import HandbookModel

extension RuleID {
    public static let unknownRole = RuleID("unknown-role", .error,
        "a role or external id that does not exist")
}

/// unknown-role: a role or external id that does not exist, in a flow's
/// `from`/`to` or a contract's `from`/`to` (where externals are not allowed),
/// a governed object's producer or steward, or a risk's owner.
struct UnknownRoleRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles, .contracts, .objects]

    static let descriptor = RuleDescriptor(
        .unknownRole,
        help: "Use an existing role id (a file in roles/) or an external id declared under external: in handbook.yaml. Contracts connect roles only.",
        triggering: [
            RuleExample([
                "contracts/brief.md": RuleExample.base("contracts/brief.md", replacing: "to: eng",
                        with: "to: 1️⃣engineer"),
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("contracts/brief.md"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for role in index.roles {
            for flow in role.contextIn {
                if flow.from.value == ContextOut.everyone {
                    out.append(diagnostic("'all' can only stand in 'to': name the role that sends '\(flow.context.value)'", at: flow.from.location))
                } else if case .unknown = index.actor(flow.from.value) {
                    out.append(unknownActor(flow.from, index))
                }
            }
            for flow in role.contextOut {
                for target in flow.to where target.value != ContextOut.everyone {
                    if case .unknown = index.actor(target.value) { out.append(unknownActor(target, index)) }
                }
            }
        }
        for contract in index.handbook.contracts.values {
            for end in [contract.from, contract.to].compactMap({ $0 }) {
                out += roleOnly(end, index, external: "a contract connects two roles")
            }
        }
        // Governed objects: producer and steward are roles; consumers may be externals.
        for object in index.handbook.sortedObjects {
            for end in [object.producer, object.steward].compactMap({ $0 }) {
                out += roleOnly(end, index, external: "a governed object's producer and steward are roles")
            }
            for consumer in object.consumers {
                if case .unknown = index.actor(consumer.value) { out.append(unknownActor(consumer, index)) }
            }
        }
        // The kernel's risks are owned by roles (a list is risk-by-committee; its ids are checked too).
        for entry in index.handbook.settings?.risks ?? [] {
            for owner in entry.owners {
                out += roleOnly(owner, index, external: "a risk is owned by a role of the team")
            }
        }
        return out
    }

    func roleOnly(_ end: Located<String>, _ index: HandbookIndex, external reason: String) -> [Diagnostic] {
        switch index.actor(end.value) {
        case .unknown:
            [diagnostic("unknown role '\(end.value)'", at: end.location, notes: index.roleNote(for: end.value, includingExternals: false))]
        case .external:
            [diagnostic("'\(end.value)' is an external actor: \(reason)", at: end.location)]
        default:
            []
        }
    }

    func unknownActor(_ id: Located<String>, _ index: HandbookIndex) -> Diagnostic {
        diagnostic("unknown role or external '\(id.value)'", at: id.location, notes: index.roleNote(for: id.value, includingExternals: true))
    }
}
