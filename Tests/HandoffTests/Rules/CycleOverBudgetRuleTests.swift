import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// cycle-over-budget: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct CycleOverBudgetRuleTests {
    static func timed(budget: String) -> [String: String?] {
        [
            "handbook.yaml": "title: T\nlifecycle: [discover, decide]\ncycle_budget: \(budget)\nexternal:\n  leadership: Leadership\n",
            "stages/discover.md": "---\nname: Discover\nquestion: Q?\noutput: O.\ntimebox: 2w\n---\n",
            "stages/decide.md": "---\nname: Decide\nquestion: Q?\noutput: O.\ntimebox: 1w\n---\n",
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief]\ngates: [Brief cites 3 data points]\ntrigger: {acknowledge_within: 1d, next_stage_within: 36h}\n---\n",
        ]
    }

    @Test func overBudgetListsTheLargestParts() throws {
        var handbook = TestHandbook(Self.timed(budget: "1️⃣3w"))
        expectSame(try handbook.check().reported, [
            Reported(.cycleOverBudget, .warning, handbook.at("1️⃣"), "the cycle takes 3w 2d 12h, over its budget of 3w",
                     notes: ["Discover: timebox 2w", "Decide: timebox 1w", "discover -> decide: handoff budget 2d 12h"]),
        ])
    }

    @Test func withinBudgetOrUnboundedIsQuiet() throws {
        var within = TestHandbook(Self.timed(budget: "4w"))
        #expect(try within.check().isEmpty)
        // No timebox on decide: the cycle is unbounded, so it is not compared.
        var files = Self.timed(budget: "1w")
        files["stages/decide.md"] = "---\nname: Decide\nquestion: Q?\noutput: O.\n---\n"
        var unbounded = TestHandbook(files)
        #expect(try unbounded.check().isEmpty)
    }
}
