import Diagnostics
import HandbookModel

extension RuleID {
    public static let orphanedContextIn = RuleID("orphaned-context-in", .error,
        "a consumed context that its producer does not send to this role")
}

/// orphaned-context-in: a `context_in` whose `from` does not list that
/// context in its `context_out` with this role (or `all`) in `to`. An
/// external `from` is always satisfied.
struct OrphanedContextInRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles]

    static let descriptor = RuleDescriptor(
        .orphanedContextIn,
        help: "A role consumes a context its producer does not send it. Add the context to the producer's context_out with this role (or all) in to, or correct the context id.",
        triggering: [
            RuleExample([
                "roles/eng.md": RuleExample.base("roles/eng.md", replacing: "    from: pm",
                        with: """
                            from: pm
                          - context: 1️⃣roadmap
                            from: pm
                        """),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "roles/eng.md": RuleExample.base("roles/eng.md", replacing: "    from: pm",
                        with: """
                            from: pm
                          - context: strategy
                            from: leadership
                        """),
            ]),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for consumer in index.roles {
            for flow in consumer.contextIn {
                guard case let .role(producer) = index.actor(flow.from.value), index.contextOutIsKnown(producer) else { continue }
                let context = flow.context.value
                let produced = producer.contextOut.filter { $0.context.value == context }
                if produced.isEmpty {
                    var notes: [Diagnostic.Note] = []
                    if let declared = Self.suggestion(for: context, from: producer) {
                        notes.append(.init("did you mean '\(declared.value)'?", at: declared.location))
                    }
                    out.append(diagnostic("'\(context)' is consumed from '\(producer.id)', but \(producer.id) produces no such context",
                                          at: flow.context.location, notes: notes))
                } else if !produced.contains(where: { $0.sends(to: consumer.id) }) {
                    let targets = produced.flatMap(\.to).map { "'\($0.value)'" }.joined(separator: ", ")
                    out.append(diagnostic("'\(context)' is consumed from '\(producer.id)', but \(producer.id) does not send it to '\(consumer.id)'",
                                          at: flow.context.location,
                                          notes: [.init("'\(producer.id)' sends '\(context)' to \(targets)", at: produced[0].context.location)]))
                }
            }
        }
        return out
    }

    /// The producer's context that a consumed id most likely meant.
    static func suggestion(for context: String, from producer: Role) -> Located<String>? {
        let candidates = producer.contextOut.map(\.context)
        guard let close = Suggestion.closest(to: context, among: candidates.map(\.value)) else { return nil }
        return candidates.first { $0.value == close }
    }
}
