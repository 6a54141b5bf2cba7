import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// One test per rule of FORMAT.md: each names the exact file, line, column,
/// rule, severity and message it expects (positions from `1️⃣` markers).
@Suite struct RuleTests {
    let engWithFlows = """
        ---
        name: Engineer
        purpose: Build.
        engagement:
          decide: support
        context_in:
          - context: brief
            from: pm
        context_out:
          - context: estimate
            to: [pm]
        ---
        """

    @Test func theBaseHandbookIsClean() throws {
        var handbook = TestHandbook()
        expectSame(try handbook.check().reported, [])
    }

    @Test func yamlSyntax() throws {
        var handbook = TestHandbook(["pages/bad.md": "---\nname: Bad\norder: [1, 2\n1️⃣---\n"])
        let diagnostics = try handbook.check().reported
        expectSame(diagnostics, [Reported(.yamlSyntax, .error, handbook.at("1️⃣"),
                                         "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)")])
    }

    @Test func missingField() throws {
        var handbook = TestHandbook(["roles/eng.md": engWithFlows.patched("name: Engineer\npurpose: Build.\n", with: "1️⃣name: Engineer\n")])
        expectSame(try handbook.check().reported, [Reported(.missingField, .error, handbook.at("1️⃣"), "missing required field 'purpose'")])
    }

    @Test func invalidValue() throws {
        var handbook = TestHandbook(["roles/eng.md": engWithFlows.patched("decide: support", with: "decide: 1️⃣leader")])
        expectSame(try handbook.check().reported, [
            Reported(.invalidValue, .error, handbook.at("1️⃣"), "'leader' is not a valid engagement level; expected lead, support or consult",
                     notes: ["did you mean 'lead'?"]),
        ])
    }

    @Test func invalidIDInAReference() throws {
        var handbook = TestHandbook(["roles/eng.md": engWithFlows.patched("from: pm", with: "from: 1️⃣PM")])
        expectSame(try handbook.check().reported, [
            Reported(.invalidID, .error, handbook.at("1️⃣"),
                     "'PM' is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters",
                     notes: ["did you mean 'pm'?"]),
        ])
    }

    @Test func invalidIDInAFileName() throws {
        var handbook = TestHandbook(["pages/How We Work.md": "---\nname: How we work\n---\n"])
        expectSame(try handbook.check().reported, [
            Reported(.invalidID, .error, .init(file: "content/pages/How We Work.md", line: 1, column: 1),
                     "file name 'How We Work.md' is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters",
                     notes: ["did you mean 'how-we-work'?"]),
        ])
    }

    @Test func unknownField() throws {
        var handbook = TestHandbook(["stages/decide.md": "---\n1️⃣name: Decide\nquestion: Which?\n2️⃣outptu: A pitch.\n---\n"])
        expectSame(try handbook.check().reported, [
            Reported(.missingField, .error, handbook.at("1️⃣"), "missing required field 'output'"),
            Reported(.unknownField, .warning, handbook.at("2️⃣"), "unknown field 'outptu'", notes: ["did you mean 'output'?"]),
        ])
    }

    @Test func unknownStageInEngagement() throws {
        // eng is then not known to be engaged in decide: no contract-not-engaged (one cause).
        var handbook = TestHandbook(["roles/eng.md": engWithFlows.patched("  decide: support", with: "  1️⃣decid: support")])
        expectSame(try handbook.check().reported, [
            Reported(.unknownStage, .error, handbook.at("1️⃣"), "unknown stage 'decid': it is not in the lifecycle", notes: ["did you mean 'decide'?"]),
        ])
    }

    @Test func unknownStageForLifecycleAndStageFiles() throws {
        var handbook = TestHandbook([
            "handbook.yaml": "title: T\nlifecycle: [2️⃣discover, decide, 1️⃣ship]\nexternal:\n  leadership: Leadership\n",
            "stages/launch.md": "---\nname: Launch\nquestion: Q?\noutput: O.\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.unknownStage, .error, handbook.at("1️⃣"), "lifecycle stage 'ship' has no file 'stages/ship.md'"),
            Reported(.unknownStage, .error, .init(file: "content/stages/launch.md", line: 1, column: 1),
                     "stage 'launch' is not in the lifecycle of handbook.yaml",
                     notes: ["the lifecycle is declared here (\(handbook.at("2️⃣")))"]),
        ])
    }

