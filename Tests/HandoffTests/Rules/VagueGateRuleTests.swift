import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// vague-gate: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct VagueGateRuleTests {
    @Test(arguments: [
        ("Provide good context", true), ("Include relevant details", true), ("Update docs as needed", true),
        ("Enough test coverage", true), ("CLEAR owner named", true),
        ("Coverage is good: at least 80%", false), ("Brief cites 3 data points", false),
        ("Goodness of fit reported", false), ("Clearance signed by legal", false),
        ("Escalate when needed", true), ("Review if possible", true), ("Ship ASAP", true), ("Logs, metrics, etc.", true),
        ("Fix where possible", true), ("Needed fields filled", false), ("Possible risks listed in the register", false),
        ("Etcd backup taken", false), ("If needed, page 2 people", false),
    ])
    func vagueGateWords(gate: String, vague: Bool) {
        #expect(VagueGateRule.isVague(gate) == vague)
    }

    @Test func vagueGate() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief]\ngates:\n  - Brief cites 3 data points\n  - 1️⃣Provide good context\ntrigger: {acknowledge_within: 1d}\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.vagueGate, .warning, handbook.at("1️⃣"), "gate 'Provide good context' states a preference, not a checkable constraint"),
        ])
    }
}
