import Diagnostics
import HandbookModel

extension RuleID {
    public static let cycleOverBudget = RuleID("cycle-over-budget", .warning,
        "the lifecycle's time exceeds cycle_budget")
}

/// cycle-over-budget: the stages' timeboxes plus the handoff budgets between
/// them exceed `cycle_budget` (at its value; the notes list the largest
/// parts). An unbounded cycle is not compared (what leaves it unbounded is
/// shown in the timing strip), nor one with a reported duration.
struct CycleOverBudgetRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.stages, .contracts]

    static let descriptor = RuleDescriptor(
        .cycleOverBudget,
        help: "The cycle's time is the sum of every stage's timebox and of the handoff budget (acknowledge_within + next_stage_within) at each boundary. When it exceeds the appetite in cycle_budget, shorten the largest parts or change the budget.",
        triggering: [
            RuleExample([
                "handbook.yaml": RuleExample.base("handbook.yaml", replacing: "lifecycle: [discover, decide]",
                        with: "lifecycle: [discover, decide]\ncycle_budget: 1️⃣2w"),
                "stages/discover.md": "---\nname: Discover\nquestion: What problem is worth solving?\noutput: A brief.\ntimebox: 1w\n---\n",
                "stages/decide.md": "---\nname: Decide\nquestion: What will we build?\noutput: A plan.\ntimebox: 1w\n---\n",
                "contracts/brief.md": RuleExample.base("contracts/brief.md", replacing: "  acknowledge_within: 1d",
                        with: "  acknowledge_within: 1d\n  next_stage_within: 2d"),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "handbook.yaml": RuleExample.base("handbook.yaml", replacing: "lifecycle: [discover, decide]",
                        with: "lifecycle: [discover, decide]\ncycle_budget: 3w"),
                "stages/discover.md": "---\nname: Discover\nquestion: What problem is worth solving?\noutput: A brief.\ntimebox: 1w\n---\n",
                "stages/decide.md": "---\nname: Decide\nquestion: What will we build?\noutput: A plan.\ntimebox: 1w\n---\n",
                "contracts/brief.md": RuleExample.base("contracts/brief.md", replacing: "  acknowledge_within: 1d",
                        with: "  acknowledge_within: 1d\n  next_stage_within: 2d"),
            ]),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        let handbook = index.handbook
        let timing = handbook.timing
        guard let budget = timing.budget, !timing.hasReportedParts, timing.isOverBudget, let total = timing.totalHours else { return [] }
        let largest = timing.parts.enumerated()
            .sorted { ($0.element.hours ?? 0, -$0.offset) > ($1.element.hours ?? 0, -$1.offset) }
            .prefix(3)
            .map { part -> Diagnostic.Note in
                let hours = Duration.compact(hours: part.element.hours ?? 0)
                switch part.element.kind {
                case let .stage(id):
                    return .init("\(handbook.stages[id]?.name ?? id): timebox \(hours)")
                case let .boundary(from, to):
                    return .init("\(from) -> \(to): handoff budget \(hours)")
                }
            }
        return [diagnostic("the cycle takes \(Duration.compact(hours: total)), over its budget of \(Duration.compact(hours: budget.value.hours))",
                           at: budget.location, notes: largest)]
    }
}
