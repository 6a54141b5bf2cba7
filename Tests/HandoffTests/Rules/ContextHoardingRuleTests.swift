import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// context-hoarding: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct ContextHoardingRuleTests {
    @Test func contextHoarding() throws {
        var handbook = TestHandbook([
            "roles/pm.md": TestHandbook.base["roles/pm.md"]!.patched("to: [eng]", with: "to: [eng, qa]"),
            "roles/qa.md": "---\nname: QA\npurpose: Check.\nengagement: {decide: consult}\n1️⃣context_in:\n  - context: brief\n    from: pm\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.contextHoarding, .warning, handbook.at("1️⃣"), "role 'qa' consumes context but produces none: what it learns reaches no one"),
        ])
    }
}
