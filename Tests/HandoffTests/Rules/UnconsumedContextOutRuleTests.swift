import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// unconsumed-context-out: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct UnconsumedContextOutRuleTests {
    @Test func unconsumedContextOut() throws {
        var handbook = TestHandbook(["roles/pm.md": TestHandbook.base["roles/pm.md"]!.replacingOccurrences(
            of: "    to: [eng]", with: "    to: [eng]\n  - context: 1️⃣roadmap\n    to: [eng, leadership]\n  - context: 2️⃣news\n    to: all")])
        expectSame(try handbook.check().reported, [
            Reported(.unconsumedContextOut, .warning, handbook.at("1️⃣"), "'roadmap' is sent to 'eng', but eng does not consume it from 'pm'"),
            Reported(.unconsumedContextOut, .warning, handbook.at("2️⃣"), "'news' is sent to all, but no role consumes it from 'pm'"),
        ])
    }
}
