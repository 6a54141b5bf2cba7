import Diagnostics
import HandbookModel
import Markup

/// A contract's page.
extension ViewFactory {
    func contract(_ contract: Contract) -> ContractView {
        let page = PageRef(.contracts, contract.id)
        var triggers: [String] = []
        if let duration = contract.acknowledgeWithin { triggers.append("Acknowledged within \(duration.words)") }
        if let duration = contract.nextStageWithin { triggers.append("Next stage starts within \(duration.words)") }
        let boundary = contract.boundary
        let backlinks = backlinks(of: page)
        return ContractView(name: contract.name,
                            from: actor(contract.from?.value ?? "", from: page), to: actor(contract.to?.value ?? "", from: page),
                            boundaryFrom: link(PageRef(.stages, boundary?.from ?? ""), from: page),
                            boundaryTo: link(PageRef(.stages, boundary?.to ?? ""), from: page),
                            carries: contract.carries.map { contextLink($0.value, from: page) },
                            required: contract.required.map { RequiredFieldView(field: $0.field, rule: $0.rule) },
                            gates: contract.gates.map(\.value), triggers: triggers,
                            body: body(contract.body, file: contract.file, of: page, kind: .contracts),
                            backlinks: backlinks)
    }
}
