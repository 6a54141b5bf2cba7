import Diagnostics
import HandbookModel

extension RuleID {
    public static let boundarySkipsStage = RuleID("boundary-skips-stage", .warning,
        "a contract's boundary joins two stages that are not consecutive, so it covers no seam")
}

/// boundary-skips-stage: a contract's boundary goes forward past a stage
/// (`discover -> build` in a lifecycle with `decide` between them): it
/// covers no seam and counts towards no handoff budget. At the `boundary`
/// value. A boundary that goes backwards is `backward-handoff`; a stage
/// outside the lifecycle is `unknown-stage`. The seams it spans are not
/// also reported as `boundary-without-contract` (one cause, one diagnostic).
struct BoundarySkipsStageRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.contracts]

    static let descriptor = RuleDescriptor(
        .boundarySkipsStage,
        help: "A contract covers the handoff between two consecutive lifecycle stages. A boundary that jumps over a stage says nothing about the seams in between: split it into one contract per seam, or name the two stages that are next to each other.",
        triggering: [
            RuleExample([
                "handbook.yaml": RuleExample.base("handbook.yaml", replacing: "lifecycle: [discover, decide]", with: "lifecycle: [discover, decide, build]"),
                "stages/build.md": "---\nname: Build\nquestion: Does it work?\noutput: A tested change.\n---\n",
                "roles/eng.md": RuleExample.base("roles/eng.md", replacing: "  decide: support", with: "  decide: support\n  build: lead"),
                "contracts/build.md": """
                    ---
                    name: Brief to Build
                    from: pm
                    to: eng
                    boundary: 1️⃣discover -> build
                    carries: [brief]
                    gates:
                      - Brief cites 3 data points
                    trigger:
                      acknowledge_within: 1d
                    ---
                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("contracts/brief.md"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        index.contracts.compactMap { contract in
            guard let boundary = contract.boundary,
                  let first = index.lifecyclePosition[boundary.from], let second = index.lifecyclePosition[boundary.to],
                  second > first + 1 else { return nil }
            let between = index.lifecycle[(first + 1)..<second]
            return diagnostic("boundary '\(boundary.from) -> \(boundary.to)' skips \(listed(between.map { "'\($0)'" })): it covers no seam of the lifecycle",
                              at: boundary.location,
                              notes: [.init("a contract covers one step: '\(boundary.from) -> \(index.lifecycle[first + 1])', or one contract per seam up to '\(boundary.to)'")])
        }
    }
}
