import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// unknown-role: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct UnknownRoleRuleTests {
    @Test func unknownRole() throws {
        // eng's context_in is then incomplete: pm's 'brief' to eng is not reported as unconsumed.
        var handbook = TestHandbook(["roles/eng.md": RuleFixtures.engWithFlows.patched("from: pm", with: "from: 1️⃣pmm")])
        expectSame(try handbook.check().reported, [
            Reported(.unknownRole, .error, handbook.at("1️⃣"), "unknown role or external 'pmm'",
                     notes: ["did you mean 'pm'?", "'pm' declared here (content/roles/pm.md:1:1)"]),
        ])
    }

    @Test func unknownRoleInAContractMayNotBeExternal() throws {
        var handbook = TestHandbook(["contracts/brief.md": """
            ---
            name: Brief Handoff
            from: 1️⃣leadership
            to: eng
            boundary: discover -> decide
            carries: [brief]
            gates: [Brief cites 3 data points]
            trigger: {acknowledge_within: 1d}
            ---
            """])
        expectSame(try handbook.check().reported, [
            Reported(.unknownRole, .error, handbook.at("1️⃣"), "'leadership' is an external actor: a contract connects two roles"),
        ])
    }
}
