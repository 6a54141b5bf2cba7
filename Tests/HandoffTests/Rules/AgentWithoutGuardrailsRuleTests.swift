import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// agent-without-guardrails: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct AgentWithoutGuardrailsRuleTests {
    @Test func agentWithoutGuardrails() throws {
        var handbook = TestHandbook(["roles/pm.md": RuleFixtures.pm(agents: """
              - 1️⃣name: Scanner
                input: News
                output: Digest
                oversight: PM reads it
                delegation: coordinate

            """)])
        expectSame(try handbook.check().reported, [
            Reported(.agentWithoutGuardrails, .error, handbook.at("1️⃣"),
                     "agent 'Scanner' has no blast_radius: say who checks its work and what it can touch"),
        ])
    }
}
