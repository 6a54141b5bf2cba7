import HandbookModel

/// The relations the pages show, computed once from a checked handbook:
/// who produces and consumes each context, which contracts touch each role
/// and stage, which workflows run in each stage, and every backlink.
struct SiteGraph: Sendable {
    struct Production: Sendable { var role: Role; var flow: ContextOut }
    struct Consumption: Sendable { var role: Role; var flow: ContextIn }
    struct StageWorkflow: Sendable { var role: Role; var workflow: Workflow }

    let handbook: Handbook
    let settings: Settings
    let stages: [Stage]
    let roles: [Role]
    /// Externals with `engaged` stages in the lifecycle (the extended team),
    /// by id: the heatmap's columns after the roles.
    var engagedExternals: [Settings.External] {
        settings.externals.values.filter { external in external.engaged.contains { settings.lifecyclePosition[$0.value] != nil } }
            .sorted { $0.id < $1.id }
    }
    let contracts: [Contract]
    /// Pages in reading order (the tree's, depth first).
    let pages: [Page]
    let pageTree: PageTree
    let objects: [GovernedObject]
    /// Each role's lifecycle column: the stage it leads first, else the first
    /// it supports, else the first it is consulted in, else after the last
    /// (the flow map's columns).
    let column: [String: Int]
    /// Every context referenced anywhere, or described in contexts/.
    private(set) var contextIDs: [String] = []
    private(set) var producers: [String: [Production]] = [:]
    private(set) var consumers: [String: [Consumption]] = [:]
    private(set) var contractsCarrying: [String: [Contract]] = [:]
    private(set) var contractsFrom: [String: [Contract]] = [:]
    private(set) var contractsTo: [String: [Contract]] = [:]
    private(set) var contractsLeaving: [String: [Contract]] = [:]
    private(set) var contractsEntering: [String: [Contract]] = [:]
    private(set) var workflowsIn: [String: [StageWorkflow]] = [:]
    private(set) var backlinks: [PageRef: Set<PageRef>] = [:]
    /// What each page shows of others: the pages it links to, and the stages
    /// whose pages list its workflows. With `backlinks`, the pages an edit
    /// of one entity can change (the live preview renders only those).
    private(set) var shows: [PageRef: Set<PageRef>] = [:]
    /// For each body (by file) whose links name an anchor only when letter
    /// case is ignored (`#Requirements`): destination → the anchor's spelling.
    private(set) var fragmentFixes: [String: [String: String]] = [:]

