import Diagnostics
import HandbookModel

/// objects/<id>.md front matter → `GovernedObject`.
enum ObjectDecoder {
    static let fields = EntityKind.objects.fields
    static let contractFields = FieldReference.dataContract.names
    static let weeklyJobFields = FieldReference.weeklyJob.names

    static func decode(id: String, file: String, root: YAMLNode, body: Body, log: DiagnosticLog) -> GovernedObject? {
        guard let fields = Fields(root, known: Self.fields, log: log, what: "front matter") else { return nil }
        var object = GovernedObject(id: id, file: file, body: body)
        object.name = fields.text("name", required: true) ?? ""
        object.definition = fields.text("definition", required: true) ?? ""
        if let node = fields.value("definition") { object.definitionLocation = log.location(node) }
        object.producer = fields.id("producer", required: true)
        object.steward = fields.id("steward", required: true)
        object.consumers = fields.ids("consumers")?.ids ?? []
        if let node = fields.value("contract") {
            // enforced_by is not missing-field: unenforced-data-contract reports it.
            if let contract = Fields(node, known: contractFields, log: log, what: "'contract'", owner: "contract") {
                var data = GovernedObject.DataContract(location: log.location(node))
                data.enforcedBy = contract.text("enforced_by")
                data.enforcedByReported = data.enforcedBy == nil && contract.has("enforced_by")
                    && { if case .scalar = contract.value("enforced_by")?.content { return false } else { return true } }()
                data.freshness = contract.duration("freshness").value?.value
                data.completeness = contract.texts("completeness")?.map(\.value) ?? []
                data.cardinality = contract.text("cardinality")
                if contract.has("rules") {
                    data.rules = contract.texts("rules")?.map(\.value) ?? []
                    if case let .sequence(items)? = contract.value("rules")?.content, items.isEmpty {
                        log.add(.invalidValue, "'rules' must list at least one rule when present", at: contract.value("rules")!)
                    }
                }
                object.contract = data
            }
        } else {
            fields.missing("contract")
        }
        if let node = fields.value("weekly_job") {
            if let job = Fields(node, known: weeklyJobFields, log: log, what: "'weekly_job'", owner: "weekly_job") {
                let when = job.text("when", required: true)
                let tasks = job.texts("tasks", required: true)?.map(\.value) ?? []
                if let when, !tasks.isEmpty { object.weeklyJob = .init(when: when, tasks: tasks) }
            }
        } else {
            fields.missing("weekly_job")
        }
        return object
    }
}
