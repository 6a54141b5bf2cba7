import Diagnostics
import HandbookModel

extension RuleID {
    public static let lateExtendedTeam = RuleID("late-extended-team", .warning,
        "an external's engaged stages start after the second lifecycle stage")
}

/// late-extended-team: an external collaborator (legal, clinical,
/// compliance) first engaged after the second lifecycle stage (at
/// `engaged`): a gatekeeper late in approval rather than a collaborator
/// early in shaping. Stages outside the lifecycle are unknown-stage.
struct LateExtendedTeamRule: HandbookRule {
    static let reads: Set<EntityKind> = []

    static let descriptor = RuleDescriptor(
        .lateExtendedTeam,
        help: "Legal, clinical or compliance collaborators who first see the work when it is built find problems that cost weeks of rework. Engage them in the first or second stage, while the work is still being shaped.",
        triggering: [
            RuleExample([
                "handbook.yaml": "title: Example Handbook\nlifecycle: [discover, decide, build]\nexternal:\n  leadership: Leadership\n  compliance:\n    name: Compliance office\n    engaged: 1️⃣[build]\n",
                "stages/build.md": "---\nname: Build\nquestion: Can we deliver it?\noutput: A release.\n---\n",
                "roles/eng.md": RuleExample.base("roles/eng.md", replacing: "  decide: support", with: "  decide: support\n  build: lead"),
                "contracts/plan.md": Self.planContract,
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "handbook.yaml": "title: Example Handbook\nlifecycle: [discover, decide, build]\nexternal:\n  leadership: Leadership\n  compliance:\n    name: Compliance office\n    engaged: [decide, build]\n",
                "stages/build.md": "---\nname: Build\nquestion: Can we deliver it?\noutput: A release.\n---\n",
                "roles/eng.md": RuleExample.base("roles/eng.md", replacing: "  decide: support", with: "  decide: support\n  build: lead"),
                "contracts/plan.md": Self.planContract,
            ]),
        ]
    )

    /// The example's second boundary, covered.
    static let planContract = """
        ---
        name: Plan Handoff
        from: pm
        to: eng
        boundary: decide -> build
        carries: [brief]
        gates:
          - Brief lists at most 3 open questions
        trigger:
          acknowledge_within: 1d
        ---
        """

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        guard let settings = index.handbook.settings, index.lifecycle.count > 2 else { return [] }
        var out: [Diagnostic] = []
        for external in settings.externals.values.sorted(by: { $0.id < $1.id }) {
            let positions = external.engaged.compactMap { index.lifecyclePosition[$0.value] }
            guard let location = external.engagedLocation, !positions.isEmpty,
                  positions.count == external.engaged.count, let first = positions.min(), first >= 2 else { continue }
            out.append(diagnostic("external '\(external.id)' is first engaged in '\(index.lifecycle[first])', after '\(index.lifecycle[1])': a gatekeeper late, not a collaborator early",
                                  at: location, notes: [.init("engage '\(external.id)' in '\(index.lifecycle[0])' or '\(index.lifecycle[1])', while the work is shaped")]))
        }
        return out
    }
}
