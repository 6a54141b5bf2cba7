import Diagnostics
import HandbookModel

extension RuleID {
    public static let uncheckedSynthesis = RuleID("unchecked-synthesis", .warning,
        "an agent reads two or more governed objects and has no synthesis")
}

/// unchecked-synthesis: an agent `reads` two or more governed objects and
/// says nothing in `synthesis` about what checks the combination (at
/// `reads`): synthesis drift, a result neither object's contract covers.
/// Only objects that loaded count (an unknown one is unknown-object).
struct UncheckedSynthesisRule: HandbookRule {
    static let reads: Set<EntityKind> = [.roles, .objects]

    static let descriptor = RuleDescriptor(
        .uncheckedSynthesis,
        help: "Each governed object has a data contract, but what an agent makes by joining two of them has none: it can drift while both inputs pass. Say in synthesis what checks the combined result (a comparison, a sample, a reviewer).",
        triggering: [
            RuleExample([
                "objects/brief.md": RuleExample.governedObject,
                "objects/estimate.md": RuleExample.governedObject(replacing: "name: Brief", with: "name: Estimate"),
                "roles/pm.md": RuleExample.pm(agents: """
                      - name: Brief Checker
                        input: Draft briefs and estimates
                        output: Comments on gaps
                        oversight: The PM reads every comment
                        blast_radius: Read-only
                        delegation: coordinate
                        reads: 1️⃣[brief, estimate]
                        logs: [contract-version, freshness, input-hash]
                    """),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "objects/brief.md": RuleExample.governedObject,
                "objects/estimate.md": RuleExample.governedObject(replacing: "name: Brief", with: "name: Estimate"),
                "roles/pm.md": RuleExample.pm(agents: """
                      - name: Brief Checker
                        input: Draft briefs and estimates
                        output: Comments on gaps
                        oversight: The PM reads every comment
                        blast_radius: Read-only
                        delegation: coordinate
                        reads: [brief, estimate]
                        logs: [contract-version, freshness, input-hash]
                        synthesis: The PM compares ten comments a week with the briefs' own numbers
                    """),
            ]),
        ]
    )

    /// 'a' and 'b'; 'a', 'b' and 'c'.
    static func listed(_ ids: [String]) -> String {
        let quoted = ids.map { "'\($0)'" }
        return quoted.count <= 2 ? quoted.joined(separator: " and ") : quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        let handbook = index.handbook
        var out: [Diagnostic] = []
        for role in index.roles {
            for agent in role.agents where agent.synthesis == nil {
                var governed: [String] = []
                for id in agent.reads.map(\.value) where handbook.objects[id] != nil && !governed.contains(id) { governed.append(id) }
                guard governed.count >= 2, let location = agent.readsLocation else { continue }
                out.append(diagnostic("agent '\(agent.name)' combines \(Self.listed(governed)) but says nothing in synthesis about what checks the result",
                                      at: location, notes: [.init("add synthesis: what checks what it makes from them, which neither object's contract covers")]))
            }
        }
        return out
    }
}
