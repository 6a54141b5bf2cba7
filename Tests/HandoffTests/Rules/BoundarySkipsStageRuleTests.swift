import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// boundary-skips-stage: a boundary that jumps a lifecycle stage, at its value;
/// the seams it spans are not reported again, and a boundary naming a stage
/// outside the lifecycle silences boundary-without-contract.
@Suite struct BoundarySkipsStageRuleTests {
    static let threeStages: [String: String?] = [
        "handbook.yaml": "title: Test Handbook\nlifecycle: [discover, decide, build]\nexternal:\n  leadership: Leadership\n",
        "stages/build.md": "---\nname: Build\nquestion: Built?\noutput: Code.\n---\n",
        "roles/eng.md": RuleFixtures.engWithFlows.patched("  decide: support", with: "  decide: support\n  build: lead"),
    ]

    @Test func aBoundaryThatSkipsAStage() throws {
        var files = Self.threeStages
        files["contracts/brief.md"] = RuleFixtures.briefContract.patched("boundary: discover -> decide", with: "boundary: 1️⃣discover -> build")
        var handbook = TestHandbook(files)
        // The two seams it spans (discover -> decide, decide -> build) are not reported again.
        expectSame(try handbook.check().reported, [
            Reported(.boundarySkipsStage, .warning, handbook.at("1️⃣"), "boundary 'discover -> build' skips 'decide': it covers no seam of the lifecycle",
                     notes: ["a contract covers one step: 'discover -> decide', or one contract per seam up to 'build'"]),
        ])
    }

    @Test func anUnknownStageInABoundaryIsOneDiagnostic() throws {
        var handbook = TestHandbook(["contracts/brief.md": RuleFixtures.briefContract.patched("boundary: discover -> decide", with: "boundary: 1️⃣discover -> decied")])
        // Not also boundary-without-contract for discover -> decide: the contract might have meant it.
        expectSame(try handbook.check().reported, [
            Reported(.unknownStage, .error, handbook.at("1️⃣"), "unknown stage 'decied': it is not in the lifecycle", notes: ["did you mean 'decide'?"]),
        ])
    }
}
