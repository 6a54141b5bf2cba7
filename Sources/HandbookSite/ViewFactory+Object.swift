import Diagnostics
import HandbookModel
import Markup

/// A governed object's page.
extension ViewFactory {
    func object(_ object: GovernedObject) -> ObjectView {
        let page = PageRef(.objects, object.id)
        let readers = graph.handbook.objectReaders.filter { pair in pair.agent.reads.contains { $0.value == object.id } }.map { pair in
            ObjectReaderView(agent: pair.agent.name, role: link(PageRef(.roles, pair.role.id), from: page),
                             logs: pair.agent.logs.isEmpty ? "nothing" : pair.agent.logs.map(\.rawValue).joined(separator: ", "),
                             instrumented: pair.agent.missingLogs.isEmpty,
                             missing: pair.agent.missingLogs.map(\.rawValue).joined(separator: ", "))
        }
        let contract = object.contract
        let consumers = object.consumers.map { actor($0.value, from: page) }
        let backlinks = backlinks(of: page)
        return ObjectView(name: object.name, definition: object.definition,
                          producer: actor(object.producer?.value ?? "", from: page), steward: actor(object.steward?.value ?? "", from: page),
                          consumers: consumers,
                          hasContract: contract != nil, isEnforced: object.isEnforced, enforcedBy: contract?.enforcedBy ?? "",
                          freshness: contract?.freshness?.words ?? "",
                          completeness: contract?.completeness ?? [],
                          cardinality: contract?.cardinality ?? "",
                          rules: contract?.rules ?? [],
                          hasWeeklyJob: object.weeklyJob != nil, weeklyWhen: object.weeklyJob?.when ?? "", weeklyTasks: object.weeklyJob?.tasks ?? [],
                          readers: readers,
                          body: body(object.body, file: object.file, of: page, kind: .objects),
                          backlinks: backlinks)
    }
}
