import Diagnostics
import HandbookModel

extension RuleID {
    public static let delegationMismatch = RuleID("delegation-mismatch", .warning,
        "an agent delegated although its work calls for coordination")
}

/// delegation-mismatch: `delegation: delegate` while error tolerance is low,
/// the tool span multiple, or the work interdependent.
struct DelegationMismatchRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles]

    static let descriptor = RuleDescriptor(
        .delegationMismatch,
        help: "Delegate only work with high error tolerance, a single tool and independent pieces; otherwise use delegation: coordinate.",
        triggering: [
            RuleExample([
                "roles/pm.md": RuleExample.pm(agents: """
                          - name: Pricing Drafter
                            input: Competitor prices
                            output: Draft price changes
                            oversight: The PM approves every change
                            blast_radius: Drafts only
                            delegation: 1️⃣delegate
                            error_tolerance: low
                        """),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "roles/pm.md": RuleExample.pm(agents: """
                          - name: Pricing Drafter
                            input: Competitor prices
                            output: Draft price changes
                            oversight: The PM approves every change
                            blast_radius: Drafts only
                            delegation: coordinate
                            error_tolerance: low
                        """),
            ]),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for role in index.roles {
            for agent in role.agents {
                guard let delegation = agent.delegation, delegation.value == .delegate else { continue }
                var reasons: [String] = []
                if agent.errorTolerance == .low { reasons.append("its error tolerance is low") }
                if agent.toolSpan == .multiple { reasons.append("it spans multiple tools") }
                if agent.independence == .interdependent { reasons.append("its work is interdependent") }
                guard !reasons.isEmpty else { continue }
                out.append(diagnostic("agent '\(agent.name)' is delegated, but \(reasons.joined(separator: ", ")): coordinate it instead",
                                      at: delegation.location))
            }
        }
        return out
    }
}
