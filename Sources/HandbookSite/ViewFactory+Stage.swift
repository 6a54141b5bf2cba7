import Diagnostics
import HandbookModel
import Markup

/// A stage's page, with the diagram of the boundary to the next stage.
extension ViewFactory {
    func stage(_ stage: Stage) -> StageView {
        let page = PageRef(.stages, stage.id)
        func roles(_ level: Engagement) -> [LinkView] {
            graph.roles.filter { $0.engagement[stage.id]?.level == level }.map { link(PageRef(.roles, $0.id), from: page) }
        }
        let index = graph.stages.firstIndex { $0.id == stage.id } ?? 0
        let previous = index > 0 ? graph.stages[index - 1] : nil
        let next = index + 1 < graph.stages.count ? graph.stages[index + 1] : nil
        let empty = LinkView(href: "", text: "")
        let leaving = (graph.contractsLeaving[stage.id] ?? []).map { summary($0, from: page) }
        let entering = (graph.contractsEntering[stage.id] ?? []).map { summary($0, from: page) }
        let workflows = (graph.workflowsIn[stage.id] ?? []).map { workflow($0.workflow, of: $0.role, from: page) }
        let leads = roles(.lead), supports = roles(.support), consults = roles(.consult)
        let backlinks = backlinks(of: page)
        let boundarySVG = next.map { boundaryDiagram(from: stage, to: $0, contracts: graph.contractsLeaving[stage.id] ?? [], page: page) } ?? ""
        return StageView(name: stage.name, boundarySVG: boundarySVG, hasBoundary: !boundarySVG.isEmpty,
                         position: "Stage \(index + 1) of \(graph.stages.count)",
                         question: stage.question, output: stage.output,
                         timebox: stage.timebox?.words ?? "",
                         leads: leads, supports: supports, consults: consults,
                         contractsLeaving: leaving, contractsEntering: entering,
                         workflows: workflows,
                         previous: previous.map { link(PageRef(.stages, $0.id), from: page) } ?? empty, hasPrevious: previous != nil,
                         next: next.map { link(PageRef(.stages, $0.id), from: page) } ?? empty, hasNext: next != nil,
                         body: body(stage.body, file: stage.file, of: page, kind: .stages),
                         backlinks: backlinks)
    }

    /// The contracts crossing from one stage to the next, with their gates and timings.
    func boundaryDiagram(from stage: Stage, to next: Stage, contracts: [Contract], page: PageRef) -> String {
        let crossing = contracts.filter { $0.boundary?.to == next.id }
        let lines = crossing.flatMap { contract -> [ColumnDiagram.Line] in
            var parts = ["\(contract.gates.count) gate\(contract.gates.count == 1 ? "" : "s")"]
            if let ack = contract.acknowledgeWithin { parts.append("ack \(Duration.compact(hours: ack.hours))") }
            if let next = contract.nextStageWithin { parts.append("next \(Duration.compact(hours: next.hours))") }
            return [.init(text: contract.name, href: page.href(to: PageRef(.contracts, contract.id))), .init(text: "  " + parts.joined(separator: " · "))]
        }
        let center = ColumnDiagram.Box(title: .init(text: crossing.isEmpty ? "No contract" : "\(crossing.count) contract\(crossing.count == 1 ? "" : "s")"),
                                       lines: lines.isEmpty ? [.init(text: "nothing crosses here", warn: true)] : lines, dashed: lines.isEmpty)
        return ColumnDiagram(id: "d.boundary", title: "The \(stage.name) → \(next.name) boundary",
                             desc: "The contracts that carry work from \(stage.name) to \(next.name), each with its number of gates and its timings. The list below names the same contracts; each contract's page has its gates and timings.",
                             left: [.init(title: .init(text: stage.name, href: page.href(to: PageRef(.stages, stage.id))))], center: center,
                             right: [.init(title: .init(text: next.name, href: page.href(to: PageRef(.stages, next.id))))],
                             leftCaption: "From", rightCaption: "To").render()
    }
}
