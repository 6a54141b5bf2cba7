import Diagnostics
import HandbookModel

extension RuleID {
    public static let contractWithoutGates = RuleID("contract-without-gates", .error,
        "a contract without gates")
}

/// contract-without-gates: `gates` is absent or empty. Points at the front
/// matter mapping, like the missing-field it stands in for.
struct ContractWithoutGatesRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.contracts]

    static let descriptor = RuleDescriptor(
        .contractWithoutGates,
        help: "Add gates: checkable constraints the handoff must pass, such as 'Problem backed by at least 3 customer data points'.",
        triggering: [
            RuleExample([
                "contracts/brief.md": RuleExample.base("contracts/brief.md", replacing: """
                        name: Brief Handoff
                        from: pm
                        to: eng
                        boundary: discover -> decide
                        carries: [brief]
                        gates:
                          - Brief cites 3 data points
                        """,
                        with: """
                        1️⃣name: Brief Handoff
                        from: pm
                        to: eng
                        boundary: discover -> decide
                        carries: [brief]
                        """),
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("contracts/brief.md"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        index.contracts.compactMap { contract in
            guard contract.gates.isEmpty, !contract.gatesWereInvalid else { return nil }
            return diagnostic("contract '\(contract.id)' has no gates: a handoff without checkable gates is a suggestion",
                              at: contract.location)
        }
    }
}
