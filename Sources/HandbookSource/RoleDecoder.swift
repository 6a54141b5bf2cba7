import Diagnostics
import HandbookModel

/// roles/<id>.md front matter → `Role`.
enum RoleDecoder {
    static let fields = EntityKind.roles.fields
    static let contextInFields = FieldReference.contextIn.names
    static let contextOutFields = FieldReference.contextOut.names
    static let agentFields = FieldReference.agent.names
    static let workflowFields = FieldReference.workflow.names

    static func decode(id: String, file: String, root: YAMLNode, body: Body, log: DiagnosticLog) -> Role? {
        guard let fields = Fields(root, known: Self.fields, log: log, what: "front matter") else { return nil }
        var role = Role(id: id, file: file, body: body)
        role.name = fields.text("name", required: true) ?? ""
        role.purpose = fields.text("purpose", required: true) ?? ""
        decodeEngagement(fields, into: &role)
        decodeContextIn(fields, into: &role)
        decodeContextOut(fields, into: &role)
        if let items = fields.list("agents") {
            role.agents = items.compactMap { decodeAgent($0, log: log) }
        }
        if let items = fields.list("workflows") {
            role.workflows = items.compactMap { decodeWorkflow($0, log: log) }
        }
        return role
    }

    static func decodeEngagement(_ fields: Fields, into role: inout Role) {
        guard let pairs = fields.mapping("engagement", required: true) else {
            role.engagementIsComplete = false
            return
        }
        let log = fields.log
        for pair in pairs {
            guard let stageText = pair.key.text else {
                log.add(.invalidValue, "a stage id must be text, not \(pair.key.kindName)", at: pair.key)
                role.engagementIsComplete = false
                continue
            }
            guard let stage = Fields.id(stageText, at: pair.key, log: log) else {
                role.engagementIsComplete = false
                continue
            }
            guard let levelText = pair.value.text else {
                log.add(.invalidValue, "the engagement in '\(stageText)' must be lead, support or consult, not \(pair.value.kindName)", at: pair.value.isNull ? pair.key : pair.value)
                role.engagementIsComplete = false
                continue
            }
            guard let level = Fields.choice(levelText, at: pair.value, field: "engagement level", Engagement.self, log: log) else {
                role.engagementIsComplete = false
                continue
            }
            role.engagement[stage.value] = StageEngagement(level: level.value, stageLocation: stage.location, levelLocation: level.location)
        }
    }

    static func decodeContextIn(_ fields: Fields, into role: inout Role) {
        guard let items = fields.list("context_in") else { return }
        let log = fields.log
        role.contextInKey = fields.pair("context_in").map { log.location($0.key) }
        for item in items {
            guard let entry = Fields.entry(item, known: contextInFields, log: log, what: "a context_in entry", owner: "context_in") else {
                role.contextInIsComplete = false
                continue
            }
            let context = entry.id("context", required: true)
            let from = entry.id("from", required: true)
            let cadence = entry.text("cadence")
            guard let context, let from else {
                role.contextInIsComplete = false
                continue
            }
            role.contextIn.append(ContextIn(context: context, from: from, cadence: cadence))
        }
    }

    static func decodeContextOut(_ fields: Fields, into role: inout Role) {
        guard let items = fields.list("context_out") else { return }
        let log = fields.log
        for item in items {
            guard let entry = Fields.entry(item, known: contextOutFields, log: log, what: "a context_out entry", owner: "context_out") else {
                role.contextOutIsComplete = false
                continue
            }
            let context = entry.id("context", required: true)
            let targets = entry.ids("to", required: true)
            let cadence = entry.text("cadence")
            let format = entry.text("format")
            guard let context, let targets else {
                role.contextOutIsComplete = false
                continue
            }
            role.contextOut.append(ContextOut(context: context, to: targets.ids, targetsAreComplete: targets.complete,
                                              cadence: cadence, format: format))
        }
    }

    static func decodeAgent(_ node: YAMLNode, log: DiagnosticLog) -> Agent? {
        let name = node.stringField("name")
        guard let fields = Fields.entry(node, known: agentFields, log: log, what: "an agent", owner: name.map { "agent '\($0)'" }) else {
            return nil
        }
        var agent = Agent(location: log.location(node), name: fields.text("name", required: true) ?? "")
        agent.input = fields.text("input", required: true) ?? ""
        agent.output = fields.text("output", required: true) ?? ""
        agent.oversight = guardrail(fields, "oversight")
        agent.blastRadius = guardrail(fields, "blast_radius")
        agent.confirmation = guardrail(fields, "confirmation")
        agent.staging = guardrail(fields, "staging")
        if let access = fields.choice("access", Agent.Access.self) { agent.access = access.value }
        agent.delegation = fields.choice("delegation", Agent.Delegation.self, required: true)
        agent.errorTolerance = fields.choice("error_tolerance", Agent.ErrorTolerance.self)?.value
        agent.toolSpan = fields.choice("tool_span", Agent.ToolSpan.self)?.value
        agent.independence = fields.choice("independence", Agent.Independence.self)?.value
        agent.sourceOfTruth = fields.text("source_of_truth")
        agent.serviceLevel = fields.text("service_level")
        agent.auditTrail = fields.text("audit_trail")
        agent.synthesis = fields.text("synthesis")
        if let reads = fields.ids("reads"), let node = fields.value("reads") {
            agent.reads = reads.ids
            agent.readsLocation = log.location(node)
        }
        for item in fields.list("logs") ?? [] {
            guard let text = fields.itemText(item, of: "logs"),
                  let entry = Fields.choice(text, at: item, field: "run log", Agent.RunLog.self, log: log) else {
                agent.logsReported = true
                continue
            }
            if !agent.logs.contains(entry.value) { agent.logs.append(entry.value) }
        }
        return agent
    }

    /// A guardrail field: nil when absent or empty (the agent rules report
    /// that); a value of the wrong type is reported here and counts as present.
    static func guardrail(_ fields: Fields, _ key: String) -> String? {
        guard fields.has(key) else { return nil }
        if let text = fields.text(key) { return text }
        if case .scalar = fields.value(key)?.content { return nil } // empty text
        return ""
    }

    static func decodeWorkflow(_ node: YAMLNode, log: DiagnosticLog) -> Workflow? {
        let name = node.stringField("name")
        guard let fields = Fields.entry(node, known: workflowFields, log: log, what: "a workflow", owner: name.map { "workflow '\($0)'" }) else {
            return nil
        }
        let workflowName = fields.text("name", required: true) ?? ""
        let stage = fields.id("stage", required: true)
        let trigger = fields.text("trigger", required: true) ?? ""
        let steps = fields.texts("steps", required: true)?.map(\.value) ?? []
        return Workflow(name: workflowName, stage: stage, trigger: trigger, steps: steps)
    }
}

extension YAMLNode {
    /// The text of a field of this mapping, for naming it in messages.
    func stringField(_ key: String) -> String? {
        guard case let .mapping(pairs) = content else { return nil }
        return pairs.first { $0.key.text == key }?.value.text
    }
}