    init(_ handbook: Handbook) {
        self.handbook = handbook
        settings = handbook.settings ?? Settings(file: "handbook.yaml")
        stages = settings.lifecycle.compactMap { handbook.stages[$0.value] }
        // Roles in the order of the work: by the first stage they lead, then
        // the first they take part in, then by name. The heatmap then reads
        // as a diagonal.
        let position = handbook.settings?.lifecyclePosition ?? [:]
        func firstStage(_ role: Role, leading: Bool) -> Int {
            role.engagement.filter { !leading || $0.value.level == .lead }.keys.compactMap { position[$0] }.min() ?? Int.max
        }
        func firstStage(_ role: Role, at level: Engagement) -> Int {
            role.engagement.filter { $0.value.level == level }.keys.compactMap { position[$0] }.min() ?? Int.max
        }
        // Sort keys, not the (large) roles: moving a role retains each of its fields.
        let keys = handbook.roles.values.map { role in
            (lead: firstStage(role, leading: true), part: firstStage(role, leading: false),
             most: min(firstStage(role, at: .support), firstStage(role, at: .support) == Int.max ? firstStage(role, at: .consult) : Int.max),
             name: role.name, id: role.id)
        }.sorted { a, b in
            if (a.lead, a.part) != (b.lead, b.part) { return (a.lead, a.part) < (b.lead, b.part) }
            return a.name != b.name ? a.name < b.name : a.id < b.id
        }
        roles = keys.map { handbook.roles[$0.id]! }
        let stageCount = stages.count
        column = Dictionary(uniqueKeysWithValues: keys.map { key in
            // The stage it leads first, else where it is most engaged (the first it supports, else the first it is consulted in).
            (key.id, key.lead != Int.max ? key.lead : key.most != Int.max ? key.most : stageCount)
        })
        // Contracts in the order of the work: by the boundary's stages in the
        // lifecycle, then by id; those whose boundary is unknown last.
        // (Keys are sorted, not the contracts: moving one retains each field.)
        contracts = handbook.contracts.values.map { contract -> (from: Int, to: Int, id: String) in
            guard let boundary = contract.boundary else { return (Int.max, Int.max, contract.id) }
            return (position[boundary.from] ?? Int.max, position[boundary.to] ?? Int.max, contract.id)
        }.sorted { ($0.from, $0.to, $0.id) < ($1.from, $1.to, $1.id) }.map { handbook.contracts[$0.id]! }
        objects = handbook.sortedObjects
        pageTree = PageTree(handbook)
        pages = pageTree.order.compactMap { $0.kind == .entity(.pages) ? handbook.pages[$0.id] : nil }
        var contexts = Set(handbook.contexts.keys)
        for role in roles {
            for flow in role.contextOut {
                contexts.insert(flow.context.value)
                producers[flow.context.value, default: []].append(Production(role: role, flow: flow))
                for target in flow.to where target.value != ContextOut.everyone {
                    link(.init(.roles, role.id), to: .init(.roles, target.value))
                }
                link(.init(.roles, role.id), to: .init(.contexts, flow.context.value))
            }
            for flow in role.contextIn {
                contexts.insert(flow.context.value)
                consumers[flow.context.value, default: []].append(Consumption(role: role, flow: flow))
                link(.init(.roles, role.id), to: .init(.roles, flow.from.value))
                link(.init(.roles, role.id), to: .init(.contexts, flow.context.value))
            }
            for stage in role.engagement.keys { link(.init(.roles, role.id), to: .init(.stages, stage)) }
            for workflow in role.workflows {
                if let stage = workflow.stage?.value {
                    shows[.init(.roles, role.id), default: []].insert(.init(.stages, stage))
                    workflowsIn[stage, default: []].append(StageWorkflow(role: role, workflow: workflow))
                }
            }
        }
        for contract in contracts {
            let ref = PageRef(.contracts, contract.id)
            for carried in contract.carries {
                contexts.insert(carried.value)
                contractsCarrying[carried.value, default: []].append(contract)
                link(ref, to: .init(.contexts, carried.value))
            }
            if let from = contract.from?.value {
                contractsFrom[from, default: []].append(contract)
                link(ref, to: .init(.roles, from))
            }
            if let to = contract.to?.value {
                contractsTo[to, default: []].append(contract)
                link(ref, to: .init(.roles, to))
            }
            if let boundary = contract.boundary {
                contractsLeaving[boundary.from, default: []].append(contract)
                contractsEntering[boundary.to, default: []].append(contract)
                link(ref, to: .init(.stages, boundary.from))
                link(ref, to: .init(.stages, boundary.to))
            }
        }
        for object in objects {
            let ref = PageRef(.objects, object.id)
            for end in [object.producer, object.steward].compactMap({ $0 }) + object.consumers where handbook.roles[end.value] != nil {
                link(ref, to: .init(.roles, end.value))
            }
        }
        for role in roles {
            for agent in role.agents {
                for id in agent.reads where handbook.objects[id.value] != nil { link(.init(.roles, role.id), to: .init(.objects, id.value)) }
            }
        }
        contextIDs = contexts.sorted()
        // Each body's links, worked out in parallel; then merged in a stable order.
        let tree = pageTree
        let found = handbook.bodies.sorted { $0.file < $1.file }.concurrentMap { (kind, id, file, body) in
            var targets: [PageRef] = []
            var fixes: [String: String] = [:]
            var anchorSets: [String: Set<String>] = [:]
            for link in body.links {
                if let fragment = link.target?.fragment, !fragment.isEmpty {
                    // A fragment that is not an anchor as written may be one in another letter case.
                    let owner = link.target!.path.isEmpty ? file : link.resolved
                    if let owner {
                        if anchorSets[owner] == nil {
                            anchorSets[owner] = Set(Self.anchorOwner(owner, from: file, body: body, handbook: handbook, tree: tree) ?? [])
                        }
                        if let anchors = anchorSets[owner], !anchors.contains(fragment), let exact = AnchorCase.match(fragment, in: anchors) {
                            fixes[link.destination] = exact
                        }
                    }
                }
                guard let relative = link.resolved, let page = Self.page(forContentPath: relative, tree: tree) else { continue }
                targets.append(page)
            }
            return (source: PageRef(kind, id), file: file, targets: targets, fixes: fixes)
        }
        for body in found {
            for target in body.targets { link(body.source, to: target) }
            if !body.fixes.isEmpty { fragmentFixes[body.file] = body.fixes }
        }
    }

    /// The anchors of the page a content path lands on (a page folder: its
    /// own page); `body` when the path is the linking file's own.
    static func anchorOwner(_ relative: String, from file: String, body own: Body, handbook: Handbook, tree: PageTree) -> [String]? {
        guard let page = Self.page(forContentPath: relative, tree: tree), let kind = page.entityKind else { return nil }
        if relative == file { return own.anchors + kind.sectionAnchors }
        return handbook.body(kind, page.id).map { $0.anchors + kind.sectionAnchors }
    }

    private mutating func link(_ source: PageRef, to target: PageRef) {
        guard source != target else { return }
        backlinks[target, default: []].insert(source)
        shows[source, default: []].insert(target)
    }

    /// `roles/pm.md` → the role page; `pages/ops/README.md` → the page
    /// `ops/index`; `pages/ops` (a folder) → its own page. nil for what has
    /// no page (an asset, a missing file).
    static func page(forContentPath path: String, tree: PageTree) -> PageRef? {
        if let id = PagePath.id(forSource: path) { return PageRef(.pages, id) }
        var folder = Substring(path)
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        if folder == "pages" || folder.hasPrefix("pages/") {
            let inPages = folder == "pages" ? "" : String(folder.dropFirst("pages/".count))
            return tree.folders[inPages] != nil ? tree.ref(of: inPages) : nil
        }
        let parts = path.split(separator: "/")
        guard parts.count == 2, let kind = EntityKind(rawValue: String(parts[0])), kind != .pages, parts[1].hasSuffix(".md") else { return nil }
        return PageRef(kind, String(parts[1].dropLast(3)))
    }

    // MARK: Names

    func title(of page: PageRef) -> String {
        switch page.kind {
        case .index: settings.title
        case .list: "All " + page.id
        case .folder: page.id.isEmpty ? "Pages" : PagePath.split(page.id).name
        case .entity(.contexts): contextName(page.id)
        case .entity(let kind): handbook.name(kind, page.id) ?? page.id
        }
    }

    func contextName(_ id: String) -> String {
        ContextDoc.displayName(id, doc: handbook.contexts[id])
    }

    /// A role's or an external's display name.
    func actorName(_ id: String) -> String {
        if id == ContextOut.everyone { return "all roles" }
        return handbook.roles[id]?.name ?? settings.externals[id]?.name ?? id
    }

    func isRole(_ id: String) -> Bool { handbook.roles[id] != nil }
}
