import Diagnostics
import HandbookModel
import Markup

/// A context's page: who produces and consumes it, and its diagram.
extension ViewFactory {
    func context(_ id: String) -> ContextView {
        let page = PageRef(.contexts, id)
        let doc = graph.handbook.contexts[id]
        let producers = (graph.producers[id] ?? []).map { production -> ProducerView in
            let missing = notConsumed(production.flow, producer: production.role, from: page)
            return ProducerView(role: link(PageRef(.roles, production.role.id), from: page),
                                to: production.flow.to.map { actor($0.value, from: page) },
                                cadence: production.flow.cadence ?? "",
                                format: production.flow.format ?? "",
                                notConsumedBy: missing)
        }
        let consumers = (graph.consumers[id] ?? []).map { consumption in
            ConsumerView(role: link(PageRef(.roles, consumption.role.id), from: page), from: actor(consumption.flow.from.value, from: page),
                         cadence: consumption.flow.cadence ?? "",
                         unmatched: !isMatched(consumption.flow, consumer: consumption.role))
        }
        let contracts = (graph.contractsCarrying[id] ?? []).map { summary($0, from: page) }
        let backlinks = backlinks(of: page)
        let flowSVG = contextDiagram(id, from: page)
        return ContextView(name: graph.contextName(id), flowSVG: flowSVG, hasFlow: !flowSVG.isEmpty, id: id, description: doc?.description ?? "",
                           producers: producers,
                           consumers: consumers,
                           contracts: contracts,
                           body: doc.map { body($0.body, file: $0.file, of: page, kind: .contexts) } ?? BodyView(html: ""),
                           backlinks: backlinks)
    }

    /// Producers → the context (with the contracts that carry it) → consumers.
    func contextDiagram(_ id: String, from page: PageRef) -> String {
        let producers = Array(Set((graph.producers[id] ?? []).map(\.role.id) + (graph.consumers[id] ?? []).map(\.flow.from.value))).sorted()
        let consumers = Array(Set((graph.consumers[id] ?? []).map(\.role.id) + (graph.producers[id] ?? []).flatMap { $0.flow.to.map(\.value) })).sorted()
        let contracts = graph.contractsCarrying[id] ?? []
        guard !producers.isEmpty || !consumers.isEmpty else { return "" }
        func box(_ actor: String) -> ColumnDiagram.Box {
            if actor == ContextOut.everyone { return ColumnDiagram.Box(title: .init(text: "All roles")) }
            return ColumnDiagram.Box(title: actorLine(actor, from: page), dashed: !graph.isRole(actor))
        }
        let center = ColumnDiagram.Box(title: .init(text: graph.contextName(id)),
                                       lines: contracts.map { .init(text: "via " + $0.name, href: page.href(to: PageRef(.contracts, $0.id))) })
        return ColumnDiagram(id: "d.context", title: "\(graph.contextName(id)): who produces and consumes it",
                             desc: "Left, the roles that produce it; right, those that consume it; in the middle, the contracts that carry it. The lists below say the same.",
                             left: producers.map(box), center: center, right: consumers.map(box),
                             leftCaption: "Produced by", rightCaption: "Consumed by").render()
    }

    func contextLine(_ flow: Flows.Flow, from page: PageRef) -> ColumnDiagram.Line {
        ColumnDiagram.Line(text: graph.contextName(flow.context), href: page.href(to: PageRef(.contexts, flow.context)), warn: flow.isOneSided)
    }
}
