import Diagnostics
import HandbookModel

extension RuleID {
    public static let boundaryWithoutContract = RuleID("boundary-without-contract", .warning,
        "two consecutive lifecycle stages with no contract between them")
}

/// boundary-without-contract: consecutive lifecycle stages with no contract
/// whose boundary goes from the first to the second (the essays' first
/// failure mode: an under-specified handoff). At the second stage's entry in
/// `lifecycle`. A contract that failed to load, or whose boundary was
/// reported (invalid, or naming a stage outside the lifecycle), might have
/// covered any seam, so the rule then stays quiet; so does a seam next to a
/// stage whose file is missing or unreadable (that lifecycle entry is
/// reported already), and a seam that a skipping boundary spans (reported
/// at that contract as boundary-skips-stage).
struct BoundaryWithoutContractRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.contracts, .stages]

    static let descriptor = RuleDescriptor(
        .boundaryWithoutContract,
        help: "Every step of the lifecycle is a handoff. Write a contract whose boundary goes from the first stage to the next (what context crosses, which gates it must pass, how fast it is picked up), so the seam is not left to goodwill.",
        triggering: [
            RuleExample([
                "handbook.yaml": RuleExample.base("handbook.yaml", replacing: "lifecycle: [discover, decide]",
                        with: "lifecycle: [discover, decide, 1️⃣build]"),
                "stages/build.md": "---\nname: Build\nquestion: Does it work?\noutput: A tested change.\n---\n",
                "roles/eng.md": RuleExample.base("roles/eng.md", replacing: "  decide: support", with: "  decide: support\n  build: lead"),
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("handbook.yaml"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        let handbook = index.handbook
        guard let lifecycle = handbook.settings?.lifecycle, lifecycle.count > 1,
              handbook.unreadable[.contracts]?.isEmpty ?? true,
              handbook.contracts.values.allSatisfy({ $0.boundary != nil }),
              // A boundary naming a stage outside the lifecycle is reported (unknown-stage): it might have covered any seam.
              handbook.contracts.values.allSatisfy({ index.isLifecycleStage($0.boundary!.from) && index.isLifecycleStage($0.boundary!.to) })
        else { return [] }
        var seams = Set<String>()
        for contract in handbook.contracts.values {
            guard let boundary = contract.boundary, let first = index.lifecyclePosition[boundary.from],
                  let second = index.lifecyclePosition[boundary.to], second > first else { continue }
            // A boundary that skips stages is reported at the contract (boundary-skips-stage), not again at each seam it spans.
            for step in first..<second { seams.insert("\(index.lifecycle[step])\u{1}\(index.lifecycle[step + 1])") }
        }
        return (1..<lifecycle.count).compactMap { i in
            let from = lifecycle[i - 1].value, to = lifecycle[i]
            guard handbook.stages[from] != nil, handbook.stages[to.value] != nil else { return nil }
            guard !seams.contains("\(from)\u{1}\(to.value)") else { return nil }
            return diagnostic("no contract covers the handoff from '\(from)' to '\(to.value)'", at: to.location,
                              notes: [.init("add a contract with 'boundary: \(from) -> \(to.value)'")])
        }
    }
}
