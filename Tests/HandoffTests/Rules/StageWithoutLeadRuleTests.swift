import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// stage-without-lead: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct StageWithoutLeadRuleTests {
    @Test func stageWithoutLead() throws {
        var handbook = TestHandbook(["roles/pm.md": TestHandbook.base["roles/pm.md"]!.patched("decide: lead", with: "decide: support")])
        expectSame(try handbook.check().reported, [
            Reported(.stageWithoutLead, .error, .init(file: "content/stages/decide.md", line: 1, column: 1),
                     "stage 'decide' has no lead: no role has 'decide: lead' in its engagement"),
        ])
    }
}
