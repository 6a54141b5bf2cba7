import Diagnostics
import HandbookModel

extension RuleID {
    public static let riskByCommittee = RuleID("risk-by-committee", .error,
        "a risk's owner is a list")
}

/// risk-by-committee: a risk under `risks` is owned by a list of roles (at
/// the value): "if the answer is everyone, the real answer is no one".
struct RiskByCommitteeRule: HandbookRule {
    static let reads: Set<EntityKind> = []

    static let descriptor = RuleDescriptor(
        .riskByCommittee,
        help: "A risk owned by several roles is owned by none: when it materialises, each waits for the others. Name the one role that decides; the others can still be consulted in its stages.",
        triggering: [
            RuleExample(["handbook.yaml": RuleExample.base("handbook.yaml") + "\nrisks:\n  value: 1️⃣[pm, eng]\n  usability: pm\n  feasibility: eng\n  viability: pm\n  ethical: pm\n"]),
        ],
        nonTriggering: [
            RuleExample(["handbook.yaml": RuleExample.base("handbook.yaml") + "\nrisks:\n  value: pm\n  usability: pm\n  feasibility: eng\n  viability: pm\n  ethical: pm\n"]),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        guard let risks = index.handbook.settings?.risks else { return [] }
        return risks.filter(\.isList).map { entry in
            let names = entry.owners.map { "'\($0.value)'" }
            return diagnostic("the \(entry.risk.rawValue) risk is owned by a list\(names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"): if the answer is everyone, it is no one",
                              at: entry.location, notes: [.init("name one role as its owner")])
        }
    }
}
