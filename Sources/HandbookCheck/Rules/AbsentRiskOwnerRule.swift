import Diagnostics
import HandbookModel

extension RuleID {
    public static let absentRiskOwner = RuleID("absent-risk-owner", .warning,
        "the owner of the ethical risk is not engaged in every lifecycle stage")
}

/// absent-risk-owner: the role that owns `ethical` is not engaged in every
/// lifecycle stage (at the `ethical` value; the message lists the stages).
/// The ethical owner is present from strategy through delivery and may
/// delay a release. Quiet when that role is unknown (unknown-role) or its
/// engagement was reported already.
struct AbsentRiskOwnerRule: HandbookRule {
    static let reads: Set<EntityKind> = [.roles]

    static let descriptor = RuleDescriptor(
        .absentRiskOwner,
        help: "The owner of ethical data risk has to be in the room from the first stage to the release, since a problem found late cannot be designed out. Engage the role in every stage (consult is enough), or give the risk to a role that is.",
        triggering: [
            RuleExample(["handbook.yaml": RuleExample.base("handbook.yaml") + "\nrisks:\n  value: pm\n  usability: pm\n  feasibility: eng\n  viability: pm\n  ethical: 1️⃣eng\n"]),
        ],
        nonTriggering: [
            RuleExample(["handbook.yaml": RuleExample.base("handbook.yaml") + "\nrisks:\n  value: pm\n  usability: pm\n  feasibility: eng\n  viability: pm\n  ethical: pm\n"]),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        guard let settings = index.handbook.settings, let entry = settings.risks?.first(where: { $0.risk == .ethical }),
              let owner = entry.owner, let role = index.role(owner), index.engagementIsKnown(role) else { return [] }
        let missing = index.lifecycle.filter { role.engagement[$0] == nil }
        guard !missing.isEmpty else { return [] }
        return [diagnostic("'\(owner)' owns the ethical risk but is not engaged in \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                           at: entry.location, notes: [.init("engage '\(owner)' in every stage (consult is enough): the ethical owner may delay a release")])]
    }
}
