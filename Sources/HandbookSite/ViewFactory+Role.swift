import Diagnostics
import HandbookModel
import Markup

/// A role's page: its engagement, flows, agents and workflows, and the diagram of what it sends and receives.
extension ViewFactory {
    func role(_ role: Role) -> RoleView {
        let page = PageRef(.roles, role.id)
        let engagement = graph.stages.map { stage -> EngagementCell in
            let level = role.engagement[stage.id]?.level
            return EngagementCell(stage: link(PageRef(.stages, stage.id), from: page), level: level?.label ?? "Not engaged",
                                  levelClass: level?.rawValue ?? "none")
        }
        let contextIn = role.contextIn.map { flow in
            FlowInView(context: contextLink(flow.context.value, from: page), from: actor(flow.from.value, from: page),
                       cadence: flow.cadence ?? "", unmatched: !isMatched(flow, consumer: role))
        }
        let contextOut = role.contextOut.map { flow in
            let missing = notConsumed(flow, producer: role, from: page)
            return FlowOutView(context: contextLink(flow.context.value, from: page), to: flow.to.map { actor($0.value, from: page) },
                               cadence: flow.cadence ?? "",
                               format: flow.format ?? "",
                               notConsumedBy: missing)
        }
        let sent = (graph.contractsFrom[role.id] ?? []).map { summary($0, from: page) }
        let received = (graph.contractsTo[role.id] ?? []).map { summary($0, from: page) }
        let agents = role.agents.map { agent -> AgentView in
            var traits: [String] = []
            if let tolerance = agent.errorTolerance { traits.append("\(tolerance.rawValue) error tolerance") }
            if let span = agent.toolSpan { traits.append(span == .single ? "single tool" : "multiple tools") }
            if let independence = agent.independence { traits.append(independence.rawValue) }
            return AgentView(name: agent.name, input: agent.input, output: agent.output,
                             oversight: agent.oversight ?? "", blastRadius: agent.blastRadius ?? "",
                             access: agent.access.rawValue, isWrite: agent.access == .write,
                             delegation: agent.delegation?.value == .delegate ? "Delegated" : "Coordinated", traits: traits,
                             confirmation: agent.confirmation ?? "",
                             staging: agent.staging ?? "",
                             winterTear: agent.winterTearClass == .specialist ? "Specialist" : "Copilot",
                             isSpecialist: agent.winterTearClass == .specialist,
                             winterTearMissing: agent.winterTearMissing.isEmpty ? "" : "names no " + listed(agent.winterTearMissing.map { $0.split(separator: "_").joined(separator: " ") }, "or"),
                             sourceOfTruth: agent.sourceOfTruth ?? "",
                             serviceLevel: agent.serviceLevel ?? "",
                             auditTrail: agent.auditTrail ?? "",
                             reads: agent.reads.map { objectLink($0.value, from: page) },
                             logs: agent.logs.map(\.rawValue).joined(separator: ", "))
        }
        let stewards = graph.objects.filter { $0.steward?.value == role.id }.map { link(PageRef(.objects, $0.id), from: page) }
        let produces = graph.objects.filter { $0.producer?.value == role.id }.map { link(PageRef(.objects, $0.id), from: page) }
        let workflows = role.workflows.map { workflow($0, of: role, from: page) }
        let backlinks = backlinks(of: page)
        let flowSVG = roleDiagram(role, from: page)
        let owned = graph.settings.risks(ownedBy: role.id)
        let risksOwned = owned.isEmpty ? "" : "Owns " + Settings.Risk.phrase(owned) + "."
        let delayNote = owned.contains(.ethical) ? "As the owner of ethical data risk, \(role.name) is engaged from the first stage to the release and may delay a release." : ""
        return RoleView(name: role.name, purpose: role.purpose, flowSVG: flowSVG, hasFlow: !flowSVG.isEmpty, engagement: engagement,
                        contextIn: contextIn,
                        contextOut: contextOut,
                        contractsSent: sent, contractsReceived: received, hasContracts: !sent.isEmpty || !received.isEmpty,
                        agents: agents, workflows: workflows,
                        stewards: stewards, produces: produces,
                        hasObjects: !stewards.isEmpty || !produces.isEmpty,
                        risksOwned: risksOwned, delayNote: delayNote,
                        body: body(role.body, file: role.file, of: page, kind: .roles),
                        backlinks: backlinks)
    }

    /// What the role consumes (by producer) → the role → what it produces (by consumer).
    func roleDiagram(_ role: Role, from page: PageRef) -> String {
        let incoming = (flows.receiving[role.id] ?? []).map { flows.edges[$0] }
        let outgoing = (flows.sending[role.id] ?? []).map { flows.edges[$0] }
        var right = outgoing.map { edge in
            ColumnDiagram.Box(title: actorLine(edge.consumer, from: page), lines: edge.flows.map { contextLine($0, from: page) },
                              dashed: !graph.isRole(edge.consumer))
        }
        let broadcast = role.contextOut.filter { $0.to.contains { $0.value == ContextOut.everyone } }
        if !broadcast.isEmpty {
            right.append(ColumnDiagram.Box(title: .init(text: "All roles"),
                                           lines: broadcast.map { .init(text: graph.contextName($0.context.value), href: page.href(to: PageRef(.contexts, $0.context.value))) }))
        }
        guard !incoming.isEmpty || !right.isEmpty else { return "" }
        let left = incoming.map { edge in
            ColumnDiagram.Box(title: actorLine(edge.producer, from: page), lines: edge.flows.map { contextLine($0, from: page) },
                              dashed: !graph.isRole(edge.producer))
        }
        return ColumnDiagram(id: "d.role", title: "\(role.name): context in and out",
                             desc: "Left, what \(role.name) consumes, grouped by producer; right, what it produces, grouped by consumer. ⚠ marks a context only one end declares. The tables below list the same flows.",
                             left: left, center: .init(title: .init(text: role.name)), right: right,
                             leftCaption: incoming.isEmpty ? "Consumes nothing declared" : "Consumes, from", rightCaption: right.isEmpty ? "Produces nothing declared" : "Produces, for").render()
    }

    /// Roles that a flow names in `to` but that do not consume it from the producer.
    func notConsumed(_ flow: ContextOut, producer: Role, from page: PageRef) -> [ActorView] {
        flow.to.compactMap { target in
            guard let consumer = graph.handbook.roles[target.value] else { return nil }
            let consumes = consumer.contextIn.contains { $0.from.value == producer.id && $0.context.value == flow.context.value }
            return consumes ? nil : actor(target.value, from: page)
        }
    }

    func isMatched(_ flow: ContextIn, consumer: Role) -> Bool {
        guard let producer = graph.handbook.roles[flow.from.value] else { return true } // external
        return producer.contextOut.contains { $0.context.value == flow.context.value && $0.sends(to: consumer.id) }
    }

    func workflow(_ workflow: Workflow, of role: Role, from page: PageRef) -> WorkflowView {
        let stage = workflow.stage?.value ?? ""
        return WorkflowView(name: workflow.name, stage: link(PageRef(.stages, stage), from: page),
                            role: link(PageRef(.roles, role.id), from: page), trigger: workflow.trigger, steps: workflow.steps)
    }
}
