import Diagnostics
import HandbookModel

extension RuleID {
    public static let unguardedWriteAgent = RuleID("unguarded-write-agent", .error,
        "a write agent without confirmation or staging")
}

/// unguarded-write-agent: `access: write` without `confirmation` or `staging`.
struct UnguardedWriteAgentRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles]

    static let descriptor = RuleDescriptor(
        .unguardedWriteAgent,
        help: "An agent with access: write needs confirmation (how destructive actions are confirmed) and staging (where mutations run first).",
        triggering: [
            RuleExample([
                "roles/pm.md": RuleExample.pm(agents: """
                          - 1️⃣name: Ticket Triager
                            input: New tickets
                            output: Labels on tickets
                            oversight: The PM reviews labels daily
                            blast_radius: Can relabel tickets
                            access: write
                            delegation: coordinate
                        """),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "roles/pm.md": RuleExample.pm(agents: """
                          - name: Ticket Triager
                            input: New tickets
                            output: Labels on tickets
                            oversight: The PM reviews labels daily
                            blast_radius: Can relabel tickets
                            access: write
                            confirmation: Relabelling more than 10 tickets asks the PM first
                            staging: Runs on the staging tracker for a week before production
                            delegation: coordinate
                        """),
            ]),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for role in index.roles {
            for agent in role.agents where agent.access == .write {
                let missing = [("confirmation", agent.confirmation), ("staging", agent.staging)].filter { $0.1 == nil }.map(\.0)
                guard !missing.isEmpty else { continue }
                out.append(diagnostic("write agent '\(agent.name)' has no \(missing.joined(separator: " and no ")): say how destructive actions are confirmed and where mutations run first",
                                      at: agent.location))
            }
        }
        return out
    }
}
