import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// unknown-stage: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct UnknownStageRuleTests {
    @Test func unknownStageInEngagement() throws {
        // eng is then not known to be engaged in decide: no contract-not-engaged (one cause).
        var handbook = TestHandbook(["roles/eng.md": RuleFixtures.engWithFlows.patched("  decide: support", with: "  1️⃣decid: support")])
        expectSame(try handbook.check().reported, [
            Reported(.unknownStage, .error, handbook.at("1️⃣"), "unknown stage 'decid': it is not in the lifecycle", notes: ["did you mean 'decide'?"]),
        ])
    }

    @Test func unknownStageForLifecycleAndStageFiles() throws {
        var handbook = TestHandbook([
            "handbook.yaml": "title: T\nlifecycle: [2️⃣discover, decide, 1️⃣ship]\nexternal:\n  leadership: Leadership\n",
            "stages/launch.md": "---\nname: Launch\nquestion: Q?\noutput: O.\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.unknownStage, .error, handbook.at("1️⃣"), "lifecycle stage 'ship' has no file 'stages/ship.md'"),
            Reported(.unknownStage, .error, .init(file: "content/stages/launch.md", line: 1, column: 1),
                     "stage 'launch' is not in the lifecycle of handbook.yaml",
                     notes: ["the lifecycle is declared here (\(handbook.at("2️⃣")))"]),
        ])
    }
}
