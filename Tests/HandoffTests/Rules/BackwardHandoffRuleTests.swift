import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// backward-handoff: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct BackwardHandoffRuleTests {
    @Test func backwardHandoff() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\nname: B\nfrom: eng\nto: pm\nboundary: 1️⃣decide → discover\ncarries: [estimate]\ngates: [Estimate in days]\ntrigger: {acknowledge_within: 1d}\n---\n",
            "contracts/loop.md": "---\nname: L\nfrom: pm\nto: eng\nboundary: 2️⃣decide -> decide\ncarries: [brief]\ngates: [Brief cites 3 data points]\ntrigger: {acknowledge_within: 1d}\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.backwardHandoff, .warning, handbook.at("1️⃣"), "boundary 'decide -> discover' goes backwards: 'discover' comes before 'decide' in the lifecycle"),
            Reported(.backwardHandoff, .warning, handbook.at("2️⃣"), "boundary 'decide -> decide' stays in one stage: a handoff crosses from one stage to a later one"),
            // Neither contract goes from discover to decide any more.
            Reported(.boundaryWithoutContract, .warning, .init(file: "content/handbook.yaml", line: 2, column: 23),
                     "no contract covers the handoff from 'discover' to 'decide'", notes: ["add a contract with 'boundary: discover -> decide'"]),
        ])
    }
}
