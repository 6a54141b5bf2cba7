import Diagnostics
import HandbookModel

extension HandbookDiff {
    /// The same content as `markdown()`, as data.
    public func json() -> String {
        let q = JSONString.quote
        func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        func entity(_ e: Entity) -> String { "{\"id\": \(q(e.id)), \"name\": \(q(e.name))}" }
        func flow(_ f: Flow) -> String { "{\"producer\": \(q(f.producer)), \"context\": \(q(f.context)), \"consumer\": \(q(f.consumer))}" }
        func value(_ v: ValueChange) -> String { "{\"field\": \(q(v.field)), \"from\": \(q(v.from)), \"to\": \(q(v.to))}" }

        var out = "{\"changed\": \(!isEmpty),\n"
        out += " \"entities\": {"
        out += entities.map { c in
            "\(q(c.kind.rawValue)): {\"added\": \(list(c.added.map(entity))), \"removed\": \(list(c.removed.map(entity))), "
                + "\"renamed\": \(list(c.renamed.map { "{\"from\": \(q($0.from)), \"to\": \(q($0.to)), \"name\": \(q($0.name)), \"fields\": \(list($0.fields.map(q)))}" })), "
                + "\"changed\": \(list(c.changed.map { "{\"id\": \(q($0.id)), \"name\": \(q($0.name)), \"fields\": \(list($0.fields.map(q)))}" }))}"
        }.joined(separator: ",\n  ")
        out += "},\n"
        out += " \"engagement\": " + list(engagement.map {
            "{\"role\": \(q($0.role)), \"stage\": \(q($0.stage)), \"from\": \($0.from.map { q($0.rawValue) } ?? "null"), \"to\": \($0.to.map { q($0.rawValue) } ?? "null")}"
        }) + ",\n"
        out += " \"flows\": {\"added\": \(list(flowsAdded.map(flow))), \"removed\": \(list(flowsRemoved.map(flow))), "
        out += "\"unpartnered\": \(list(unpartnered.map { "{\"flow\": \(flow($0.flow)), \"problem\": \(q($0.problem.rawValue))}" }))},\n"
        out += " \"contracts\": " + list(contracts.map { c in
            "{\"id\": \(q(c.id)), \"name\": \(q(c.name)), \"gates\": {\"added\": \(list(c.gatesAdded.map(q))), \"removed\": \(list(c.gatesRemoved.map(q))), "
                + "\"reworded\": \(list(c.gatesReworded.map { "{\"from\": \(q($0.from)), \"to\": \(q($0.to))}" }))}, "
                + "\"carries\": {\"added\": \(list(c.carriesAdded.map(q))), \"removed\": \(list(c.carriesRemoved.map(q)))}, "
                + "\"values\": \(list(c.values.map(value)))}"
        }) + ",\n"
        out += " \"agents\": " + list(agents.map { a in
            "{\"role\": \(q(a.role)), \"name\": \(q(a.name)), \"change\": \(q(a.kind.rawValue)), \"access\": \(q(a.access)), "
                + "\"becomes_write\": \(a.becomesWrite), \"values\": \(list(a.values.map(value)))}"
        }) + ",\n"
        out += " \"diagnostics\": {\"introduced\": \(list(introduced.map(DiagnosticReport.jsonObject))), "
        out += "\"resolved\": \(list(resolved.map(DiagnosticReport.jsonObject)))},\n"
        out += " \"new_errors\": \(introducedErrors), \"new_warnings\": \(introducedWarnings)}\n"
        return out
    }
}
