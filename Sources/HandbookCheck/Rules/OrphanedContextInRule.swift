import Diagnostics
import HandbookModel

/// orphaned-context-in: a `context_in` whose `from` does not list that
/// context in its `context_out` with this role (or `all`) in `to`. An
/// external `from` is always satisfied.
struct OrphanedContextInRule: HandbookRule {
    let id = RuleID.orphanedContextIn

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for consumer in index.roles {
            for flow in consumer.contextIn {
                guard case let .role(producer) = index.actor(flow.from.value), producer.contextOutIsComplete else { continue }
                let context = flow.context.value
                let produced = producer.contextOut.filter { $0.context.value == context }
                if produced.isEmpty {
                    var notes: [Diagnostic.Note] = []
                    let candidates = producer.contextOut.map(\.context)
                    if let close = Suggestion.closest(to: context, among: candidates.map(\.value)),
                       let declared = candidates.first(where: { $0.value == close }) {
                        notes.append(.init("did you mean '\(close)'?", at: declared.location))
                    }
                    out.append(diagnostic("'\(context)' is consumed from '\(producer.id)', but \(producer.id) produces no such context",
                                          at: flow.context.location, notes: notes))
                } else if !produced.contains(where: { $0.sends(to: consumer.id) }), produced.allSatisfy(\.targetsAreComplete) {
                    let targets = produced.flatMap(\.to).map { "'\($0.value)'" }.joined(separator: ", ")
                    out.append(diagnostic("'\(context)' is consumed from '\(producer.id)', but \(producer.id) does not send it to '\(consumer.id)'",
                                          at: flow.context.location,
                                          notes: [.init("'\(producer.id)' sends '\(context)' to \(targets)", at: produced[0].context.location)]))
                }
            }
        }
        return out
    }
}