    @Test func unknownRole() throws {
        // eng's context_in is then incomplete: pm's 'brief' to eng is not reported as unconsumed.
        var handbook = TestHandbook(["roles/eng.md": engWithFlows.patched("from: pm", with: "from: 1️⃣pmm")])
        expectSame(try handbook.check().reported, [
            Reported(.unknownRole, .error, handbook.at("1️⃣"), "unknown role or external 'pmm'",
                     notes: ["did you mean 'pm'?", "'pm' declared here (content/roles/pm.md:1:1)"]),
        ])
    }

    @Test func unknownRoleInAContractMayNotBeExternal() throws {
        var handbook = TestHandbook(["contracts/brief.md": """
            ---
            name: Brief Handoff
            from: 1️⃣leadership
            to: eng
            boundary: discover -> decide
            carries: [brief]
            gates: [Brief cites 3 data points]
            ---
            """])
        expectSame(try handbook.check().reported, [
            Reported(.unknownRole, .error, handbook.at("1️⃣"), "'leadership' is an external actor: a contract connects two roles"),
        ])
    }

    @Test func orphanedContextInWithATypo() throws {
        var handbook = TestHandbook(["roles/eng.md": engWithFlows.patched("  - context: brief", with: "  - context: 1️⃣briefs")])
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
        var handbook = TestHandbook(["roles/eng.md": engWithFlows.patched("  - context: brief\n    from: pm",
                                                                                         with: "  - context: brief\n    from: pm\n  - context: 1️⃣strategy\n    from: pm")])
        handbook = TestHandbook(["roles/eng.md": handbook.files["roles/eng.md"]!,
                                 "roles/pm.md": TestHandbook.base["roles/pm.md"]!.replacingOccurrences(
                                    of: "  - context: brief\n    to: [eng]", with: "  - context: brief\n    to: [eng]\n  - context: 2️⃣strategy\n    to: [leadership]")])
        expectSame(try handbook.check().reported, [
            Reported(.orphanedContextIn, .error, handbook.at("1️⃣"), "'strategy' is consumed from 'pm', but pm does not send it to 'eng'",
                     notes: ["'pm' sends 'strategy' to 'leadership' (\(handbook.at("2️⃣")))"]),
        ])
    }

    @Test func unconsumedContextOut() throws {
        var handbook = TestHandbook(["roles/pm.md": TestHandbook.base["roles/pm.md"]!.replacingOccurrences(
            of: "    to: [eng]", with: "    to: [eng]\n  - context: 1️⃣roadmap\n    to: [eng, leadership]\n  - context: 2️⃣news\n    to: all")])
        expectSame(try handbook.check().reported, [
            Reported(.unconsumedContextOut, .warning, handbook.at("1️⃣"), "'roadmap' is sent to 'eng', but eng does not consume it from 'pm'"),
            Reported(.unconsumedContextOut, .warning, handbook.at("2️⃣"), "'news' is sent to all, but no role consumes it from 'pm'"),
        ])
    }

    @Test func contextHoarding() throws {
        var handbook = TestHandbook([
            "roles/pm.md": TestHandbook.base["roles/pm.md"]!.patched("to: [eng]", with: "to: [eng, qa]"),
            "roles/qa.md": "---\nname: QA\npurpose: Check.\nengagement: {decide: consult}\n1️⃣context_in:\n  - context: brief\n    from: pm\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.contextHoarding, .warning, handbook.at("1️⃣"), "role 'qa' consumes context but produces none: what it learns reaches no one"),
        ])
    }

    @Test func stageWithoutLead() throws {
        var handbook = TestHandbook(["roles/pm.md": TestHandbook.base["roles/pm.md"]!.patched("decide: lead", with: "decide: support")])
        expectSame(try handbook.check().reported, [
            Reported(.stageWithoutLead, .error, .init(file: "content/stages/decide.md", line: 1, column: 1),
                     "stage 'decide' has no lead: no role has 'decide: lead' in its engagement"),
        ])
    }

