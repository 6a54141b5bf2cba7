import Diagnostics
import HandbookModel

extension RuleID {
    public static let unknownObject = RuleID("unknown-object", .error,
        "an id in an agent's reads with no objects/<id>.md")
}

/// unknown-object: an agent `reads` an object id that has no file in
/// `objects/` (at the id). Runs only when the handbook has `objects/`.
struct UnknownObjectRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles, .objects]

    static let descriptor = RuleDescriptor(
        .unknownObject,
        help: "An agent's reads lists governed objects by id: the file names in objects/ without .md. Correct the id or add the object.",
        triggering: [
            RuleExample.objectReader(reads: "[1️⃣briefs]", logs: "[contract-version, freshness, input-hash]"),
        ],
        nonTriggering: [
            RuleExample.objectReader(reads: "[brief]", logs: "[contract-version, freshness, input-hash]"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        let handbook = index.handbook
        guard handbook.hasObjectsFolder else { return [] }
        let known = (Array(handbook.objects.keys) + (handbook.unreadable[.objects] ?? [])).sorted()
        var out: [Diagnostic] = []
        for role in index.roles {
            for agent in role.agents {
                for id in agent.reads where !handbook.exists(id.value, .objects) {
                    out.append(diagnostic("agent '\(agent.name)' reads unknown governed object '\(id.value)'", at: id.location,
                                          notes: handbook.renamed(id.value, .objects).map { [.init("renamed to '\($0)' (aliases)")] }
                                              ?? Suggestion.notes(for: id.value, among: known)))
                }
            }
        }
        return out
    }
}
