import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// untimed-contract: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct UntimedContractRuleTests {
    @Test func aContractWithoutAcknowledgeWithin() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: eng\nboundary: 1️⃣discover -> decide\ncarries: [brief]\ngates: [Brief cites 3 data points]\ntrigger:\n  next_stage_within: 2d\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.untimedContract, .warning, handbook.at("1️⃣"), "contract 'brief' does not say how fast its handoff is acknowledged",
                     notes: ["add 'trigger: acknowledge_within:' with a duration such as 24h"]),
        ])
    }

    @Test func anInvalidDurationIsReportedOnceAsInvalidValue() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief]\ngates: [Brief cites 3 data points]\ntrigger:\n  acknowledge_within: 1️⃣soon\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.invalidValue, .error, handbook.at("1️⃣"),
                     "'soon' is not a valid duration; expected a number of hours, days or weeks such as 24h, 2d or 1w"),
        ])
    }
}
