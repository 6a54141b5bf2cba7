import Diagnostics
import HandbookModel

extension RuleID {
    public static let contractUnproduced = RuleID("contract-unproduced", .error,
        "a contract carries a context that its sender does not produce for its receiver")
}

/// contract-unproduced: a contract carries a context that `from` does not
/// produce for `to`. Once per carried context.
struct ContractUnproducedRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.contracts, .roles]

    static let descriptor = RuleDescriptor(
        .contractUnproduced,
        help: "The contract's from role must list the carried context in its context_out with the to role (or all) as a target.",
        triggering: [
            RuleExample([
                "contracts/brief.md": RuleExample.base("contracts/brief.md", replacing: "carries: [brief]",
                        with: "carries: [brief, 1️⃣roadmap]"),
                "roles/eng.md": RuleExample.base("roles/eng.md", replacing: "    from: pm",
                        with: """
                            from: pm
                          - context: roadmap
                            from: pm
                        """),
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("contracts/brief.md"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        ContractEnds.carried(in: index) { index.contextOutIsKnown($0.from) }.compactMap { ends, carried in
            let produced = ends.from.contextOut.filter { $0.context.value == carried.value }
            if produced.contains(where: { $0.sends(to: ends.to.id) }) { return nil }
            let notes: [Diagnostic.Note] = produced.isEmpty
                ? Suggestion.notes(for: carried.value, among: ends.from.contextOut.filter { $0.sends(to: ends.to.id) }.map(\.context))
                : [.init("'\(ends.from.id)' produces '\(carried.value)' here, but not for '\(ends.to.id)'", at: produced[0].context.location)]
            return diagnostic("contract carries '\(carried.value)', but '\(ends.from.id)' does not produce it for '\(ends.to.id)'",
                              at: carried.location, notes: notes)
        }
    }
}
