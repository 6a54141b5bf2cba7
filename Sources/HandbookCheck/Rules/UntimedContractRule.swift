import Diagnostics
import HandbookModel

extension RuleID {
    public static let untimedContract = RuleID("untimed-contract", .warning,
        "a contract without trigger.acknowledge_within")
}

/// untimed-contract: a contract that does not say how fast its receiver
/// acknowledges the handoff. At the contract's `boundary` (its front matter
/// when the boundary is absent). An invalid `acknowledge_within` is reported
/// as invalid-value and does not also count as untimed.
struct UntimedContractRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.contracts]

    static let descriptor = RuleDescriptor(
        .untimedContract,
        help: "A handoff without a clock waits until someone notices. Add trigger: acknowledge_within (and next_stage_within) with durations such as 24h, 2d or 1w, so the time at this seam can be added up.",
        triggering: [
            RuleExample([
                "contracts/brief.md": """
                    ---
                    name: Brief Handoff
                    from: pm
                    to: eng
                    boundary: 1️⃣discover -> decide
                    carries: [brief]
                    gates:
                      - Brief cites 3 data points
                    ---
                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("contracts/brief.md"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        index.contracts.compactMap { contract in
            guard !contract.acknowledgeWithinWritten else { return nil }
            return diagnostic("contract '\(contract.id)' does not say how fast its handoff is acknowledged",
                              at: contract.boundary?.location ?? contract.location,
                              notes: [.init("add 'trigger: acknowledge_within:' with a duration such as 24h")])
        }
    }
}