    @Test func contractUnproduced() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief, 1️⃣plan]\ngates: [Brief cites 3 data points]\n---\n",
            "roles/eng.md": engWithFlows.patched("    from: pm", with: "    from: pm\n  - context: 2️⃣plan\n    from: pm"),
        ])
        expectSame(try handbook.check().reported, [
            Reported(.contractUnproduced, .error, handbook.at("1️⃣"), "contract carries 'plan', but 'pm' does not produce it for 'eng'"),
            Reported(.orphanedContextIn, .error, handbook.at("2️⃣"), "'plan' is consumed from 'pm', but pm produces no such context"),
        ])
    }

    @Test func contractUnconsumed() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief, 1️⃣plan]\ngates: [Brief cites 3 data points]\n---\n",
            "roles/pm.md": TestHandbook.base["roles/pm.md"]!.patched("    to: [eng]", with: "    to: [eng]\n  - context: 2️⃣plan\n    to: [eng]"),
        ])
        expectSame(try handbook.check().reported, [
            Reported(.contractUnconsumed, .error, handbook.at("1️⃣"), "contract carries 'plan', but 'eng' does not consume it from 'pm'"),
            Reported(.unconsumedContextOut, .warning, handbook.at("2️⃣"), "'plan' is sent to 'eng', but eng does not consume it from 'pm'"),
        ])
    }

    @Test func contractNotEngaged() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\nname: B\nfrom: 1️⃣eng\nto: 2️⃣pm\nboundary: discover -> decide\ncarries: [estimate]\ngates: [Estimate in days]\n---\n",
        ])
        // eng is engaged in decide only; pm leads both stages.
        expectSame(try handbook.check().reported, [
            Reported(.contractNotEngaged, .warning, handbook.at("1️⃣"), "'eng' hands off at the end of 'discover' but is not engaged in it"),
        ])
    }

    @Test func contractNotEngagedIsJudgedPerEnd() throws {
        // The sender's file does not load (reported once, as yaml-syntax); the
        // receiver loaded, and its own problem is still reported.
        var handbook = TestHandbook([
            "roles/pm.md": "---\nname: PM\npurpose: [unclosed\n---\n",
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: 1️⃣eng\nboundary: decide -> discover\ncarries: [brief]\ngates: [Brief cites 3 data points]\n---\n",
        ])
        let reported = try handbook.check().reported.filter { $0.rule == RuleID.contractNotEngaged.rawValue }
        expectSame(reported, [
            Reported(.contractNotEngaged, .warning, handbook.at("1️⃣"), "'eng' receives the handoff for 'discover' but is not engaged in it"),
        ])
    }

    @Test func backwardHandoff() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\nname: B\nfrom: eng\nto: pm\nboundary: 1️⃣decide → discover\ncarries: [estimate]\ngates: [Estimate in days]\n---\n",
            "contracts/loop.md": "---\nname: L\nfrom: pm\nto: eng\nboundary: 2️⃣decide -> decide\ncarries: [brief]\ngates: [Brief cites 3 data points]\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.backwardHandoff, .warning, handbook.at("1️⃣"), "boundary 'decide -> discover' goes backwards: 'discover' comes before 'decide' in the lifecycle"),
            Reported(.backwardHandoff, .warning, handbook.at("2️⃣"), "boundary 'decide -> decide' stays in one stage: a handoff crosses from one stage to a later one"),
        ])
    }

    @Test func contractWithoutGates() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\n1️⃣name: B\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief]\n---\n",
            "contracts/empty.md": "---\n2️⃣name: E\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief]\ngates: []\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.contractWithoutGates, .error, handbook.at("1️⃣"), "contract 'brief' has no gates: a handoff without checkable gates is a suggestion"),
            Reported(.contractWithoutGates, .error, handbook.at("2️⃣"), "contract 'empty' has no gates: a handoff without checkable gates is a suggestion"),
        ])
    }

    @Test(arguments: [
        ("Provide good context", true), ("Include relevant details", true), ("Update docs as needed", true),
        ("Enough test coverage", true), ("CLEAR owner named", true),
        ("Coverage is good: at least 80%", false), ("Brief cites 3 data points", false),
        ("Goodness of fit reported", false), ("Clearance signed by legal", false),
        ("Escalate when needed", true), ("Review if possible", true), ("Ship ASAP", true), ("Logs, metrics, etc.", true),
        ("Fix where possible", true), ("Needed fields filled", false), ("Possible risks listed in the register", false),
        ("Etcd backup taken", false), ("If needed, page 2 people", false),
    ])
    func vagueGateWords(gate: String, vague: Bool) {
        #expect(VagueGateRule.isVague(gate) == vague)
    }

    @Test func vagueGate() throws {
        var handbook = TestHandbook([
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief]\ngates:\n  - Brief cites 3 data points\n  - 1️⃣Provide good context\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.vagueGate, .warning, handbook.at("1️⃣"), "gate 'Provide good context' states a preference, not a checkable constraint"),
        ])
    }

    func pm(agents: String) -> String {
        TestHandbook.base["roles/pm.md"]!.patched("---\n# PM", with: "agents:\n\(agents)---\n# PM")
    }

    @Test func agentWithoutGuardrails() throws {
        var handbook = TestHandbook(["roles/pm.md": pm(agents: """
              - 1️⃣name: Scanner
                input: News
                output: Digest
                oversight: PM reads it
                delegation: delegate

            """)])
        expectSame(try handbook.check().reported, [
            Reported(.agentWithoutGuardrails, .error, handbook.at("1️⃣"),
                     "agent 'Scanner' has no blast_radius: say who checks its work and what it can touch"),
        ])
    }

    @Test func unguardedWriteAgent() throws {
        var handbook = TestHandbook(["roles/pm.md": pm(agents: """
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

    @Test func delegationMismatch() throws {
        var handbook = TestHandbook(["roles/pm.md": pm(agents: """
              - name: Scanner
                input: News
                output: Digest
                oversight: PM reads it
                blast_radius: Read-only
                delegation: 1️⃣delegate
                tool_span: multiple
                independence: interdependent

            """)])
        expectSame(try handbook.check().reported, [
            Reported(.delegationMismatch, .warning, handbook.at("1️⃣"),
                     "agent 'Scanner' is delegated, but it spans multiple tools, its work is interdependent: coordinate it instead"),
        ])
    }

    @Test func brokenLink() throws {
        var handbook = TestHandbook(["pages/guide.md": """
            ---
            name: Guide
            ---
            # Guide

            See [ok](../roles/pm.md#how-we-work), [ok](../roles/eng.md#context-in), [ok](#guide) and [web](https://example.com/x.md).

            1️⃣[a](../roles/pm.md#nowhere) and 2️⃣[b](../roles/nobody.md) and 3️⃣[c](#gide).
            😀 é 4️⃣[d](../../outside.md)
            """])
        expectSame(try handbook.check().reported, [
            Reported(.brokenLink, .error, handbook.at("1️⃣"), "link '../roles/pm.md#nowhere' names no heading in 'roles/pm.md'"),
            Reported(.brokenLink, .error, handbook.at("2️⃣"), "link '../roles/nobody.md' names no content file: 'roles/nobody.md' does not exist"),
            Reported(.brokenLink, .error, handbook.at("3️⃣"), "link '#gide' names no heading in this file", notes: ["did you mean '#guide'?"]),
            Reported(.brokenLink, .error, handbook.at("4️⃣"), "link '../../outside.md' leaves the handbook folder"),
        ])
        #expect(handbook.at("4️⃣").column == 5) // Unicode scalars (😀 is 4 bytes, é 2), not bytes
    }

    @Test func severityOverrides() throws {
        var handbook = TestHandbook([
            "handbook.yaml": "title: T\nlifecycle: [discover, decide]\nexternal:\n  leadership: Leadership\nseverity:\n  vague-gate: error\n  context-hoarding: off\n  1️⃣yaml-syntax: warning\n  2️⃣vage-gate: off\n",
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief]\ngates:\n  - 3️⃣Enough detail\n---\n",
            "roles/pm.md": TestHandbook.base["roles/pm.md"]!.patched("to: [eng]", with: "to: [eng, qa]"),
            "roles/qa.md": "---\nname: QA\npurpose: Check.\nengagement: {decide: consult}\ncontext_in:\n  - context: brief\n    from: pm\n---\n",
        ])
        // Sorted by file: contracts/ before handbook.yaml. context-hoarding (qa) is off.
        expectSame(try handbook.check().reported, [
            Reported(.vagueGate, .error, handbook.at("3️⃣"), "gate 'Enough detail' states a preference, not a checkable constraint"),
            Reported(.invalidValue, .error, handbook.at("1️⃣"), "the severity of 'yaml-syntax' cannot be changed: it is always an error"),
            Reported(.invalidValue, .error, handbook.at("2️⃣"), "'vage-gate' is not a rule id", notes: ["did you mean 'vague-gate'?"]),
        ])
    }
}

extension String {
    func patched(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else {
            Issue.record("'\(target)' not found in test input")
            return self
        }
        return replacingCharacters(in: range, with: replacement)
    }
}
