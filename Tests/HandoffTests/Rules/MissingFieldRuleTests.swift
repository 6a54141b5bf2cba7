import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// missing-field: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct MissingFieldRuleTests {
    @Test func missingField() throws {
        var handbook = TestHandbook(["roles/eng.md": RuleFixtures.engWithFlows.patched("name: Engineer\npurpose: Build.\n", with: "1️⃣name: Engineer\n")])
        expectSame(try handbook.check().reported, [Reported(.missingField, .error, handbook.at("1️⃣"), "missing required field 'purpose'")])
    }
}
