import Diagnostics
import HandbookModel
import Markup

/// Builds the view model of each page from the site graph. Links are
/// relative to the page being built (`from`).
struct ViewFactory: Sendable {
    let graph: SiteGraph
    let navSkeleton: NavSkeleton
    let flows: Flows
    /// The kinds too many for the overview to list in full (`roles`,
    /// `contracts`...): each gets a list page (`roles.html`).
    let lists: [String]

    /// Past this many of a kind the overview gives a count and the list page.
    static let overviewLimit = 100
    /// Past this many roles the overview links the heatmap (`heatmap.svg`)
    /// instead of drawing it (and its table), which would outweigh the rest.
    static let heatmapInlineLimit = 150

    init(graph: SiteGraph) {
        self.graph = graph
        let counts: [(String, Int)] = [("roles", graph.roles.count), ("contracts", graph.contracts.count), ("contexts", graph.contextIDs.count),
                                       ("pages", graph.pages.count), ("objects", graph.objects.count)]
        lists = counts.filter { $0.1 > Self.overviewLimit }.map(\.0)
        navSkeleton = Self.navSkeleton(graph)
        flows = Flows(graph)
    }

    // MARK: Shared pieces

    func link(_ target: PageRef, from page: PageRef, text: String? = nil, fragment: String? = nil) -> LinkView {
        LinkView(href: page.href(to: target, fragment: fragment), text: text ?? graph.title(of: target))
    }

    func actor(_ id: String, from page: PageRef) -> ActorView {
        if graph.isRole(id) {
            return ActorView(text: graph.actorName(id), href: page.href(to: PageRef(.roles, id)), hasPage: true, isExternal: false)
        }
        return ActorView(text: graph.actorName(id), href: "", hasPage: false, isExternal: id != ContextOut.everyone)
    }

    /// A governed object's page; an id with no object links nowhere.
    func objectLink(_ id: String, from page: PageRef) -> ActorView {
        guard graph.handbook.objects[id] != nil else { return ActorView(text: id, href: "", hasPage: false, isExternal: false) }
        let target = PageRef(.objects, id)
        return ActorView(text: graph.title(of: target), href: page.href(to: target), hasPage: true, isExternal: false)
    }

    func contextLink(_ id: String, from page: PageRef) -> LinkView {
        link(PageRef(.contexts, id), from: page, text: graph.contextName(id))
    }

    func summary(_ contract: Contract, from page: PageRef) -> ContractSummary {
        let boundary = contract.boundary.map { "\(graph.title(of: PageRef(.stages, $0.from))) → \(graph.title(of: PageRef(.stages, $0.to)))" } ?? ""
        return ContractSummary(href: page.href(to: PageRef(.contracts, contract.id)), name: contract.name,
                               from: actor(contract.from?.value ?? "", from: page), to: actor(contract.to?.value ?? "", from: page),
                               boundary: boundary)
    }

    func backlinks(of page: PageRef) -> [LinkView] {
        (graph.backlinks[page] ?? []).sorted().map { link($0, from: page) }
    }

    /// The body's HTML, through the same pass the checker used (so anchors
    /// agree); the page's own ids are never repeated by the body. A body
    /// whose links name an anchor in another letter case (`#Requirements`)
    /// is rendered again with the anchor's exact spelling.
    func body(_ body: Body, file: String, of page: PageRef, kind: EntityKind) -> BodyView {
        let fixes = graph.fragmentFixes[file] ?? [:]
        let html: String
        if let rendered = body.html, fixes.isEmpty {
            html = rendered
        } else {
            let policy: RawHTMLPolicy = graph.settings.rawHTML == .drop ? .drop : .sanitize
            let files = graph.handbook.files
            html = MarkdownHTML.render(body.markdown, reserved: kind.reservedIDs, rawHTML: policy) { destination in
                files.href(for: destination, from: file, fragment: fixes[destination])
            }
        }
        return BodyView(html: html, hasHTML: !html.isEmpty)
    }

