import Diagnostics
import HandbookModel

extension RuleID {
    public static let unenforcedDataContract = RuleID("unenforced-data-contract", .error,
        "a governed object whose contract lacks enforced_by")
}

/// unenforced-data-contract: an object's `contract` names nowhere it runs
/// (no `enforced_by`); reported by this rule, not as missing-field, at the
/// `contract` mapping.
struct UnenforcedDataContractRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.objects]

    static let descriptor = RuleDescriptor(
        .unenforcedDataContract,
        help: "A contract that fails no pipeline is a wish. Say in enforced_by where the contract runs and fails the build or the load: dbt tests, a schema check in CI, a Great Expectations suite.",
        triggering: [
            RuleExample([
                "objects/brief.md": RuleExample.governedObject(replacing: "contract:\n  enforced_by: A schema check in CI",
                        with: "contract:\n  1️⃣freshness: 24h"),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "objects/brief.md": RuleExample.governedObject,
            ]),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        index.handbook.sortedObjects.compactMap { object in
            guard let contract = object.contract, contract.enforcedBy == nil, !contract.enforcedByReported else { return nil }
            return diagnostic("the data contract of '\(object.id)' names no enforced_by: a contract that fails no pipeline is a wish",
                              at: contract.location)
        }
    }
}
