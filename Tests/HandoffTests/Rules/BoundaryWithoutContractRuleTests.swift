import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// boundary-without-contract: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct BoundaryWithoutContractRuleTests {
    static let threeStages = "title: T\nlifecycle: [discover, decide, 1️⃣build]\nexternal:\n  leadership: Leadership\n"
    static let build = "---\nname: Build\nquestion: Q?\noutput: O.\n---\n"

    @Test func aSeamWithoutAContractIsReportedAtTheSecondStage() throws {
        var handbook = TestHandbook(["handbook.yaml": Self.threeStages, "stages/build.md": Self.build,
                                     "roles/eng.md": RuleFixtures.engWithFlows.patched("  decide: support", with: "  decide: support\n  build: lead")])
        expectSame(try handbook.check().reported, [
            Reported(.boundaryWithoutContract, .warning, handbook.at("1️⃣"), "no contract covers the handoff from 'decide' to 'build'",
                     notes: ["add a contract with 'boundary: decide -> build'"]),
        ])
    }

    @Test func aContractThatFailedToLoadOrAMissingStageFileSilencesIt() throws {
        // One cause, one diagnostic: the broken contract might have covered the seam.
        var broken = TestHandbook(["handbook.yaml": Self.threeStages, "stages/build.md": Self.build,
                                   "roles/eng.md": RuleFixtures.engWithFlows.patched("  decide: support", with: "  decide: support\n  build: lead"),
                                   "contracts/plan.md": "---\nname: [unclosed\n---\n"])
        #expect(try broken.check().map(\.rule) == [.yamlSyntax])
        // The lifecycle entry without a stage file is reported as unknown-stage only.
        var missing = TestHandbook(["handbook.yaml": Self.threeStages])
        #expect(try missing.check().map(\.rule) == [.unknownStage])
    }
}
