import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// invalid-value: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct InvalidValueRuleTests {
    @Test func invalidValue() throws {
        var handbook = TestHandbook(["roles/eng.md": RuleFixtures.engWithFlows.patched("decide: support", with: "decide: 1️⃣leader")])
        expectSame(try handbook.check().reported, [
            Reported(.invalidValue, .error, handbook.at("1️⃣"), "'leader' is not a valid engagement level; expected lead, support or consult",
                     notes: ["did you mean 'lead'?"]),
        ])
    }
}
