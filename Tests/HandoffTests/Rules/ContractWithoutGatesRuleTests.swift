import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// contract-without-gates: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct ContractWithoutGatesRuleTests {
    @Test func contractWithoutGates() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\n1️⃣name: B\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief]\ntrigger: {acknowledge_within: 1d}\n---\n",
            "contracts/empty.md": "---\n2️⃣name: E\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief]\ngates: []\ntrigger: {acknowledge_within: 1d}\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.contractWithoutGates, .error, handbook.at("1️⃣"), "contract 'brief' has no gates: a handoff without checkable gates is a suggestion"),
            Reported(.contractWithoutGates, .error, handbook.at("2️⃣"), "contract 'empty' has no gates: a handoff without checkable gates is a suggestion"),
        ])
    }
}
