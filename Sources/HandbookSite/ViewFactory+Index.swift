import Diagnostics
import HandbookModel
import Markup

/// The overview (flow map, heatmap, lists), and the list pages of large handbooks.
extension ViewFactory {
    func index(warnings: [Diagnostic], contentRoot: String) -> IndexView {
        let page = PageRef.index
        let settings = graph.settings
        let lifecycle = graph.stages.enumerated().map { offset, stage in
            let names = graph.roles.filter { $0.engagement[stage.id]?.level == .lead }.map(\.name)
            let leads = names.count > 6 ? names.prefix(5).joined(separator: ", ") + " and \(names.count - 5) more" : names.joined(separator: ", ")
            return LifecycleStepView(href: page.href(to: PageRef(.stages, stage.id)), number: offset + 1, name: stage.name,
                                     question: stage.question, leads: leads)
        }
        let heatmapInline = graph.roles.count <= Self.heatmapInlineLimit
        let rows = !heatmapInline ? [] : graph.stages.map { stage in
            HeatmapTableRow(stage: link(PageRef(.stages, stage.id), from: page), cells: graph.roles.map { role in
                let level = role.engagement[stage.id]?.level
                return HeatmapTableCell(label: level?.label ?? "—", levelClass: level?.rawValue ?? "none")
            } + graph.engagedExternals.map { external in
                external.engaged.contains { $0.value == stage.id }
                    ? HeatmapTableCell(label: "Engaged", levelClass: "external") : HeatmapTableCell(label: "—", levelClass: "none")
            })
        }
        var counts = [
            CountView(number: graph.roles.count, label: plural("role", graph.roles.count)),
            CountView(number: graph.stages.count, label: plural("stage", graph.stages.count)),
            CountView(number: graph.contracts.count, label: plural("contract", graph.contracts.count)),
            CountView(number: graph.contextIDs.count, label: plural("context", graph.contextIDs.count)),
        ]
        if graph.handbook.hasObjectsFolder {
            counts.append(CountView(number: graph.objects.count, label: plural("governed object", graph.objects.count)))
        }
        let prefix = contentRoot.isEmpty || contentRoot == "." ? "" : contentRoot + "/"
        let warningViews = warnings.prefix(Self.overviewLimit).map { d in
            let file = d.location.file.hasPrefix(prefix) ? String(d.location.file.dropFirst(prefix.count)) : d.location.file
            return WarningView(location: "\(file):\(d.location.line):\(d.location.column)", message: d.message, rule: d.rule.rawValue)
        }
        func summarised(_ kind: String) -> Bool { lists.contains(kind) }
        func more(_ kind: String, _ count: Int, _ noun: String) -> [MoreView] {
            summarised(kind) ? [MoreView(text: "All \(count) \(noun)", href: page.href(to: PageRef(kind: .list, id: kind)))] : []
        }
        let pages = summarised("pages") ? [] : pageSummaries(from: page)
        let timing = graph.handbook.timing
        let timingRows = timing.parts.map { part -> TimingRowView in
            let label = TimingSVG.label(part)
            switch part.kind {
            case let .stage(id):
                return TimingRowView(part: graph.title(of: PageRef(.stages, id)), href: page.href(to: PageRef(.stages, id)),
                                     duration: part.hours == nil ? label : "timebox " + label, unbounded: part.hours == nil)
            case let .boundary(from, to):
                let single = part.contracts.count == 1 ? part.contracts[0] : nil
                return TimingRowView(part: "\(graph.title(of: PageRef(.stages, from))) → \(graph.title(of: PageRef(.stages, to))) handoff",
                                     href: single.map { page.href(to: PageRef(.contracts, $0)) } ?? "",
                                     duration: part.hours == nil ? label : "budget " + label, unbounded: part.hours == nil)
            }
        }
        let agents = graph.roles.flatMap(\.agents)
        let specialists = agents.filter { $0.winterTearClass == .specialist }.count
        let scorecard: [ScoreQuestionView] = !graph.handbook.hasObjectsFolder ? [] : graph.handbook.governanceScorecard.questions.enumerated().map { offset, question in
            let evidence = question.evidence.map { item in
                EvidenceView(href: page.href(to: PageRef(item.kind, item.id)), label: item.label, detail: item.detail, meets: item.meets)
            }
            let labels: [GovernanceScorecard.Status: String] = [.pass: "Pass", .partial: "Partial", .fail: "Fail", .question: "For the team"]
            return ScoreQuestionView(number: offset + 1, text: question.text, status: question.status.rawValue,
                                     statusLabel: labels[question.status]!, summary: question.summary,
                                     evidence: evidence)
        }
        let flowMap = FlowMap(graph: graph, flows: flows, page: page)
        let risks = (settings.risks ?? []).compactMap { entry -> RiskOwnerView? in
            guard let owner = entry.owner else { return nil }
            return RiskOwnerView(risk: entry.risk.title, owner: actor(owner, from: page),
                                 note: entry.risk == .ethical ? "engaged in every stage; may delay a release" : "")
        }
        // If someone is out: each role whose absence alone breaks something.
        let alone = WhatIf.eachRoleAlone(graph.handbook)
        let singlePoints = graph.roles.compactMap { role -> SinglePointView? in
            guard let losses = alone[role.id] else { return nil }
            func names(_ kind: EntityKind, _ ids: [String]) -> String { listed(ids.map { graph.title(of: PageRef(kind, $0)) }, "and") }
            var lines: [String] = []
            if !losses.stages.isEmpty { lines.append("no lead for " + names(.stages, losses.stages)) }
            if !losses.contexts.isEmpty { lines.append("no producer of " + names(.contexts, losses.contexts)) }
            if !losses.contracts.isEmpty { lines.append("\(plural("contract", losses.contracts.count)) without a party: " + names(.contracts, losses.contracts)) }
            if !losses.objects.isEmpty { lines.append("no steward or producer for " + names(.objects, losses.objects)) }
            if !losses.risks.isEmpty {
                let risks = losses.risks.compactMap { Settings.Risk(rawValue: $0)?.title.lowercased() }
                lines.append("no owner of the " + listed(risks, "and") + (risks.count == 1 ? " risk" : " risks"))
            }
            return lines.isEmpty ? nil : SinglePointView(role: link(PageRef(.roles, role.id), from: page), losses: lines)
        }
        return IndexView(
            title: settings.title, description: settings.description ?? "",
            heatmapSVG: heatmapInline ? HeatmapSVG(graph: graph, page: page).render(standalone: false) : "",
            heatmapInline: heatmapInline,
            allRoles: more("roles", graph.roles.count, "roles"), allContracts: more("contracts", graph.contracts.count, "contracts"),
            allContexts: more("contexts", graph.contextIDs.count, "contexts"), allPages: more("pages", graph.pages.count, "pages"),
            allObjects: more("objects", graph.objects.count, "governed objects"),
            moreWarnings: warnings.count > Self.overviewLimit
                ? "and \(warnings.count - Self.overviewLimit) more: handoff check lists them all" : "",
            heatmapRoles: heatmapInline ? graph.roles.map { link(PageRef(.roles, $0.id), from: page) } : [], heatmapRows: rows,
            lifecycle: lifecycle, counts: counts,
            roles: summarised("roles") ? [] : roleSummaries(from: page),
            stages: graph.stages.map { SummaryView(href: page.href(to: PageRef(.stages, $0.id)), name: $0.name, detail: $0.question) },
            contracts: summarised("contracts") ? [] : graph.contracts.map { summary($0, from: page) },
            contexts: summarised("contexts") ? [] : contextSummaries(from: page),
            pages: pages,
            warnings: warningViews,
            timingSVG: graph.stages.isEmpty ? "" : TimingSVG(graph: graph, timing: timing, page: page).render(),
            flowMapSVG: flowMap.render(), flowRows: flowRows(flowMap), hasFlowMap: !flows.edges.isEmpty, flowMapAggregated: flowMap.aggregated,
            timingRows: timingRows, hasTiming: !graph.stages.isEmpty,
            timingTotal: timing.totalHours.map { Duration.compact(hours: $0) } ?? "unbounded",
            timingBudget: timing.budget.map { Duration.compact(hours: $0.value.hours) } ?? "",
            overBudget: timing.isOverBudget,
            hasAgents: !agents.isEmpty,
            winterTearSummary: "\(counted(specialists, "specialist")) and \(counted(agents.count - specialists, "copilot"))",
            objects: summarised("objects") ? [] : objectSummaries(from: page), scorecard: scorecard,
            risks: risks, singlePoints: Array(singlePoints.prefix(Self.overviewLimit)),
            moreSinglePoints: singlePoints.count > Self.overviewLimit
                ? "and \(singlePoints.count - Self.overviewLimit) more roles: handoff what-if --without ROLE says what each would break" : "",
            heatmapExternals: heatmapInline ? graph.engagedExternals.map { actor($0.id, from: page) } : [])
    }

