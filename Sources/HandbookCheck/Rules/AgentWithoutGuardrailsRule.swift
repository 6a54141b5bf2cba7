import Diagnostics
import HandbookModel

extension RuleID {
    public static let agentWithoutGuardrails = RuleID("agent-without-guardrails", .error,
        "an agent without oversight or blast radius")
}

/// agent-without-guardrails: an agent without `oversight` or `blast_radius`.
/// One diagnostic per agent, at its mapping.
struct AgentWithoutGuardrailsRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles]

    static let descriptor = RuleDescriptor(
        .agentWithoutGuardrails,
        help: "Every agent needs oversight (who checks its work) and blast_radius (what it can touch).",
        triggering: [
            RuleExample([
                "roles/pm.md": RuleExample.pm(agents: """
                          - 1️⃣name: Feedback Analyzer
                            input: Support tickets
                            output: A weekly pattern report
                            delegation: coordinate
                        """),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "roles/pm.md": RuleExample.pm(agents: """
                          - name: Feedback Analyzer
                            input: Support tickets
                            output: A weekly pattern report
                            oversight: The PM checks each report before it is used
                            blast_radius: Read-only; it cannot file or close tickets
                            delegation: coordinate
                        """),
            ]),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for role in index.roles {
            for agent in role.agents {
                let missing = [("oversight", agent.oversight), ("blast_radius", agent.blastRadius)].filter { $0.1 == nil }.map(\.0)
                guard !missing.isEmpty else { continue }
                out.append(diagnostic("agent '\(agent.name)' has no \(missing.joined(separator: " and no ")): say who checks its work and what it can touch",
                                      at: agent.location))
            }
        }
        return out
    }
}
