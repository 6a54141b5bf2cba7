import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// unguarded-write-agent: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct UnguardedWriteAgentRuleTests {
    @Test func unguardedWriteAgent() throws {
        var handbook = TestHandbook(["roles/pm.md": RuleFixtures.pm(agents: """
              - 1️⃣name: Filer
                input: Notes
                output: Tickets
                oversight: PM reviews
                blast_radius: One project
                access: write
                confirmation: PM approves each ticket
                delegation: coordinate

            """)])
        expectSame(try handbook.check().reported, [
            Reported(.unguardedWriteAgent, .error, handbook.at("1️⃣"),
                     "write agent 'Filer' has no staging: say how destructive actions are confirmed and where mutations run first"),
        ])
    }
}
