import Diagnostics
import HandbookModel

extension RuleID {
    public static let contractUnconsumed = RuleID("contract-unconsumed", .error,
        "a contract carries a context that its receiver does not consume from its sender")
}

/// contract-unconsumed: a contract carries a context that `to` does not
/// consume from `from`. Once per carried context.
struct ContractUnconsumedRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.contracts, .roles]

    static let descriptor = RuleDescriptor(
        .contractUnconsumed,
        help: "The contract's to role must list the carried context in its context_in with the from role as its source.",
        triggering: [
            RuleExample([
                "contracts/brief.md": RuleExample.base("contracts/brief.md", replacing: "carries: [brief]",
                        with: "carries: [brief, 1️⃣roadmap]"),
                "roles/pm.md": RuleExample.base("roles/pm.md", replacing: "    to: [eng]",
                        with: """
                            to: [eng]
                          - context: roadmap
                            to: [eng]
                        """),
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("contracts/brief.md"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        ContractEnds.carried(in: index) { index.contextInIsKnown($0.to) }.compactMap { ends, carried in
            let consumed = ends.to.contextIn.filter { $0.from.value == ends.from.id }
            if consumed.contains(where: { $0.context.value == carried.value }) { return nil }
            return diagnostic("contract carries '\(carried.value)', but '\(ends.to.id)' does not consume it from '\(ends.from.id)'",
                              at: carried.location, notes: Suggestion.notes(for: carried.value, among: consumed.map(\.context)))
        }
    }
}