    /// The flow map's data as table rows (stage to stage when the map groups roles).
    func flowRows(_ map: FlowMap) -> [FlowRowView] {
        guard !map.aggregated else { return [] }
        return flows.edges.map { edge in
            FlowRowView(producer: actor(edge.producer, from: map.page), consumer: actor(edge.consumer, from: map.page),
                        contexts: edge.flows.map { contextLink($0.context, from: map.page) }, covered: edge.covered, oneSided: edge.oneSided)
        }
    }

    func roleSummaries(from page: PageRef) -> [SummaryView] {
        graph.roles.map { SummaryView(href: page.href(to: PageRef(.roles, $0.id)), name: $0.name, detail: $0.purpose) }
    }

    func pageSummaries(from page: PageRef) -> [SummaryView] {
        graph.pages.map { SummaryView(href: page.href(to: PageRef(.pages, $0.id)), name: $0.name, detail: "") }
    }

    func objectSummaries(from page: PageRef) -> [SummaryView] {
        graph.objects.map { SummaryView(href: page.href(to: PageRef(.objects, $0.id)), name: $0.name, detail: $0.definition) }
    }

    func contextSummaries(from page: PageRef) -> [SummaryView] {
        graph.contextIDs.map { id in
            let producers = (graph.producers[id] ?? []).map(\.role.name)
            let consumers = (graph.consumers[id] ?? []).filter { !graph.isRole($0.flow.from.value) }.map { graph.actorName($0.flow.from.value) }
            let detail = graph.handbook.contexts[id]?.description
                ?? (producers.isEmpty ? nil : "From " + Self.list(producers))
                ?? (consumers.isEmpty ? "Declared by a contract only" : "From outside the team: " + Self.list(consumers))
            return SummaryView(href: page.href(to: PageRef(.contexts, id)), name: graph.contextName(id), detail: detail)
        }
    }

    /// A list page: every entity of one kind, as the overview of a small handbook lists them.
    func list(_ kind: String) -> ListView {
        let page = PageRef(kind: .list, id: kind)
        switch kind {
        case "roles":
            return ListView(title: "All roles", intro: "\(graph.roles.count) roles, in the order of the work: by the first stage each leads.",
                            items: roleSummaries(from: page), contracts: [], isContracts: false)
        case "contracts":
            return ListView(title: "All contracts", intro: "\(graph.contracts.count) handoff contracts, by id.",
                            items: [], contracts: graph.contracts.map { summary($0, from: page) }, isContracts: true)
        case "contexts":
            return ListView(title: "All contexts", intro: "\(graph.contextIDs.count) contexts, by id.",
                            items: contextSummaries(from: page), contracts: [], isContracts: false)
        case "pages":
            return ListView(title: "All pages", intro: "\(graph.pages.count) pages.", items: pageSummaries(from: page), contracts: [], isContracts: false)
        default:
            return ListView(title: "All governed objects", intro: "\(graph.objects.count) governed objects, by id.",
                            items: objectSummaries(from: page),
                            contracts: [], isContracts: false)
        }
    }
}
