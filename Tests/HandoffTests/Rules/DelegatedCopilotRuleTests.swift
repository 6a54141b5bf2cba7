import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// delegated-copilot: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct DelegatedCopilotRuleTests {
    @Test func theMessageNamesWhatIsMissing() throws {
        var handbook = TestHandbook(["roles/pm.md": RuleFixtures.pm(agents: """
              - name: Scanner
                input: News
                output: Digest
                oversight: PM reads it
                blast_radius: Read-only
                delegation: 1️⃣delegate
                source_of_truth: The news API
                audit_trail: Runs logged
              - name: Helper
                input: Questions
                output: Drafts
                oversight: PM edits them
                blast_radius: Drafts only
                delegation: coordinate

            """)])
        expectSame(try handbook.check().reported, [
            Reported(.delegatedCopilot, .warning, handbook.at("1️⃣"), "agent 'Scanner' is delegated but is a copilot: it names no service_level",
                     notes: ["name its service_level, or use 'delegation: coordinate'"]),
        ])
    }
}
