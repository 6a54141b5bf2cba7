import Diagnostics
import HandbookModel

extension RuleID {
    public static let unconsumedContextOut = RuleID("unconsumed-context-out", .warning,
        "a produced context that the receiving role does not consume")
}

/// unconsumed-context-out: a `context_out` to a role that has no matching
/// `context_in` from this role; `all` is satisfied by any consumer.
struct UnconsumedContextOutRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles]

    static let descriptor = RuleDescriptor(
        .unconsumedContextOut,
        help: "A role sends a context that the receiving role does not take in. Add a matching context_in to the receiver, or remove the receiver from to.",
        triggering: [
            RuleExample([
                "roles/pm.md": RuleExample.base("roles/pm.md", replacing: "    to: [eng]",
                        with: """
                            to: [eng]
                          - context: 1️⃣roadmap
                            to: [eng]
                        """),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "roles/pm.md": RuleExample.base("roles/pm.md", replacing: "    to: [eng]",
                        with: """
                            to: [eng]
                          - context: roadmap
                            to: [leadership]
                        """),
            ]),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        // (producer, context) pairs that some role consumes.
        var consumed = Set<String>()
        var everyConsumerKnown = index.handbook.unreadable[.roles]?.isEmpty ?? true
        for role in index.roles {
            for flow in role.contextIn { consumed.insert(flow.from.value + "\u{0}" + flow.context.value) }
            if !index.contextInIsKnown(role) { everyConsumerKnown = false }
        }
        var out: [Diagnostic] = []
        for producer in index.roles {
            for flow in producer.contextOut {
                let context = flow.context.value
                for target in flow.to {
                    if target.value == ContextOut.everyone {
                        if everyConsumerKnown, !consumed.contains(producer.id + "\u{0}" + context) {
                            out.append(diagnostic("'\(context)' is sent to all, but no role consumes it from '\(producer.id)'",
                                                  at: flow.context.location))
                        }
                        continue
                    }
                    guard case let .role(consumer) = index.actor(target.value), index.contextInIsKnown(consumer) else { continue }
                    let fromProducer = consumer.contextIn.filter { $0.from.value == producer.id }
                    if fromProducer.contains(where: { $0.context.value == context }) { continue }
                    // A consumed id that is a typo of this one is reported as
                    // orphaned-context-in with "did you mean": one cause, one diagnostic.
                    if fromProducer.contains(where: { flow in
                        !producer.contextOut.contains { $0.context.value == flow.context.value }
                            && OrphanedContextInRule.suggestion(for: flow.context.value, from: producer)?.value == context
                    }) { continue }
                    let notes = Suggestion.notes(for: context, among: consumer.contextIn.filter { $0.from.value == producer.id }.map(\.context))
                    out.append(diagnostic("'\(context)' is sent to '\(consumer.id)', but \(consumer.id) does not consume it from '\(producer.id)'",
                                          at: flow.context.location, notes: notes))
                }
            }
        }
        return out
    }
}
