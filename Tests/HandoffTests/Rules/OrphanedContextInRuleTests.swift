import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// orphaned-context-in: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct OrphanedContextInRuleTests {
    @Test func orphanedContextInWithATypo() throws {
        var handbook = TestHandbook(["roles/eng.md": RuleFixtures.engWithFlows.patched("  - context: brief", with: "  - context: 1️⃣briefs")])
        let pm = TestHandbook.base["roles/pm.md"]!
        let pmBriefLine = pm.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("context: brief") }! + 1
        // pm's 'brief' to eng is the same typo seen from the other side: not reported again.
        // The contract is its own entry and still fails.
        expectSame(try handbook.check().reported, [
            Reported(.contractUnconsumed, .error, .init(file: "content/contracts/brief.md", line: 6, column: 11),
                     "contract carries 'brief', but 'eng' does not consume it from 'pm'",
                     notes: ["did you mean 'briefs'? (\(handbook.at("1️⃣")))"]),
            Reported(.orphanedContextIn, .error, handbook.at("1️⃣"), "'briefs' is consumed from 'pm', but pm produces no such context",
                     notes: ["did you mean 'brief'? (content/roles/pm.md:\(pmBriefLine):14)"]),
        ])
    }

    @Test func orphanedContextInNotSentToThisRole() throws {
        var handbook = TestHandbook(["roles/eng.md": RuleFixtures.engWithFlows.patched("  - context: brief\n    from: pm",
                                                                                         with: "  - context: brief\n    from: pm\n  - context: 1️⃣strategy\n    from: pm")])
        handbook = TestHandbook(["roles/eng.md": handbook.files["roles/eng.md"]!,
                                 "roles/pm.md": TestHandbook.base["roles/pm.md"]!.replacingOccurrences(
                                    of: "  - context: brief\n    to: [eng]", with: "  - context: brief\n    to: [eng]\n  - context: 2️⃣strategy\n    to: [leadership]")])
        expectSame(try handbook.check().reported, [
            Reported(.orphanedContextIn, .error, handbook.at("1️⃣"), "'strategy' is consumed from 'pm', but pm does not send it to 'eng'",
                     notes: ["'pm' sends 'strategy' to 'leadership' (\(handbook.at("2️⃣")))"]),
        ])
    }
}
