import HandbookModel

/// Who feeds whom: every producer → consumer pair with the contexts it
/// carries, as the two ends declare them and as contracts cover them. The
/// flow map, the role and context diagrams and their tables read this.
struct Flows: Sendable {
    /// One context going from one actor (role or external) to another.
    struct Flow: Sendable, Hashable {
        var producer: String
        var consumer: String
        var context: String
        /// The producer lists it in `context_out` to the consumer (or `all`);
        /// always true for an external producer, which declares nothing.
        var sent: Bool
        /// The consumer lists it in `context_in` from the producer; always
        /// true for an external consumer.
        var received: Bool
        /// A contract from the producer to the consumer carries it.
        var covered: Bool

        /// Declared by one end only: `orphaned-context-in` or `unconsumed-context-out`.
        var isOneSided: Bool { !(sent && received) }
    }

    /// A producer → consumer pair and its flows, sorted by context.
    struct Edge: Sendable {
        var producer: String
        var consumer: String
        var flows: [Flow]
        var covered: Bool { flows.allSatisfy(\.covered) }
        var oneSided: Bool { flows.contains(where: \.isOneSided) }
    }

    let edges: [Edge]
    /// Edge indexes by producer and by consumer.
    let sending: [String: [Int]]
    let receiving: [String: [Int]]

    init(_ graph: SiteGraph) {
        let handbook = graph.handbook
        var flows: [String: Flow] = [:]
        func key(_ p: String, _ c: String, _ x: String) -> String { p + "\u{0}" + c + "\u{0}" + x }
        func sendsAll(_ producer: String, _ context: String) -> Bool {
            handbook.roles[producer]?.contextOut.contains { $0.context.value == context && $0.to.contains { $0.value == ContextOut.everyone } } ?? false
        }
        for role in graph.roles {
            for flow in role.contextIn {
                let producer = flow.from.value
                let external = handbook.roles[producer] == nil
                flows[key(producer, role.id, flow.context.value), default: Flow(producer: producer, consumer: role.id, context: flow.context.value,
                                                                                 sent: external || sendsAll(producer, flow.context.value),
                                                                                 received: false, covered: false)].received = true
            }
            for flow in role.contextOut {
                for target in flow.to where target.value != ContextOut.everyone {
                    let external = handbook.roles[target.value] == nil
                    flows[key(role.id, target.value, flow.context.value), default: Flow(producer: role.id, consumer: target.value, context: flow.context.value,
                                                                                       sent: false, received: external, covered: false)].sent = true
                }
            }
        }
        for contract in graph.contracts {
            guard let from = contract.from?.value, let to = contract.to?.value else { continue }
            for carried in contract.carries { flows[key(from, to, carried.value)]?.covered = true }
        }
        var byPair: [String: [Flow]] = [:]
        for flow in flows.values { byPair[flow.producer + "\u{0}" + flow.consumer, default: []].append(flow) }
        edges = byPair.values.map { flows in
            let sorted = flows.sorted { $0.context < $1.context }
            return Edge(producer: sorted[0].producer, consumer: sorted[0].consumer, flows: sorted)
        }.sorted { ($0.producer, $0.consumer) < ($1.producer, $1.consumer) }
        var sending: [String: [Int]] = [:], receiving: [String: [Int]] = [:]
        for (index, edge) in edges.enumerated() {
            sending[edge.producer, default: []].append(index)
            receiving[edge.consumer, default: []].append(index)
        }
        self.sending = sending
        self.receiving = receiving
    }
}
