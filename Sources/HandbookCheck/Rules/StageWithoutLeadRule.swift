import Diagnostics
import HandbookModel

/// stage-without-lead: a lifecycle stage that no role leads. Points at the
/// stage's file (line 1, column 1).
struct StageWithoutLeadRule: HandbookRule {
    let id = RuleID.stageWithoutLead

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
