import Diagnostics
import Foundation
import HandbookModel
import HandbookPipeline
import Testing

/// `handoff what-if` (FORMAT.md, If someone is out): removing each role of
/// the example in turn loses exactly what a re-check of the handbook with
/// that role's file deleted shows lost.
@Suite struct WhatIfTests {
    /// The contexts some role lists in context_out.
    static func produced(_ handbook: Handbook) -> Set<String> {
        Set(handbook.roles.values.flatMap { $0.contextOut.map(\.context.value) })
    }

    /// The contexts some role consumes from an external (an external producer no absence removes).
    static func fromOutside(_ handbook: Handbook) -> Set<String> {
        let externals = Set(handbook.settings?.externals.keys.map { $0 } ?? [])
        return Set(handbook.roles.values.flatMap { $0.contextIn.filter { externals.contains($0.from.value) }.map(\.context.value) })
    }

    /// The id of the file a diagnostic stands in, under `folder`.
    static func ids(_ diagnostics: [Diagnostic], rule: RuleID, in folder: String) -> [String] {
        Array(Set(diagnostics.filter { $0.rule == rule && $0.location.file.hasPrefix("content/\(folder)/") }.map {
            String($0.location.file.dropFirst("content/\(folder)/".count).dropLast(3))
        })).sorted()
    }

    @Test func eachRoleOutLosesWhatARecheckWithoutItsFileShows() throws {
        let before = try HandbookPipeline(content: Paths.exampleContent.path, contentDisplay: "content").run(theme: .none)
        #expect(before.diagnostics.isEmpty)
        let roles = before.handbook.roles.keys.sorted()
        #expect(roles.count == 7)
        var lossesSeen = 0
        for role in roles {
            let losses = WhatIf(before.handbook, without: [role])
            let scratch = try Scratch()
            let content = try scratch.copy(Paths.exampleContent, as: "content")
            try FileManager.default.removeItem(at: content.appendingPathComponent("roles/\(role).md"))
            let after = try HandbookPipeline(content: content.path, contentDisplay: "content").run(theme: .none)
            let lifecycle = before.handbook.settings!.lifecycle.map(\.value)
            #expect(losses.stages == lifecycle.filter { Self.ids(after.diagnostics, rule: .stageWithoutLead, in: "stages").contains($0) }, "\(role)")
            #expect(losses.contexts == Self.produced(before.handbook).subtracting(Self.produced(after.handbook)).subtracting(Self.fromOutside(before.handbook)).sorted(), "\(role)")
            #expect(losses.contracts == Self.ids(after.diagnostics, rule: .unknownRole, in: "contracts"), "\(role)")
            // A producer or steward is a role ("unknown role"); a consumer may be an external ("unknown role or external").
            #expect(losses.objects == Self.ids(after.diagnostics.filter { !$0.message.hasPrefix("unknown role or external") }, rule: .unknownRole, in: "objects"), "\(role)")
            #expect(losses.risks == after.diagnostics.filter { $0.rule == .unknownRole && $0.location.file == "content/handbook.yaml" }.map { diagnostic in
                before.handbook.settings!.risks!.first { $0.location.line == diagnostic.location.line }?.risk.rawValue ?? "?"
            }, "\(role)")
            #expect(losses.agents.map(\.name) == before.handbook.roles[role]!.agents.map(\.name))
            lossesSeen += losses.lines(before.handbook).count
        }
        #expect(lossesSeen > 30)
        // The overview's one-pass version agrees with one WhatIf per role.
        let alone = WhatIf.eachRoleAlone(before.handbook)
        for role in roles { #expect(alone[role] == WhatIf(before.handbook, without: [role]), "\(role)") }
    }

    @Test func theCommandPrintsOneLineALossAndExitsZero() throws {
        let scratch = try Scratch()
        _ = try scratch.copy(Paths.exampleContent, as: "content")
        let run = try Run(["what-if", "--without", "steward"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stdout == """
            context 'contract-breaks' has no producer
            governed object 'encounter' has no steward
            governed object 'lab-result' has no steward
            governed object 'medication-order' has no steward
            governed object 'patient' has no steward
            agent 'Drift Watcher' of 'steward' has no role to run it
            agent 'Definition Helper' of 'steward' has no role to run it
            the ethical risk has no owner
            8 losses without 'steward'

            """)
        let json = try Run(["what-if", "--without", "qa", "devops", "--format", "json"], in: scratch.url)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(object["without"] as? [String] == ["devops", "qa"])
        #expect(object["stages"] as? [String] == ["test", "ship"])
        let unknown = try Run(["what-if", "--without", "stewart"], in: scratch.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: unknown role 'stewart'\n  note: did you mean 'steward'?\n")
    }
}
