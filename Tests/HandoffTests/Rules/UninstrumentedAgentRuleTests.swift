import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// uninstrumented-agent: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct UninstrumentedAgentRuleTests {
    @Test func atReadsNamingWhatIsNotLogged() throws {
        var handbook = TestHandbook(["objects/brief.md": RuleExample.governedObject,
                                     "roles/pm.md": UnknownObjectRuleTests.reader(reads: "1️⃣[brief]", logs: "[input-hash]")])
        expectSame(try handbook.check().reported, [
            Reported(.uninstrumentedAgent, .warning, handbook.at("1️⃣"), "agent 'Checker' reads 'brief' but does not log contract-version, freshness",
                     notes: ["add logs: [contract-version, freshness, input-hash]"]),
        ])
    }

    @Test func anObjectThatFailedToLoadOrAReportedLogSilencesIt() throws {
        var failed = TestHandbook(["objects/brief.md": "---\nname: [Brief\n---\n",
                                   "roles/pm.md": UnknownObjectRuleTests.reader(reads: "[brief]", logs: "[freshness]")])
        #expect(try failed.check().map(\.rule) == [.yamlSyntax])
        var misspelt = TestHandbook(["objects/brief.md": RuleExample.governedObject,
                                     "roles/pm.md": UnknownObjectRuleTests.reader(reads: "[brief]", logs: "[contract-version, freshness, 1️⃣input_hash]")])
        expectSame(try misspelt.check().reported, [
            Reported(.invalidValue, .error, misspelt.at("1️⃣"), "'input_hash' is not a valid run log; expected contract-version, freshness or input-hash",
                     notes: ["did you mean 'input-hash'?"]),
        ])
    }
}
