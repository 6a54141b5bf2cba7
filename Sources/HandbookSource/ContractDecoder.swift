import Diagnostics
import HandbookModel

/// contracts/<id>.md front matter → `Contract`.
enum ContractDecoder {
    static let fields = EntityKind.contracts.fields
    static let triggerFields = FieldReference.trigger.names

    static func decode(id: String, file: String, root: YAMLNode, body: Body, log: DiagnosticLog) -> Contract? {
        guard let fields = Fields(root, known: Self.fields, log: log, what: "front matter") else { return nil }
        let location = root.isNull ? SourceLocation.start(of: file) : log.location(root)
        var contract = Contract(id: id, file: file, location: location, body: body)
        contract.name = fields.text("name", required: true) ?? ""
        contract.from = fields.id("from", required: true)
        if case let .sequence(items)? = fields.value("to")?.content, items.count > 1 {
            // One contract, one receiver: a list is reported with the way out.
            log.add(.invalidValue, "'to' must be one role id, not a list: a contract has one receiver", at: fields.value("to")!,
                    notes: [.init("write one contract per receiver (\(items.compactMap(\.text).joined(separator: ", ")))")])
        } else {
            contract.to = fields.id("to", required: true)
        }
        if let text = fields.text("boundary", required: true), let node = fields.value("boundary") {
            contract.boundary = boundary(text, at: node, log: log)
        }
        contract.carries = fields.ids("carries", required: true)?.ids ?? []
        if let pairs = fields.mapping("required") {
            for pair in pairs {
                guard let key = pair.key.text else {
                    log.add(.invalidValue, "a required field's name must be text, not \(pair.key.kindName)", at: pair.key)
                    continue
                }
                guard case let .scalar(rule, _) = pair.value.content, !pair.value.isNull, !rule.isEmpty else {
                    log.add(.invalidValue, "what '\(key)' must hold must be text, not \(pair.value.isNull ? "empty" : pair.value.kindName)", at: pair.value.isNull ? pair.key : pair.value)
                    continue
                }
                contract.required.append((key, rule))
            }
        }
        // Absent or empty gates are contract-without-gates, reported by the checker.
        if let pair = fields.pair("gates") { contract.gatesKeyLocation = log.location(pair.key) }
        if fields.has("gates"), let items = fields.list("gates") {
            for item in items {
                if let text = fields.itemText(item, of: "gates") {
                    contract.gates.append(Located(text, at: log.location(item)))
                }
            }
            contract.gatesWereInvalid = contract.gates.isEmpty
        } else if case .mapping = fields.value("gates")?.content {
            contract.gatesWereInvalid = true // reported by list(_:) as invalid-value
        }
        if let node = fields.value("trigger") {
            if let trigger = Fields(node, known: triggerFields, log: log, what: "'trigger'", owner: "trigger") {
                let ack = trigger.duration("acknowledge_within")
                let next = trigger.duration("next_stage_within")
                contract.acknowledgeWithin = ack.value?.value
                contract.nextStageWithin = next.value?.value
                contract.acknowledgeWithinWritten = ack.isWritten
                contract.timingReported = ack.isReported || next.isReported
            } else {
                // Reported as invalid-value: its timing is unknown, not missing.
                contract.acknowledgeWithinWritten = true
                contract.timingReported = true
            }
        }
        return contract
    }

    /// `discover -> decide` (or `→`).
    static func boundary(_ text: String, at node: YAMLNode, log: DiagnosticLog) -> Contract.Boundary? {
        let parts: [Substring]
        if text.contains("->") {
            parts = text.split(separator: "->", omittingEmptySubsequences: false)
        } else {
            parts = text.split(separator: "→", omittingEmptySubsequences: false)
        }
        let sides = parts.map { $0.trimmingCharacters(in: " \t") }
        guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else {
            log.add(.invalidValue, "'\(text)' is not a valid boundary; expected two stage ids such as 'discover -> decide'", at: node)
            return nil
        }
        var valid = true
        for side in sides where !EntityID.isValid(side) {
            Fields.reportInvalidID(side, at: log.location(node), log: log)
            valid = false
        }
        guard valid else { return nil }
        return Contract.Boundary(from: sides[0], to: sides[1], location: log.location(node))
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, set.unicodeScalars.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.unicodeScalars.contains(last) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
