import Diagnostics
import HandbookModel

extension RuleID {
    public static let stageWithoutLead = RuleID("stage-without-lead", .error,
        "a lifecycle stage that no role leads")
}

/// stage-without-lead: a lifecycle stage that no role leads. Points at the
/// stage's file (line 1, column 1).
struct StageWithoutLeadRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles, .stages]

    static let descriptor = RuleDescriptor(
        .stageWithoutLead,
        help: "Give one role 'lead' engagement in this stage, so that someone owns its outcome.",
        triggering: [
            RuleExample([
                "roles/pm.md": RuleExample.base("roles/pm.md", replacing: "  discover: lead",
                        with: "  discover: support"),
                "stages/discover.md": """
                    1️⃣---
                    name: Discover
                    question: What problem is worth solving?
                    output: A brief.
                    ---

                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("roles/pm.md"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        guard index.allEngagementKnown else { return [] }
        var led = Set<String>()
        for role in index.roles {
            for (stage, entry) in role.engagement where entry.level == .lead { led.insert(stage) }
        }
        return index.lifecycle.compactMap { stageID in
            guard !led.contains(stageID), let stage = index.handbook.stages[stageID] else { return nil }
            return diagnostic("stage '\(stageID)' has no lead: no role has '\(stageID): lead' in its engagement", at: .start(of: stage.file))
        }
    }
}
