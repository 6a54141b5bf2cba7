import Diagnostics
import Foundation
import HandbookModel
import Testing
@testable import HandbookCheck
@testable import HandbookSource

/// The traps a new user met in the first hour: each gets the message that
/// says how to get out, and nothing is accepted in silence.
@Suite struct FirstHourTests {
    @Test func eachTrapSaysTheFix() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": """
                ---
                name: Brief Handoff
                from: pm
                to: 1️⃣[eng, qa]
                boundary: discover -> decide
                carries: [brief]
                2️⃣frequency: weekly
                gates:
                  - Brief cites 3 data points
                  - 3️⃣Sign-off: QA lead and PM
                trigger:
                  acknowledge_within: 4️⃣2 days
                ---
                """,
        ])
        handbook.setBytes("pages/notes.md", [0xFF, 0xFE] + Array("---\nname: N\n---\n".utf8).flatMap { [$0, 0] })
        expectSame(try handbook.check().reported, [
            Reported(.invalidValue, .error, handbook.at("1️⃣"), "'to' must be one role id, not a list: a contract has one receiver",
                     notes: ["write one contract per receiver (eng, qa)"]),
            Reported(.unknownField, .warning, handbook.at("2️⃣"), "unknown field 'frequency'",
                     notes: ["the fields here are: name, from, to, boundary, carries, required, gates, trigger, aliases"]),
            Reported(.invalidValue, .error, handbook.at("3️⃣"), "each entry of 'gates' must be text, not a mapping",
                     notes: ["YAML reads 'text: text' as a mapping: put the entry in quotes: - \"Sign-off: QA lead and PM\""]),
            Reported(.invalidValue, .error, handbook.at("4️⃣"), "'2 days' is not a valid duration; expected a number of hours, days or weeks such as 24h, 2d or 1w",
                     notes: ["did you mean '2d'?"]),
            Reported(.yamlSyntax, .error, .start(of: "content/pages/notes.md"), "file is not valid UTF-8: it is UTF-16 (little-endian)",
                     notes: ["save it as UTF-8 (most editors: File, Save with Encoding, UTF-8)"]),
        ])
    }

    @Test(arguments: [("2 days", "2d"), ("48 hours", "48h"), ("1 week", "1w"), ("3weeks", "3w"), ("2 fortnights", nil), ("days", nil)] as [(String, String?)])
    func durationsWrittenOut(text: String, compact: String?) {
        #expect(HandbookModel.Duration.written(text) == compact)
    }

    @Test func whatWasAcceptedInSilenceIsReported() throws {
        let agent = "    input: Draft briefs\n    output: Comments\n    oversight: The PM reads them\n    blast_radius: Read-only\n    delegation: coordinate\n"
        var handbook = TestHandbook([
            "handbook.yaml": TestHandbook.base["handbook.yaml"]! + "\n  1️⃣pm: Product office\n",
            "roles/pm.md": RuleFixtures.pm(agents: "  - name: Brief Checker\n" + agent + "  2️⃣- name: Brief Checker\n" + agent)
                .patched("  - context: brief\n    to: [eng]", with: "  - context: brief\n    to: [eng]\n  - context: 3️⃣brief\n    to: [eng]"),
            "contracts/copy.md": RuleFixtures.briefContract.patched("boundary: discover -> decide", with: "boundary: 4️⃣discover -> decide"),
        ])
        let reported = try handbook.check().reported.filter { $0.rule == RuleID.repeatedEntry.rawValue }
        expectSame(reported, [
            Reported(.repeatedEntry, .warning, handbook.at("4️⃣"), "contract 'copy' repeats contract 'brief': the same sender, receiver, boundary, contexts and gates",
                     notes: ["'brief' is here (content/contracts/brief.md:5:11)"]),
            Reported(.repeatedEntry, .warning, handbook.at("1️⃣"), "external 'pm' has the id of a role: every reference to 'pm' reaches the role, never this external",
                     notes: ["the role is declared here (content/roles/pm.md:1:1)"]),
            Reported(.repeatedEntry, .warning, handbook.at("3️⃣"), "'brief' to 'eng' is listed twice in context_out",
                     notes: ["first listed here (content/roles/pm.md:13:14)"]),
            Reported(.repeatedEntry, .warning, handbook.at("2️⃣").advanced(by: 2), "role 'pm' has a second agent named 'Brief Checker'",
                     notes: ["the first is here (content/roles/pm.md:18:5)"]),
        ])
    }
}

extension Diagnostics.SourceLocation {
    func advanced(by columns: Int) -> Self { .init(file: file, line: line, column: column + columns) }
}
