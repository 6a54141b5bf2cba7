import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// contract-not-engaged: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct ContractNotEngagedRuleTests {
    @Test func contractNotEngaged() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\nname: B\nfrom: 1️⃣eng\nto: 2️⃣pm\nboundary: discover -> decide\ncarries: [estimate]\ngates: [Estimate in days]\ntrigger: {acknowledge_within: 1d}\n---\n",
        ])
        // eng is engaged in decide only; pm leads both stages.
        expectSame(try handbook.check().reported, [
            Reported(.contractNotEngaged, .warning, handbook.at("1️⃣"), "'eng' hands off at the end of 'discover' but is not engaged in it"),
        ])
    }

    @Test func contractNotEngagedIsJudgedPerEnd() throws {
        // The sender's file does not load (reported once, as yaml-syntax); the
        // receiver loaded, and its own problem is still reported.
        var handbook = TestHandbook([
            "roles/pm.md": "---\nname: PM\npurpose: [unclosed\n---\n",
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: 1️⃣eng\nboundary: decide -> discover\ncarries: [brief]\ngates: [Brief cites 3 data points]\ntrigger: {acknowledge_within: 1d}\n---\n",
        ])
        let reported = try handbook.check().reported.filter { $0.rule == RuleID.contractNotEngaged.rawValue }
        expectSame(reported, [
            Reported(.contractNotEngaged, .warning, handbook.at("1️⃣"), "'eng' receives the handoff for 'discover' but is not engaged in it"),
        ])
    }
}
