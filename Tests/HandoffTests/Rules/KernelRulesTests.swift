import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// The kernel (FORMAT.md, The kernel): risks, the extended team and
/// synthesis; each rule's diagnostics at exact positions, and the reference
/// rules (unknown-field, unknown-role, unknown-stage) on the new fields.
@Suite struct KernelRulesTests {
    static let settings = "title: Test Handbook\nlifecycle: [discover, decide]\nexternal:\n  leadership: Leadership\n"
    static let threeStages = "title: Test Handbook\nlifecycle: [discover, decide, build]\nexternal:\n  leadership: Leadership\n"
    static let allRisks = "risks:\n  value: pm\n  usability: pm\n  feasibility: eng\n  viability: pm\n  ethical: pm\n"

    @Test func aHandbookWithAllFiveOwnersIsClean() throws {
        var handbook = TestHandbook(["handbook.yaml": Self.settings + Self.allRisks])
        #expect(try handbook.check().isEmpty)
    }

    @Test func eachMissingRiskIsOneWarningAtTheRisksKey() throws {
        var handbook = TestHandbook(["handbook.yaml": Self.settings + "1️⃣2️⃣risks:\n  value: pm\n  feasibility: eng\n  ethical: pm\n"])
        expectSame(try handbook.check().reported, [
            Reported(.unownedRisk, .warning, handbook.at("1️⃣"), "no role owns the usability risk (usability)",
                     notes: ["add 'usability: <role id>' under risks: one role, never a list"]),
            Reported(.unownedRisk, .warning, handbook.at("2️⃣"), "no role owns the viability risk (business viability)",
                     notes: ["add 'viability: <role id>' under risks: one role, never a list"]),
        ])
    }

    @Test func aListOfOwnersIsRiskByCommitteeAtTheValue() throws {
        var handbook = TestHandbook(["handbook.yaml": Self.settings + Self.allRisks.replacingOccurrences(of: "feasibility: eng", with: "feasibility: 1️⃣[eng, pm]")
            .replacingOccurrences(of: "value: pm", with: "value: 2️⃣[pm]")])
        expectSame(try handbook.check().reported, [
            Reported(.riskByCommittee, .error, handbook.at("2️⃣"), "the value risk is owned by a list ('pm'): if the answer is everyone, it is no one",
                     notes: ["name one role as its owner"]),
            Reported(.riskByCommittee, .error, handbook.at("1️⃣"), "the feasibility risk is owned by a list ('eng', 'pm'): if the answer is everyone, it is no one",
                     notes: ["name one role as its owner"]),
        ])
    }

    @Test func anEthicalOwnerMissingFromAStageIsNamedWithTheStages() throws {
        var handbook = TestHandbook(["handbook.yaml": Self.settings + Self.allRisks.replacingOccurrences(of: "ethical: pm", with: "ethical: 1️⃣eng")])
        expectSame(try handbook.check().reported, [
            Reported(.absentRiskOwner, .warning, handbook.at("1️⃣"), "'eng' owns the ethical risk but is not engaged in 'discover'",
                     notes: ["engage 'eng' in every stage (consult is enough): the ethical owner may delay a release"]),
        ])
    }

    @Test func unknownKeysOwnersAndExternalOwnersAreReportedOnce() throws {
        var handbook = TestHandbook(["handbook.yaml": Self.settings + """
            risks:
              value: pm
              usability: pm
              feasibility: 1️⃣engg
              viability: 2️⃣leadership
              ethical: 3️⃣nobody
              4️⃣ethics: pm

            """])
        expectSame(try handbook.check().reported, [
            Reported(.unknownRole, .error, handbook.at("1️⃣"), "unknown role 'engg'",
                     notes: ["did you mean 'eng'?", "'eng' declared here (content/roles/eng.md:1:1)"]),
            Reported(.unknownRole, .error, handbook.at("2️⃣"), "'leadership' is an external actor: a risk is owned by a role of the team"),
            Reported(.unknownRole, .error, handbook.at("3️⃣"), "unknown role 'nobody'"),
            Reported(.unknownField, .warning, handbook.at("4️⃣"), "unknown field 'ethics'", notes: ["did you mean 'ethical'?"]),
        ])
    }

    @Test func anExternalFirstEngagedAfterTheSecondStageIsLate() throws {
        let build = "---\nname: Build\nquestion: How?\noutput: A release.\n---\n"
        let eng = TestHandbook.base["roles/eng.md"]!.replacingOccurrences(of: "  decide: support", with: "  decide: support\n  build: lead")
        let plan = LateExtendedTeamRule.planContract
        var late = TestHandbook([
            "handbook.yaml": Self.threeStages + "  legal:\n    name: Legal\n    engaged: 1️⃣[build]\n  clinic:\n    name: Clinic\n    engaged: [decide, 2️⃣shape]\n    3️⃣role: reviewer\n",
            "stages/build.md": build, "roles/eng.md": eng, "contracts/plan.md": plan,
        ])
        expectSame(try late.check().reported, [
            Reported(.unknownStage, .error, late.at("2️⃣"), "unknown stage 'shape': it is not in the lifecycle"),
            Reported(.unknownField, .warning, late.at("3️⃣"), "unknown field 'role' in external 'clinic'", notes: ["the fields here are: name, engaged"]),
            Reported(.lateExtendedTeam, .warning, late.at("1️⃣"), "external 'legal' is first engaged in 'build', after 'decide': a gatekeeper late, not a collaborator early",
                     notes: ["engage 'legal' in 'discover' or 'decide', while the work is shaped"]),
        ].sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) })
        var early = TestHandbook([
            "handbook.yaml": Self.threeStages + "  legal:\n    name: Legal\n    engaged: [decide, build]\n",
            "stages/build.md": build, "roles/eng.md": eng, "contracts/plan.md": plan,
        ])
        #expect(try early.check().isEmpty)
    }

    @Test func anAgentCombiningThreeObjectsWithoutSynthesisIsReportedAtReads() throws {
        let agent = """
              - name: Joiner
                input: Briefs
                output: A join
                oversight: The PM reads it
                blast_radius: Read-only
                delegation: coordinate
                reads: 1️⃣[brief, estimate, plan, brief]
                logs: [contract-version, freshness, input-hash]
            """
        var files: [String: String?] = ["roles/pm.md": RuleExample.pm(agents: agent), "objects/brief.md": RuleExample.governedObject]
        for name in ["estimate", "plan"] {
            files["objects/\(name).md"] = RuleExample.governedObject(replacing: "name: Brief", with: "name: \(name.capitalized)")
        }
        var handbook = TestHandbook(files)
        expectSame(try handbook.check().reported, [
            Reported(.uncheckedSynthesis, .warning, handbook.at("1️⃣"),
                     "agent 'Joiner' combines 'brief', 'estimate' and 'plan' but says nothing in synthesis about what checks the result",
                     notes: ["add synthesis: what checks what it makes from them, which neither object's contract covers"]),
        ])
        files["roles/pm.md"] = RuleExample.pm(agents: agent + "\n    synthesis: The PM samples five joins a week")
        var checked = TestHandbook(files)
        #expect(try checked.check().isEmpty)
    }
}
