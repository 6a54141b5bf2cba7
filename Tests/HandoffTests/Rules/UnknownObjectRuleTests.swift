import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// unknown-object: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct UnknownObjectRuleTests {
    static func reader(reads: String, logs: String = "[contract-version, freshness, input-hash]") -> String {
        RuleFixtures.pm(agents: """
              - name: Checker
                input: Briefs
                output: Comments
                oversight: PM reads them
                blast_radius: Read-only
                delegation: coordinate
                reads: \(reads)
                logs: \(logs)

            """)
    }

    @Test func anUnknownObjectIsReportedOnceWithASuggestion() throws {
        // Its agent logs nothing: uninstrumented-agent is not about an object that does not exist.
        var handbook = TestHandbook(["objects/brief.md": RuleExample.governedObject,
                                     "roles/pm.md": Self.reader(reads: "[brief, 1️⃣briefs]", logs: "[freshness]")])
        expectSame(try handbook.check().reported, [
            Reported(.uninstrumentedAgent, .warning, .init(file: "content/roles/pm.md", line: 22, column: 12),
                     "agent 'Checker' reads 'brief' but does not log contract-version, input-hash",
                     notes: ["add logs: [contract-version, freshness, input-hash]"]),
            Reported(.unknownObject, .error, handbook.at("1️⃣"), "agent 'Checker' reads unknown governed object 'briefs'",
                     notes: ["did you mean 'brief'?"]),
        ])
    }

    @Test func withoutObjectsFolderTheGovernanceRulesDoNotRun() throws {
        var handbook = TestHandbook(["roles/pm.md": Self.reader(reads: "[brief]", logs: "[freshness]")])
        #expect(try handbook.check().isEmpty)
    }
}
