import Diagnostics
import HandbookModel

/// `handoff export`: the whole checked model as JSON, in a stable key order
/// (the order of the fields below; entities sorted by id, stages in
/// lifecycle order), described by `HandbookExport.schema` (JSON Schema
/// 2020-12, `handoff schema`). `handoff mcp` answers with the same shapes.
public struct HandbookExport: Encodable, Sendable {
    /// The export format's version: a new field keeps it, a changed one bumps it.
    public static let version = 1

    public struct External: Encodable, Sendable { public let id: String; public let name: String; public let engaged: [String] }
    public struct RiskOwner: Encodable, Sendable { public let risk: String; public let owners: [String] }
    public struct Stage: Encodable, Sendable {
        public let id: String, name: String, question: String, output: String
        public let timebox: String?
        public let file: String
        enum CodingKeys: String, CodingKey { case id, name, question, output, timebox, file }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(question, forKey: .question)
            try c.encode(output, forKey: .output); try c.encode(timebox, forKey: .timebox); try c.encode(file, forKey: .file)
        }
    }
    public struct Engagement: Encodable, Sendable { public let stage: String; public let level: String }
    public struct ContextIn: Encodable, Sendable {
        public let context: String, from: String
        public let cadence: String?
        enum CodingKeys: String, CodingKey { case context, from, cadence }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(context, forKey: .context); try c.encode(from, forKey: .from); try c.encode(cadence, forKey: .cadence)
        }
    }
    public struct ContextOut: Encodable, Sendable {
        public let context: String, to: [String]
        public let cadence: String?, format: String?
        enum CodingKeys: String, CodingKey { case context, to, cadence, format }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(context, forKey: .context); try c.encode(to, forKey: .to)
            try c.encode(cadence, forKey: .cadence); try c.encode(format, forKey: .format)
        }
    }
    public struct Agent: Encodable, Sendable {
        public let name: String, input: String, output: String
        public let oversight: String?, blast_radius: String?
        public let access: String
        public let delegation: String?
        public let error_tolerance: String?, tool_span: String?, independence: String?
        public let confirmation: String?, staging: String?
        public let source_of_truth: String?, service_level: String?, audit_trail: String?
        public let winter_tear: String
        public let reads: [String], logs: [String]
        public let synthesis: String?
        enum CodingKeys: String, CodingKey {
            case name, input, output, oversight, blast_radius, access, delegation, error_tolerance, tool_span, independence,
                 confirmation, staging, source_of_truth, service_level, audit_trail, winter_tear, reads, logs, synthesis
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name); try c.encode(input, forKey: .input); try c.encode(output, forKey: .output)
            try c.encode(oversight, forKey: .oversight); try c.encode(blast_radius, forKey: .blast_radius); try c.encode(access, forKey: .access)
            try c.encode(delegation, forKey: .delegation); try c.encode(error_tolerance, forKey: .error_tolerance)
            try c.encode(tool_span, forKey: .tool_span); try c.encode(independence, forKey: .independence)
            try c.encode(confirmation, forKey: .confirmation); try c.encode(staging, forKey: .staging)
            try c.encode(source_of_truth, forKey: .source_of_truth); try c.encode(service_level, forKey: .service_level)
            try c.encode(audit_trail, forKey: .audit_trail); try c.encode(winter_tear, forKey: .winter_tear)
            try c.encode(reads, forKey: .reads); try c.encode(logs, forKey: .logs); try c.encode(synthesis, forKey: .synthesis)
        }
    }
    public struct Workflow: Encodable, Sendable {
        public let name: String
        public let stage: String?
        public let trigger: String
        public let steps: [String]
        enum CodingKeys: String, CodingKey { case name, stage, trigger, steps }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name); try c.encode(stage, forKey: .stage); try c.encode(trigger, forKey: .trigger); try c.encode(steps, forKey: .steps)
        }
    }
    public struct Role: Encodable, Sendable {
        public let id: String, name: String, purpose: String, file: String, address: String
        public let engagement: [Engagement]
        public let context_in: [ContextIn], context_out: [ContextOut]
        public let agents: [Agent], workflows: [Workflow]
        public let risks: [String]
    }
    public struct Boundary: Encodable, Sendable { public let from: String; public let to: String }
    public struct Trigger: Encodable, Sendable {
        public let acknowledge_within: String?, next_stage_within: String?
        enum CodingKeys: String, CodingKey { case acknowledge_within, next_stage_within }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(acknowledge_within, forKey: .acknowledge_within); try c.encode(next_stage_within, forKey: .next_stage_within)
        }
    }
    public struct Contract: Encodable, Sendable {
        public let id: String, name: String, file: String, address: String
        public let from: String?, to: String?
        public let boundary: Boundary?
        public let carries: [String], gates: [String]
        public let trigger: Trigger
        enum CodingKeys: String, CodingKey { case id, name, file, address, from, to, boundary, carries, gates, trigger }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(file, forKey: .file); try c.encode(address, forKey: .address)
            try c.encode(from, forKey: .from); try c.encode(to, forKey: .to); try c.encode(boundary, forKey: .boundary)
            try c.encode(carries, forKey: .carries); try c.encode(gates, forKey: .gates); try c.encode(trigger, forKey: .trigger)
        }
    }
    public struct Producer: Encodable, Sendable {
        public let role: String, to: [String]
        public let cadence: String?
        enum CodingKeys: String, CodingKey { case role, to, cadence }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(role, forKey: .role); try c.encode(to, forKey: .to); try c.encode(cadence, forKey: .cadence)
        }
    }
    public struct Consumer: Encodable, Sendable {
        public let role: String, from: String
        public let cadence: String?
        enum CodingKeys: String, CodingKey { case role, from, cadence }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(role, forKey: .role); try c.encode(from, forKey: .from); try c.encode(cadence, forKey: .cadence)
        }
    }
    public struct Context: Encodable, Sendable {
        public let id: String, name: String
        public let description: String?, file: String?
        public let address: String
        public let producers: [Producer], consumers: [Consumer], contracts: [String]
        enum CodingKeys: String, CodingKey { case id, name, description, file, address, producers, consumers, contracts }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(description, forKey: .description)
            try c.encode(file, forKey: .file); try c.encode(address, forKey: .address); try c.encode(producers, forKey: .producers)
            try c.encode(consumers, forKey: .consumers); try c.encode(contracts, forKey: .contracts)
        }
    }
    public struct Object: Encodable, Sendable {
        public let id: String, name: String, definition: String, file: String, address: String
        public let producer: String?, steward: String?
        public let consumers: [String]
        public let enforced_by: String?
        enum CodingKeys: String, CodingKey { case id, name, definition, file, address, producer, steward, consumers, enforced_by }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(definition, forKey: .definition)
            try c.encode(file, forKey: .file); try c.encode(address, forKey: .address); try c.encode(producer, forKey: .producer)
            try c.encode(steward, forKey: .steward); try c.encode(consumers, forKey: .consumers); try c.encode(enforced_by, forKey: .enforced_by)
        }
    }
    public struct Page: Encodable, Sendable {
        public let id: String, name: String, file: String, address: String
        public let description: String?
        enum CodingKeys: String, CodingKey { case id, name, file, address, description }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(file, forKey: .file)
            try c.encode(address, forKey: .address); try c.encode(description, forKey: .description)
        }
    }

    public let handoff_export: Int
    public let title: String
    public let description: String?
    public let url: String?
    public let lifecycle: [String]
    public let externals: [External]
    public let risks: [RiskOwner]
    public let stages: [Stage]
    public let roles: [Role]
    public let contracts: [Contract]
    public let contexts: [Context]
    public let objects: [Object]
    public let pages: [Page]
    public let diagnostics: [DiagnosticJSON]
    public let errors: Int
    public let warnings: Int

    enum CodingKeys: String, CodingKey {
        case handoff_export, title, description, url, lifecycle, externals, risks, stages, roles, contracts, contexts, objects, pages, diagnostics, errors, warnings
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(handoff_export, forKey: .handoff_export); try c.encode(title, forKey: .title)
        try c.encode(description, forKey: .description); try c.encode(url, forKey: .url); try c.encode(lifecycle, forKey: .lifecycle)
        try c.encode(externals, forKey: .externals); try c.encode(risks, forKey: .risks); try c.encode(stages, forKey: .stages)
        try c.encode(roles, forKey: .roles); try c.encode(contracts, forKey: .contracts); try c.encode(contexts, forKey: .contexts)
        try c.encode(objects, forKey: .objects); try c.encode(pages, forKey: .pages); try c.encode(diagnostics, forKey: .diagnostics)
        try c.encode(errors, forKey: .errors); try c.encode(warnings, forKey: .warnings)
    }

    /// The text of `handoff export`.
    public func json() -> String { JSON.encode(self, expandedDepth: 2) }

    public init(_ checked: CheckedHandbook) {
        let h = checked.handbook
        let settings = h.settings
        handoff_export = Self.version
        title = settings?.title ?? ""
        description = settings?.description
        url = settings?.url
        lifecycle = settings?.lifecycle.map(\.value) ?? []
        externals = (settings?.externals.values.sorted { $0.id < $1.id } ?? []).map { External(id: $0.id, name: $0.name, engaged: $0.engaged.map(\.value)) }
        risks = (settings?.risks ?? []).map { RiskOwner(risk: $0.risk.rawValue, owners: $0.owners.map(\.value)) }
        let position = settings?.lifecyclePosition ?? [:]
        stages = h.stages.values.sorted { (position[$0.id] ?? Int.max, $0.id) < (position[$1.id] ?? Int.max, $1.id) }.map {
            Stage(id: $0.id, name: $0.name, question: $0.question, output: $0.output, timebox: $0.timebox.map { Duration.compact(hours: $0.hours) }, file: $0.file)
        }
        let owned = { (role: String) in (settings?.risks ?? []).filter { $0.owners.contains { $0.value == role } }.map(\.risk.rawValue) }
        roles = h.sortedRoles.map { role in
            Role(id: role.id, name: role.name, purpose: role.purpose, file: role.file, address: SiteLayout.page(.roles, role.id),
                 engagement: (settings?.lifecycle.map(\.value) ?? []).compactMap { stage in role.engagement[stage].map { Engagement(stage: stage, level: $0.level.rawValue) } },
                 context_in: role.contextIn.map { ContextIn(context: $0.context.value, from: $0.from.value, cadence: $0.cadence) },
                 context_out: role.contextOut.map { ContextOut(context: $0.context.value, to: $0.to.map(\.value), cadence: $0.cadence, format: $0.format) },
                 agents: role.agents.map(Self.agent),
                 workflows: role.workflows.map { Workflow(name: $0.name, stage: $0.stage?.value, trigger: $0.trigger, steps: $0.steps) },
                 risks: owned(role.id))
        }
        contracts = h.sortedContracts.map { contract in
            Contract(id: contract.id, name: contract.name, file: contract.file, address: SiteLayout.page(.contracts, contract.id),
                     from: contract.from?.value, to: contract.to?.value, boundary: contract.boundary.map { Boundary(from: $0.from, to: $0.to) },
                     carries: contract.carries.map(\.value), gates: contract.gates.map(\.value),
                     trigger: Trigger(acknowledge_within: contract.acknowledgeWithin.map { Duration.compact(hours: $0.hours) },
                                      next_stage_within: contract.nextStageWithin.map { Duration.compact(hours: $0.hours) }))
        }
        var producers: [String: [Producer]] = [:], consumers: [String: [Consumer]] = [:], carriers: [String: [String]] = [:]
        for role in h.sortedRoles {
            for flow in role.contextOut { producers[flow.context.value, default: []].append(Producer(role: role.id, to: flow.to.map(\.value), cadence: flow.cadence)) }
            for flow in role.contextIn { consumers[flow.context.value, default: []].append(Consumer(role: role.id, from: flow.from.value, cadence: flow.cadence)) }
        }
        for contract in h.sortedContracts { for context in contract.carries { carriers[context.value, default: []].append(contract.id) } }
        let ids = Set(producers.keys).union(consumers.keys).union(carriers.keys).union(h.contexts.keys)
        contexts = ids.sorted().map { id in
            let doc = h.contexts[id]
            return Context(id: id, name: ContextDoc.displayName(id, doc: doc), description: doc?.description, file: doc?.file,
                           address: SiteLayout.page(.contexts, id), producers: producers[id] ?? [], consumers: consumers[id] ?? [], contracts: carriers[id] ?? [])
        }
        objects = h.sortedObjects.map { object in
            Object(id: object.id, name: object.name, definition: object.definition, file: object.file, address: SiteLayout.page(.objects, object.id),
                   producer: object.producer?.value, steward: object.steward?.value, consumers: object.consumers.map(\.value),
                   enforced_by: object.contract?.enforcedBy)
        }
        pages = h.pages.values.filter { !$0.draft }.sorted { $0.id < $1.id }.map { page in
            Page(id: page.id, name: page.name, file: page.file, address: SiteLayout.page(.pages, page.id), description: page.description)
        }
        diagnostics = checked.report.diagnostics.map(DiagnosticJSON.init)
        errors = checked.report.errors
        warnings = checked.report.warnings
    }

    static func agent(_ agent: HandbookModel.Agent) -> Agent {
        Agent(name: agent.name, input: agent.input, output: agent.output, oversight: agent.oversight, blast_radius: agent.blastRadius,
              access: agent.access.rawValue, delegation: agent.delegation?.value.rawValue, error_tolerance: agent.errorTolerance?.rawValue,
              tool_span: agent.toolSpan?.rawValue, independence: agent.independence?.rawValue, confirmation: agent.confirmation,
              staging: agent.staging, source_of_truth: agent.sourceOfTruth, service_level: agent.serviceLevel, audit_trail: agent.auditTrail,
              winter_tear: agent.winterTearClass == .specialist ? "specialist" : "copilot", reads: agent.reads.map(\.value),
              logs: agent.logs.map(\.rawValue), synthesis: agent.synthesis)
    }
}
