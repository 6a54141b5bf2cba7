import Diagnostics
import HandbookModel

extension RuleID {
    public static let unknownStage = RuleID("unknown-stage", .error,
        "a stage id that is not in the lifecycle, or a lifecycle id with no stage file")
}

/// unknown-stage: a stage id that is not in `lifecycle`; a stage file whose
/// id is not in `lifecycle`; a `lifecycle` id with no stage file.
struct UnknownStageRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles, .contracts, .stages]

    static let descriptor = RuleDescriptor(
        .unknownStage,
        help: "Use a stage id from the lifecycle in handbook.yaml, add the stage to the lifecycle, or create stages/<id>.md for every lifecycle stage.",
        triggering: [
            RuleExample([
                "roles/eng.md": RuleExample.base("roles/eng.md", replacing: "  decide: support",
                        with: """
                          decide: support
                          1️⃣build: lead
                        """),
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("roles/eng.md"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        guard index.settingsKnown, let settings = index.handbook.settings else { return [] }
        let handbook = index.handbook
        var out: [Diagnostic] = []
        for stage in settings.lifecycle where !handbook.exists(stage.value, .stages) {
            out.append(diagnostic("lifecycle stage '\(stage.value)' has no file 'stages/\(stage.value).md'", at: stage.location))
        }
        for stage in handbook.stages.values where !index.isLifecycleStage(stage.id) {
            out.append(diagnostic("stage '\(stage.id)' is not in the lifecycle of handbook.yaml", at: .start(of: stage.file),
                                  notes: [.init("the lifecycle is declared here", at: settings.lifecycle.first?.location ?? .start(of: settings.file))]))
        }
        for role in index.roles {
            for (stage, entry) in role.engagement where !index.isLifecycleStage(stage) {
                out.append(unknown(stage, at: entry.stageLocation, index))
            }
            for workflow in role.workflows {
                if let stage = workflow.stage, !index.isLifecycleStage(stage.value) {
                    out.append(unknown(stage.value, at: stage.location, index))
                }
            }
        }
        for external in settings.externals.values.sorted(by: { $0.id < $1.id }) {
            for stage in external.engaged where !index.isLifecycleStage(stage.value) {
                out.append(unknown(stage.value, at: stage.location, index))
            }
        }
        for contract in handbook.contracts.values {
            guard let boundary = contract.boundary else { continue }
            for stage in [boundary.from, boundary.to] where !index.isLifecycleStage(stage) {
                out.append(unknown(stage, at: boundary.location, index))
            }
        }
        return out
    }

    func unknown(_ stage: String, at location: SourceLocation, _ index: HandbookIndex) -> Diagnostic {
        diagnostic("unknown stage '\(stage)': it is not in the lifecycle", at: location, notes: index.stageNote(for: stage))
    }
}
