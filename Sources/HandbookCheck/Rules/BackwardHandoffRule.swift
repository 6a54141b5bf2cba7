import Diagnostics
import HandbookModel

extension RuleID {
    public static let backwardHandoff = RuleID("backward-handoff", .warning,
        "a contract's boundary goes backwards (or nowhere) in the lifecycle")
}

/// backward-handoff: the boundary's second stage comes before its first in
/// `lifecycle`, or they are equal.
struct BackwardHandoffRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.contracts]

    static let descriptor = RuleDescriptor(
        .backwardHandoff,
        help: "A handoff moves forward: the boundary's second stage comes after its first in the lifecycle.",
        triggering: [
            RuleExample([
                "contracts/brief.md": RuleExample.base("contracts/brief.md", replacing: "boundary: discover -> decide",
                        with: "boundary: 1️⃣decide -> discover"),
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("contracts/brief.md"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        index.contracts.compactMap { contract in
            guard let boundary = contract.boundary,
                  let first = index.lifecyclePosition[boundary.from], let second = index.lifecyclePosition[boundary.to],
                  second <= first else { return nil }
            if first == second {
                return diagnostic("boundary '\(boundary.from) -> \(boundary.to)' stays in one stage: a handoff crosses from one stage to a later one",
                                  at: boundary.location)
            }
            return diagnostic("boundary '\(boundary.from) -> \(boundary.to)' goes backwards: '\(boundary.to)' comes before '\(boundary.from)' in the lifecycle",
                              at: boundary.location)
        }
    }
}
