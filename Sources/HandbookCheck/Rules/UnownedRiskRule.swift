import Diagnostics
import HandbookModel

extension RuleID {
    public static let unownedRisk = RuleID("unowned-risk", .warning,
        "risks is present and lacks one of the five risks")
}

/// unowned-risk: `risks` in handbook.yaml names no owner for one of value,
/// usability, feasibility, viability and ethical (at the `risks` key, once
/// per missing risk, naming it). Without `risks`, no risk rule applies.
struct UnownedRiskRule: HandbookRule {
    static let reads: Set<EntityKind> = []

    static let descriptor = RuleDescriptor(
        .unownedRisk,
        help: "Each of the kernel's five risks needs one owner: value (will they use it), usability (can they), feasibility (can we build it), business viability (does it work for the business) and ethical data risk (should we, with this data). Name one role for each under risks: in handbook.yaml.",
        triggering: [
            RuleExample(["handbook.yaml": RuleExample.base("handbook.yaml") + "\n1️⃣2️⃣risks:\n  value: pm\n  usability: pm\n  feasibility: eng\n"]),
        ],
        nonTriggering: [
            RuleExample(["handbook.yaml": RuleExample.base("handbook.yaml") + "\nrisks:\n  value: pm\n  usability: pm\n  feasibility: eng\n  viability: pm\n  ethical: pm\n"]),
            RuleExample.showing("handbook.yaml"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        guard let settings = index.handbook.settings, let risks = settings.risks, let location = settings.risksLocation else { return [] }
        let named = Set(risks.map(\.risk))
        return Settings.Risk.allCases.filter { !named.contains($0) }.map { risk in
            diagnostic("no role owns the \(risk.rawValue) risk (\(risk.title.lowercased()))", at: location,
                       notes: [.init("add '\(risk.rawValue): <role id>' under risks: one role, never a list")])
        }
    }
}
