import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// contract-unconsumed: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct ContractUnconsumedRuleTests {
    @Test func contractUnconsumed() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief, 1️⃣plan]\ngates: [Brief cites 3 data points]\ntrigger: {acknowledge_within: 1d}\n---\n",
            "roles/pm.md": TestHandbook.base["roles/pm.md"]!.patched("    to: [eng]", with: "    to: [eng]\n  - context: 2️⃣plan\n    to: [eng]"),
        ])
        expectSame(try handbook.check().reported, [
            Reported(.contractUnconsumed, .error, handbook.at("1️⃣"), "contract carries 'plan', but 'eng' does not consume it from 'pm'"),
            Reported(.unconsumedContextOut, .warning, handbook.at("2️⃣"), "'plan' is sent to 'eng', but eng does not consume it from 'pm'"),
        ])
    }
}