    /// A destination as a body at `file` shows it (see `ContentFiles.href`).
    static func rewrite(_ destination: String, file: String = "pages/x.md", files: ContentFiles = ContentFiles()) -> String {
        files.href(for: destination, from: file)
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

    /// "A", "A and B", "A, B and C" (duplicates removed, order kept).
    static func list(_ items: [String]) -> String {
        var seen = Set<String>()
        return listed(items.filter { seen.insert($0).inserted })
    }

    // MARK: Pages

    func role(_ role: Role) -> RoleView {
        let page = PageRef(.roles, role.id)
        let engagement = graph.stages.map { stage -> EngagementCell in
            let level = role.engagement[stage.id]?.level
            return EngagementCell(stage: link(PageRef(.stages, stage.id), from: page), level: level?.label ?? "Not engaged",
                                  levelClass: level?.rawValue ?? "none")
        }
        let contextIn = role.contextIn.map { flow in
            FlowInView(context: contextLink(flow.context.value, from: page), from: actor(flow.from.value, from: page),
                       cadence: flow.cadence ?? "", hasCadence: flow.cadence != nil, unmatched: !isMatched(flow, consumer: role))
        }
        let contextOut = role.contextOut.map { flow in
            let missing = notConsumed(flow, producer: role, from: page)
            return FlowOutView(context: contextLink(flow.context.value, from: page), to: flow.to.map { actor($0.value, from: page) },
                               cadence: flow.cadence ?? "", hasCadence: flow.cadence != nil,
                               format: flow.format ?? "", hasFormat: flow.format != nil,
                               notConsumedBy: missing, hasNotConsumedBy: !missing.isEmpty)
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
                             delegation: agent.delegation?.value == .delegate ? "Delegated" : "Coordinated", traits: traits, hasTraits: !traits.isEmpty,
                             confirmation: agent.confirmation ?? "", hasConfirmation: agent.confirmation != nil,
                             staging: agent.staging ?? "", hasStaging: agent.staging != nil,
                             winterTear: agent.winterTearClass == .specialist ? "Specialist" : "Copilot",
                             isSpecialist: agent.winterTearClass == .specialist,
                             winterTearMissing: agent.winterTearMissing.isEmpty ? "" : "names no " + listed(agent.winterTearMissing, "or"),
                             sourceOfTruth: agent.sourceOfTruth ?? "", hasSourceOfTruth: agent.sourceOfTruth != nil,
                             serviceLevel: agent.serviceLevel ?? "", hasServiceLevel: agent.serviceLevel != nil,
                             auditTrail: agent.auditTrail ?? "", hasAuditTrail: agent.auditTrail != nil,
                             reads: agent.reads.map { objectLink($0.value, from: page) }, hasReads: !agent.reads.isEmpty,
                             logs: agent.logs.map(\.rawValue).joined(separator: ", "), hasLogs: !agent.logs.isEmpty)
        }
        let stewards = graph.objects.filter { $0.steward?.value == role.id }.map { link(PageRef(.objects, $0.id), from: page) }
        let produces = graph.objects.filter { $0.producer?.value == role.id }.map { link(PageRef(.objects, $0.id), from: page) }
        let workflows = role.workflows.map { workflow($0, of: role, from: page) }
        let backlinks = backlinks(of: page)
        let flowSVG = roleDiagram(role, from: page)
        return RoleView(name: role.name, purpose: role.purpose, flowSVG: flowSVG, hasFlow: !flowSVG.isEmpty, engagement: engagement,
                        contextIn: contextIn, hasContextIn: !contextIn.isEmpty,
                        contextOut: contextOut, hasContextOut: !contextOut.isEmpty,
                        contractsSent: sent, contractsReceived: received, hasContracts: !sent.isEmpty || !received.isEmpty,
                        hasContractsSent: !sent.isEmpty, hasContractsReceived: !received.isEmpty,
                        agents: agents, hasAgents: !agents.isEmpty, workflows: workflows, hasWorkflows: !workflows.isEmpty,
                        stewards: stewards, hasStewards: !stewards.isEmpty, produces: produces, hasProduces: !produces.isEmpty,
                        hasObjects: !stewards.isEmpty || !produces.isEmpty,
                        body: body(role.body, file: role.file, of: page, kind: .roles),
                        backlinks: backlinks, hasBacklinks: !backlinks.isEmpty)
    }

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
                         timebox: stage.timebox?.words ?? "", hasTimebox: stage.timebox != nil,
                         leads: leads, supports: supports, consults: consults,
                         hasLeads: !leads.isEmpty, hasSupports: !supports.isEmpty, hasConsults: !consults.isEmpty,
                         contractsLeaving: leaving, contractsEntering: entering,
                         hasContractsLeaving: !leaving.isEmpty, hasContractsEntering: !entering.isEmpty,
                         workflows: workflows, hasWorkflows: !workflows.isEmpty,
                         previous: previous.map { link(PageRef(.stages, $0.id), from: page) } ?? empty, hasPrevious: previous != nil,
                         next: next.map { link(PageRef(.stages, $0.id), from: page) } ?? empty, hasNext: next != nil,
                         body: body(stage.body, file: stage.file, of: page, kind: .stages),
                         backlinks: backlinks, hasBacklinks: !backlinks.isEmpty)
    }

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
                            hasRequired: !contract.required.isEmpty,
                            gates: contract.gates.map(\.value), triggers: triggers, hasTriggers: !triggers.isEmpty,
                            body: body(contract.body, file: contract.file, of: page, kind: .contracts),
                            backlinks: backlinks, hasBacklinks: !backlinks.isEmpty)
    }

    func context(_ id: String) -> ContextView {
        let page = PageRef(.contexts, id)
        let doc = graph.handbook.contexts[id]
        let producers = (graph.producers[id] ?? []).map { production -> ProducerView in
            let missing = notConsumed(production.flow, producer: production.role, from: page)
            return ProducerView(role: link(PageRef(.roles, production.role.id), from: page),
                                to: production.flow.to.map { actor($0.value, from: page) },
                                cadence: production.flow.cadence ?? "", hasCadence: production.flow.cadence != nil,
                                format: production.flow.format ?? "", hasFormat: production.flow.format != nil,
                                notConsumedBy: missing, hasNotConsumedBy: !missing.isEmpty)
        }
        let consumers = (graph.consumers[id] ?? []).map { consumption in
            ConsumerView(role: link(PageRef(.roles, consumption.role.id), from: page), from: actor(consumption.flow.from.value, from: page),
                         cadence: consumption.flow.cadence ?? "", hasCadence: consumption.flow.cadence != nil,
                         unmatched: !isMatched(consumption.flow, consumer: consumption.role))
        }
        let contracts = (graph.contractsCarrying[id] ?? []).map { summary($0, from: page) }
        let backlinks = backlinks(of: page)
        let flowSVG = contextDiagram(id, from: page)
        return ContextView(name: graph.contextName(id), flowSVG: flowSVG, hasFlow: !flowSVG.isEmpty, id: id, description: doc?.description ?? "", hasDescription: doc?.description != nil,
                           producers: producers, hasProducers: !producers.isEmpty,
                           consumers: consumers, hasConsumers: !consumers.isEmpty,
                           contracts: contracts, hasContracts: !contracts.isEmpty,
                           body: doc.map { body($0.body, file: $0.file, of: page, kind: .contexts) } ?? BodyView(html: "", hasHTML: false),
                           backlinks: backlinks, hasBacklinks: !backlinks.isEmpty)
    }

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
                          consumers: consumers, hasConsumers: !consumers.isEmpty,
                          hasContract: contract != nil, isEnforced: object.isEnforced, enforcedBy: contract?.enforcedBy ?? "",
                          freshness: contract?.freshness?.words ?? "", hasFreshness: contract?.freshness != nil,
                          completeness: contract?.completeness ?? [], hasCompleteness: !(contract?.completeness.isEmpty ?? true),
                          cardinality: contract?.cardinality ?? "", hasCardinality: contract?.cardinality != nil,
                          rules: contract?.rules ?? [], hasRules: !(contract?.rules.isEmpty ?? true),
                          hasWeeklyJob: object.weeklyJob != nil, weeklyWhen: object.weeklyJob?.when ?? "", weeklyTasks: object.weeklyJob?.tasks ?? [],
                          readers: readers, hasReaders: !readers.isEmpty,
                          body: body(object.body, file: object.file, of: page, kind: .objects),
                          backlinks: backlinks, hasBacklinks: !backlinks.isEmpty)
    }

    func page(_ entity: Page) -> PageView {
        let page = PageRef(.pages, entity.id)
        let backlinks = backlinks(of: page)
        // A page shows its title once: not when its body opens with its own
        // level-1 heading, or its title is that heading.
        let titled = entity.body.opensWithTitle || entity.titleFromBody
        return PageView(name: entity.name, showsTitle: !titled, body: body(entity.body, file: entity.file, of: page, kind: .pages),
                        backlinks: backlinks, hasBacklinks: !backlinks.isEmpty)
    }

    /// A folder of pages without a file of its own: what it holds, in order.
    func folder(_ path: String) -> ListView {
        let page = PageRef(kind: .folder, id: path)
        let entries = graph.pageTree.folders[path]?.entries ?? []
        let items = entries.map { entry -> SummaryView in
            let isFolder = graph.pageTree.folderPath(of: entry) != nil
            let detail = entry.kind == .entity(.pages) ? graph.handbook.pages[entry.id]?.description ?? "" : ""
            return SummaryView(href: page.href(to: entry), name: graph.title(of: entry) + (isFolder ? "/" : ""), detail: detail, hasDetail: !detail.isEmpty)
        }
        let folders = entries.filter { graph.pageTree.folderPath(of: $0) != nil }.count
        var parts: [String] = []
        if entries.count > folders { parts.append(counted(entries.count - folders, "page")) }
        if folders > 0 { parts.append(counted(folders, "folder")) }
        return ListView(kind: "Folder", title: graph.title(of: page), intro: parts.isEmpty ? "Nothing here yet." : "This folder holds " + listed(parts) + ".",
                        items: items, contracts: [], isContracts: false)
    }

    func index(warnings: [Diagnostic], contentRoot: String) -> IndexView {
        let page = PageRef.index
        let settings = graph.settings
        let lifecycle = graph.stages.enumerated().map { offset, stage in
            let names = graph.roles.filter { $0.engagement[stage.id]?.level == .lead }.map(\.name)
            let leads = names.count > 6 ? names.prefix(5).joined(separator: ", ") + " and \(names.count - 5) more" : names.joined(separator: ", ")
            return LifecycleStepView(href: page.href(to: PageRef(.stages, stage.id)), number: offset + 1, name: stage.name,
                                     question: stage.question, leads: leads, hasLeads: !leads.isEmpty)
        }
        let heatmapInline = graph.roles.count <= Self.heatmapInlineLimit
        let rows = !heatmapInline ? [] : graph.stages.map { stage in
            HeatmapTableRow(stage: link(PageRef(.stages, stage.id), from: page), cells: graph.roles.map { role in
                let level = role.engagement[stage.id]?.level
                return HeatmapTableCell(label: level?.label ?? "—", levelClass: level?.rawValue ?? "none")
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
                return TimingRowView(part: graph.title(of: PageRef(.stages, id)), href: page.href(to: PageRef(.stages, id)), hasHref: true,
                                     duration: part.hours == nil ? label : "timebox " + label, unbounded: part.hours == nil)
            case let .boundary(from, to):
                let single = part.contracts.count == 1 ? part.contracts[0] : nil
                return TimingRowView(part: "\(graph.title(of: PageRef(.stages, from))) → \(graph.title(of: PageRef(.stages, to))) handoff",
                                     href: single.map { page.href(to: PageRef(.contracts, $0)) } ?? "", hasHref: single != nil,
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
                                     evidence: evidence, hasEvidence: !evidence.isEmpty)
        }
        let flowMap = FlowMap(graph: graph, flows: flows, page: page)
        return IndexView(
            title: settings.title, description: settings.description ?? "", hasDescription: settings.description != nil,
            heatmapSVG: heatmapInline ? HeatmapSVG(graph: graph, page: page).render(standalone: false) : "",
            heatmapInline: heatmapInline,
            allRoles: more("roles", graph.roles.count, "roles"), allContracts: more("contracts", graph.contracts.count, "contracts"),
            allContexts: more("contexts", graph.contextIDs.count, "contexts"), allPages: more("pages", graph.pages.count, "pages"),
            allObjects: more("objects", graph.objects.count, "governed objects"),
            moreWarnings: warnings.count > Self.overviewLimit
                ? "and \(warnings.count - Self.overviewLimit) more: handoff check lists them all" : "",
            hasMoreWarnings: warnings.count > Self.overviewLimit,
            heatmapRoles: heatmapInline ? graph.roles.map { link(PageRef(.roles, $0.id), from: page) } : [], heatmapRows: rows,
            lifecycle: lifecycle, counts: counts,
            roles: summarised("roles") ? [] : roleSummaries(from: page),
            stages: graph.stages.map { SummaryView(href: page.href(to: PageRef(.stages, $0.id)), name: $0.name, detail: $0.question, hasDetail: true) },
            contracts: summarised("contracts") ? [] : graph.contracts.map { summary($0, from: page) },
            contexts: summarised("contexts") ? [] : contextSummaries(from: page),
            pages: pages, hasPages: !pages.isEmpty,
            warnings: warningViews, hasWarnings: !warningViews.isEmpty,
            timingSVG: graph.stages.isEmpty ? "" : TimingSVG(graph: graph, timing: timing, page: page).render(),
            flowMapSVG: flowMap.render(), flowRows: flowRows(flowMap), hasFlowMap: !flows.edges.isEmpty, flowMapAggregated: flowMap.aggregated,
            timingRows: timingRows, hasTiming: !graph.stages.isEmpty,
            timingTotal: timing.totalHours.map { Duration.compact(hours: $0) } ?? "unbounded",
            timingBudget: timing.budget.map { Duration.compact(hours: $0.value.hours) } ?? "", hasTimingBudget: timing.budget != nil,
            overBudget: timing.isOverBudget,
            hasAgents: !agents.isEmpty,
            winterTearSummary: "\(counted(specialists, "specialist")) and \(counted(agents.count - specialists, "copilot"))",
            objects: summarised("objects") ? [] : objectSummaries(from: page), hasObjects: graph.handbook.hasObjectsFolder, scorecard: scorecard)
    }

    // MARK: Lists

    func roleSummaries(from page: PageRef) -> [SummaryView] {
        graph.roles.map { SummaryView(href: page.href(to: PageRef(.roles, $0.id)), name: $0.name, detail: $0.purpose, hasDetail: true) }
    }

    func pageSummaries(from page: PageRef) -> [SummaryView] {
        graph.pages.map { SummaryView(href: page.href(to: PageRef(.pages, $0.id)), name: $0.name, detail: "", hasDetail: false) }
    }

    func objectSummaries(from page: PageRef) -> [SummaryView] {
        graph.objects.map { SummaryView(href: page.href(to: PageRef(.objects, $0.id)), name: $0.name, detail: $0.definition, hasDetail: !$0.definition.isEmpty) }
    }

    func contextSummaries(from page: PageRef) -> [SummaryView] {
        graph.contextIDs.map { id in
            let producers = (graph.producers[id] ?? []).map(\.role.name)
            let consumers = (graph.consumers[id] ?? []).filter { !graph.isRole($0.flow.from.value) }.map { graph.actorName($0.flow.from.value) }
            let detail = graph.handbook.contexts[id]?.description
                ?? (producers.isEmpty ? nil : "From " + Self.list(producers))
                ?? (consumers.isEmpty ? "Declared by a contract only" : "From outside the team: " + Self.list(consumers))
            return SummaryView(href: page.href(to: PageRef(.contexts, id)), name: graph.contextName(id), detail: detail, hasDetail: true)
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

    // MARK: Diagrams

    /// An actor as a diagram line: a role links to its page, an external does not.
    func actorLine(_ id: String, from page: PageRef) -> ColumnDiagram.Line {
        ColumnDiagram.Line(text: graph.actorName(id), href: graph.isRole(id) ? page.href(to: PageRef(.roles, id)) : nil)
    }

    func contextLine(_ flow: Flows.Flow, from page: PageRef) -> ColumnDiagram.Line {
        ColumnDiagram.Line(text: graph.contextName(flow.context), href: page.href(to: PageRef(.contexts, flow.context)), warn: flow.isOneSided)
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

    /// Producers → the context (with the contracts that carry it) → consumers.
    func contextDiagram(_ id: String, from page: PageRef) -> String {
        let producers = Array(Set((graph.producers[id] ?? []).map(\.role.id) + (graph.consumers[id] ?? []).map(\.flow.from.value))).sorted()
        let consumers = Array(Set((graph.consumers[id] ?? []).map(\.role.id) + (graph.producers[id] ?? []).flatMap { $0.flow.to.map(\.value) })).sorted()
        let contracts = graph.contractsCarrying[id] ?? []
        guard !producers.isEmpty || !consumers.isEmpty else { return "" }
        func box(_ actor: String) -> ColumnDiagram.Box {
            if actor == ContextOut.everyone { return ColumnDiagram.Box(title: .init(text: "All roles")) }
            return ColumnDiagram.Box(title: actorLine(actor, from: page), dashed: !graph.isRole(actor))
        }
        let center = ColumnDiagram.Box(title: .init(text: graph.contextName(id)),
                                       lines: contracts.map { .init(text: "via " + $0.name, href: page.href(to: PageRef(.contracts, $0.id))) })
        return ColumnDiagram(id: "d.context", title: "\(graph.contextName(id)): who produces and consumes it",
                             desc: "Left, the roles that produce it; right, those that consume it; in the middle, the contracts that carry it. The lists below say the same.",
                             left: producers.map(box), center: center, right: consumers.map(box),
                             leftCaption: "Produced by", rightCaption: "Consumed by").render()
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

    /// The flow map's data as table rows (stage to stage when the map groups roles).
    func flowRows(_ map: FlowMap) -> [FlowRowView] {
        guard !map.aggregated else { return [] }
        return flows.edges.map { edge in
            FlowRowView(producer: actor(edge.producer, from: map.page), consumer: actor(edge.consumer, from: map.page),
                        contexts: edge.flows.map { contextLink($0.context, from: map.page) }, covered: edge.covered, oneSided: edge.oneSided)
        }
    }

    /// Navigation groups longer than this show the current entry and a link
    /// to the full list on the overview: a nav of every entity on every page
    /// would grow with the square of the handbook (4 GB at 10,000 files).
    static let navLimit = 30

    /// The navigation, computed once: groups of (title, anchor on the
    /// overview, pages). Per page only the links' prefix and `current` change.
    struct NavSkeleton: Sendable {
        var groups: [(title: String, anchor: String, pages: [PageRef], members: Set<PageRef>)]
    }

    static func navSkeleton(_ graph: SiteGraph) -> NavSkeleton {
        var groups: [(String, String, [PageRef])] = [
            ("Stages", "stages", graph.stages.map { PageRef(.stages, $0.id) }),
            ("Roles", "roles", graph.roles.map { PageRef(.roles, $0.id) }),
            ("Contracts", "contracts", graph.contracts.map { PageRef(.contracts, $0.id) }),
        ]
        if !graph.objects.isEmpty { groups.append(("Objects", "objects", graph.objects.map { PageRef(.objects, $0.id) })) }
        if !graph.pages.isEmpty { groups.append(("Pages", "pages", graph.pageTree.order)) }
        return NavSkeleton(groups: groups.map { ($0.0, $0.1, $0.2, Set($0.2)) })
    }

    func nav(for page: PageRef) -> [NavGroup] {
        navSkeleton.groups.indices.map { navGroup($0, for: page) }
    }

    /// The page is an entry of navigation group `index` (its links then depend on it).
    func isInNavGroup(_ index: Int, _ page: PageRef) -> Bool { navSkeleton.groups[index].members.contains(page) }

    /// Navigation group `index` as seen from `page`.
    /// What one page's navigation can show of other pages: the titles in
    /// each group (or folder of the page tree) short enough to list, the
    /// sizes of the others, and every page's address. Two handbooks with the
    /// same key give every page the same navigation, but for the page's own
    /// entry (the live preview's narrowed rebuild relies on it).
    func navigationKey() -> [String] {
        var key = graph.pageTree.order.map(\.path).sorted()
        key += [graph.stages.count, graph.roles.count, graph.contracts.count, graph.objects.count].map { String($0) }
        for group in navSkeleton.groups where group.anchor != "pages" {
            key.append(group.anchor + "\u{1}" + String(group.pages.count))
            if group.pages.count <= Self.navLimit { key += group.pages.map { $0.path + "\u{1}" + graph.title(of: $0) } }
        }
        for path in graph.pageTree.folders.keys.sorted() {
            let entries = graph.pageTree.folders[path]?.entries ?? []
            // A folder's own page is named on the way to every page inside it.
            key.append("folder\u{1}" + path + "\u{1}" + String(entries.count) + "\u{1}" + graph.title(of: graph.pageTree.ref(of: path)))
            if entries.count <= Self.navLimit { key += entries.map { $0.path + "\u{1}" + graph.title(of: $0) } }
        }
        return key
    }

    func navGroup(_ index: Int, for page: PageRef) -> NavGroup {
        let group = navSkeleton.groups[index]
        if group.anchor == "pages" { return NavGroup(title: group.title, links: pageTreeLinks(for: page)) }
        var links: [NavLink]
        if group.pages.count <= Self.navLimit {
            links = group.pages.map { NavLink(href: page.href(to: $0), text: graph.title(of: $0), current: $0 == page) }
        } else {
            links = group.members.contains(page) ? [NavLink(href: page.href(to: page), text: graph.title(of: page), current: true)] : []
            let target = lists.contains(group.anchor) ? page.href(to: PageRef(kind: .list, id: group.anchor)) : page.href(to: .index, fragment: group.anchor)
            links.append(NavLink(href: target,
                                 text: "All \(group.pages.count) \(group.title.lowercased())", current: false))
        }
        return NavGroup(title: group.title, links: links)
    }

    /// The pages as a tree seen from `page`: the top level, and inside it
    /// the folders that lead to the page open (their pages listed), every
    /// other folder one link to its own page. So a page's navigation grows
    /// with the depth of the tree and the size of its folders, not with the
    /// number of pages. A folder with more than `navLimit` entries lists the
    /// one on the way to the page and a link to the folder's page.
    func pageTreeLinks(for page: PageRef) -> [NavLink] {
        let tree = graph.pageTree
        var open = Set<String>()
        var folder = tree.folderPath(of: page) ?? tree.parent(of: page)
        while let current = folder {
            open.insert(current)
            folder = current.isEmpty ? nil : PagePath.split(current).folder
        }
        var links: [NavLink] = []
        func emit(_ path: String) {
            let entries = tree.folders[path]?.entries ?? []
            var shown = entries
            var more: PageRef?
            if entries.count > Self.navLimit {
                // The page itself and the folder on the way to it, in their order (no scan of the folder).
                var kept: [PageRef] = []
                if tree.parent(of: page) == path, tree.position[page] != nil { kept.append(page) }
                if let sub = open.first(where: { !$0.isEmpty && PagePath.split($0).folder == path }) { kept.append(tree.ref(of: sub)) }
                shown = kept.sorted { (tree.position[$0] ?? 0) < (tree.position[$1] ?? 0) }
                more = tree.ref(of: path)
            }
            for entry in shown {
                if let sub = tree.folderPath(of: entry) {
                    let isOpen = open.contains(sub)
                    links.append(NavLink(href: page.href(to: entry), text: graph.title(of: entry), current: entry == page, isFolder: true, isOpen: isOpen))
                    if isOpen {
                        emit(sub)
                        links[links.count - 1].closes.append(NavClose())
                    }
                } else {
                    links.append(NavLink(href: page.href(to: entry), text: graph.title(of: entry), current: entry == page))
                }
            }
            if let more {
                links.append(NavLink(href: page.href(to: more), text: "All \(entries.count) in \(graph.title(of: more))", current: false))
            }
        }
        if let root = tree.folders[""], root.index != nil {
            links.append(NavLink(href: page.href(to: tree.ref(of: "")), text: graph.title(of: tree.ref(of: "")), current: tree.ref(of: "") == page))
        }
        emit("")
        return links
    }
}
