import Diagnostics
import HandbookModel

extension RuleID {
    public static let repeatedEntry = RuleID("repeated-entry", .warning,
        "something written twice, so one of the two is never what it seems")
}

/// repeated-entry: what the format would otherwise accept in silence though
/// one copy shadows or repeats the other: an external with a role's id (every
/// reference reaches the role), two agents of one role with one name, a
/// `context_in` or `context_out` entry repeated in one role (same context and
/// partner), two contracts with the same ends, boundary and contexts. At the
/// second (in file order; contracts by id), with a note at the first.
struct RepeatedEntryRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles, .contracts]

    static let descriptor = RuleDescriptor(
        .repeatedEntry,
        help: "Each of these is legal YAML that the handbook reads as one thing: a reference to an id that is both a role and an external reaches the role, so the external never appears; a second agent or flow entry with the same name repeats the first on the page; a copied contract is a second page for one handoff. Rename or remove the copy.",
        triggering: [
            RuleExample([
                "handbook.yaml": RuleExample.base("handbook.yaml", replacing: "  leadership: Leadership", with: "  leadership: Leadership\n  1️⃣eng: Engineering"),
                "roles/pm.md": RuleExample.base("roles/pm.md", replacing: "  - context: brief\n    to: [eng]",
                        with: "  - context: brief\n    to: [eng]\n  - context: 2️⃣brief\n    to: [eng]"),
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("roles/pm.md"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        let handbook = index.handbook
        var out: [Diagnostic] = []
        if let settings = handbook.settings {
            for external in settings.externals.values.sorted(by: { $0.id < $1.id }) where handbook.exists(external.id, .roles) {
                out.append(diagnostic("external '\(external.id)' has the id of a role: every reference to '\(external.id)' reaches the role, never this external",
                                      at: external.location, notes: [.init("the role is declared here", at: .start(of: handbook.sourcePath(.roles, external.id)))]))
            }
        }
        for role in index.roles {
            var agents: [String: SourceLocation] = [:]
            for agent in role.agents where !agent.name.isEmpty {
                if let first = agents[agent.name], first != agent.location {
                    out.append(diagnostic("role '\(role.id)' has a second agent named '\(agent.name)'", at: agent.location,
                                          notes: [.init("the first is here", at: first)]))
                } else {
                    agents[agent.name] = agent.location
                }
            }
            var seenIn: [String: SourceLocation] = [:]
            for flow in role.contextIn {
                let key = flow.context.value + "\u{1}" + flow.from.value
                // A YAML alias repeats the very same node (same place): that is not a second entry.
                if let first = seenIn[key], first != flow.context.location {
                    out.append(diagnostic("'\(flow.context.value)' from '\(flow.from.value)' is listed twice in context_in", at: flow.context.location,
                                          notes: [.init("first listed here", at: first)]))
                } else {
                    seenIn[key] = flow.context.location
                }
            }
            var seenOut: [String: SourceLocation] = [:]
            for flow in role.contextOut {
                for target in flow.to {
                    let key = flow.context.value + "\u{1}" + target.value
                    if let first = seenOut[key], first != flow.context.location {
                        out.append(diagnostic("'\(flow.context.value)' to '\(target.value)' is listed twice in context_out", at: flow.context.location,
                                              notes: [.init("first listed here", at: first)]))
                    } else {
                        seenOut[key] = flow.context.location
                    }
                }
            }
        }
        var contracts: [String: Contract] = [:]
        for contract in index.contracts {
            // A copy: the same ends, boundary, contexts and gates (a contract without gates is reported as such).
            guard let from = contract.from?.value, let to = contract.to?.value, let boundary = contract.boundary, !contract.carries.isEmpty,
                  !contract.gates.isEmpty else { continue }
            let key = [from, to, boundary.from, boundary.to, contract.carries.map(\.value).sorted().joined(separator: ","),
                       contract.gates.map(\.value).sorted().joined(separator: "\u{2}")].joined(separator: "\u{1}")
            if let first = contracts[key] {
                out.append(diagnostic("contract '\(contract.id)' repeats contract '\(first.id)': the same sender, receiver, boundary, contexts and gates",
                                      at: boundary.location, notes: [.init("'\(first.id)' is here", at: first.boundary!.location)]))
            } else {
                contracts[key] = contract
            }
        }
        return out
    }
}
