import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// delegation-mismatch: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct DelegationMismatchRuleTests {
    @Test func delegationMismatch() throws {
        var handbook = TestHandbook(["roles/pm.md": RuleFixtures.pm(agents: """
              - name: Scanner
                input: News
                output: Digest
                oversight: PM reads it
                blast_radius: Read-only
                delegation: 1️⃣delegate
                tool_span: multiple
                independence: interdependent

            """)])
        // The agent is a copilot too (it names no source of truth...): a second cause, a second rule.
        expectSame(try handbook.check().reported, [
            Reported(.delegatedCopilot, .warning, handbook.at("1️⃣"),
                     "agent 'Scanner' is delegated but is a copilot: it names no source_of_truth, service_level or audit_trail",
                     notes: ["name its source_of_truth, service_level and audit_trail, or use 'delegation: coordinate'"]),
            Reported(.delegationMismatch, .warning, handbook.at("1️⃣"),
                     "agent 'Scanner' is delegated, but it spans multiple tools, its work is interdependent: coordinate it instead"),
        ])
    }
}
