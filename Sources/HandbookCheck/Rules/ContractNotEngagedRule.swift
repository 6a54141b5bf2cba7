import Diagnostics
import HandbookModel

extension RuleID {
    public static let contractNotEngaged = RuleID("contract-not-engaged", .warning,
        "a contract's sender or receiver is not engaged in its side of the boundary")
}

/// contract-not-engaged: `from` is not engaged in the first stage of the
/// boundary, or `to` in the second. Points at the `from` or `to` value. Each
/// end is judged on its own: an end that failed to load (or is reported as
/// unknown) silences only what concerns that end.
struct ContractNotEngagedRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.contracts, .roles]

    static let descriptor = RuleDescriptor(
        .contractNotEngaged,
        help: "The sending role should be engaged in the boundary's first stage and the receiving role in its second; adjust engagement or the boundary.",
        triggering: [
            RuleExample([
                "contracts/estimate.md": """
                    ---
                    name: Estimate Handoff
                    from: 1️⃣eng
                    to: pm
                    boundary: discover -> decide
                    carries: [estimate]
                    gates: [Estimate given in days]
                    ---

                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("contracts/brief.md"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for contract in index.contracts {
            guard let boundary = contract.boundary else { continue }
            if let end = contract.from, let role = index.role(end.value), index.isLifecycleStage(boundary.from),
               index.engagementIsKnown(role), role.engagement[boundary.from] == nil {
                out.append(diagnostic("'\(role.id)' hands off at the end of '\(boundary.from)' but is not engaged in it", at: end.location))
            }
            if let end = contract.to, let role = index.role(end.value), index.isLifecycleStage(boundary.to),
               index.engagementIsKnown(role), role.engagement[boundary.to] == nil {
                out.append(diagnostic("'\(role.id)' receives the handoff for '\(boundary.to)' but is not engaged in it", at: end.location))
            }
        }
        return out
    }
}
