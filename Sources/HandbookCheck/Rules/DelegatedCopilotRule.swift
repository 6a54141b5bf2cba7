import Diagnostics
import HandbookModel

extension RuleID {
    public static let delegatedCopilot = RuleID("delegated-copilot", .warning,
        "a delegated agent that is a copilot by the Winter-Tear test")
}

/// delegated-copilot: `delegation: delegate` on an agent that does not name
/// its source of truth, service level and audit trail (at `delegation`; the
/// message names what is missing).
struct DelegatedCopilotRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles]

    static let descriptor = RuleDescriptor(
        .delegatedCopilot,
        help: "The Winter-Tear test: if you can name the workflow owner, the source of truth, the service level and the audit trail, you are building an agent specialist; if you cannot, you are building a copilot. Delegating a copilot accelerates ambiguity. Name source_of_truth, service_level and audit_trail, or use delegation: coordinate.",
        triggering: [
            RuleExample([
                "roles/pm.md": RuleExample.pm(agents: """
                          - name: Feedback Analyzer
                            input: Support tickets
                            output: A weekly pattern report
                            oversight: The PM reads every report
                            blast_radius: Read-only
                            delegation: 1️⃣delegate
                            source_of_truth: Support tool export, nightly
                        """),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "roles/pm.md": RuleExample.pm(agents: """
                          - name: Feedback Analyzer
                            input: Support tickets
                            output: A weekly pattern report
                            oversight: The PM reads every report
                            blast_radius: Read-only
                            delegation: delegate
                            source_of_truth: Support tool export, nightly
                            service_level: Report by 9:00 every Monday
                            audit_trail: Each run logged with its inputs
                        """),
            ]),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for role in index.roles {
            for agent in role.agents {
                guard let delegation = agent.delegation, delegation.value == .delegate, agent.winterTearClass == .copilot else { continue }
                let missing = agent.winterTearMissing
                out.append(diagnostic("agent '\(agent.name)' is delegated but is a copilot: it names no \(listed(missing, "or"))",
                                      at: delegation.location,
                                      notes: [.init("name its \(listed(missing)), or use 'delegation: coordinate'")]))
            }
        }
        return out
    }
}
