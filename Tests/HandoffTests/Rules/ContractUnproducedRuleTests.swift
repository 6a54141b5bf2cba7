import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// contract-unproduced: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct ContractUnproducedRuleTests {
    @Test func contractUnproduced() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief, 1️⃣plan]\ngates: [Brief cites 3 data points]\ntrigger: {acknowledge_within: 1d}\n---\n",
            "roles/eng.md": RuleFixtures.engWithFlows.patched("    from: pm", with: "    from: pm\n  - context: 2️⃣plan\n    from: pm"),
        ])
        expectSame(try handbook.check().reported, [
            Reported(.contractUnproduced, .error, handbook.at("1️⃣"), "contract carries 'plan', but 'pm' does not produce it for 'eng'"),
            Reported(.orphanedContextIn, .error, handbook.at("2️⃣"), "'plan' is consumed from 'pm', but pm produces no such context"),
        ])
    }
}
