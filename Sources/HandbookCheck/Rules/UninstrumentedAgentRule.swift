import Diagnostics
import HandbookModel

extension RuleID {
    public static let uninstrumentedAgent = RuleID("uninstrumented-agent", .warning,
        "an agent that reads a governed object without logging contract-version, freshness and input-hash")
}

/// uninstrumented-agent: an agent that `reads` a governed object and whose
/// `logs` lacks `contract-version`, `freshness` or `input-hash` (at `reads`).
/// Only objects that loaded count: an unknown object is unknown-object, and
/// one whose file failed to load was reported already.
struct UninstrumentedAgentRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles, .objects]

    static let descriptor = RuleDescriptor(
        .uninstrumentedAgent,
        help: "An agent that reads a governed object records, on every run, the version of the object's data contract, how fresh the data was and a hash of its input, so any output can be traced to what it saw. List them in logs: [contract-version, freshness, input-hash].",
        triggering: [
            RuleExample.objectReader(reads: "1️⃣[brief]", logs: "[contract-version]"),
        ],
        nonTriggering: [
            RuleExample.objectReader(reads: "[brief]", logs: "[contract-version, freshness, input-hash]"),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        let handbook = index.handbook
        guard handbook.hasObjectsFolder else { return [] }
        var out: [Diagnostic] = []
        for role in index.roles {
            for agent in role.agents {
                let governed = agent.reads.filter { handbook.objects[$0.value] != nil }.map(\.value)
                let missing = agent.missingLogs
                guard !governed.isEmpty, !missing.isEmpty, !agent.logsReported, let location = agent.readsLocation else { continue }
                out.append(diagnostic("agent '\(agent.name)' reads \(governed.map { "'\($0)'" }.joined(separator: ", ")) but does not log \(missing.map(\.rawValue).joined(separator: ", "))",
                                      at: location, notes: [.init("add logs: [contract-version, freshness, input-hash]")]))
            }
        }
        return out
    }
}
