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
        return BodyView(html: html)
    }

    /// A destination as a body at `file` shows it (see `ContentFiles.href`).
    static func rewrite(_ destination: String, file: String = "pages/x.md", files: ContentFiles = ContentFiles()) -> String {
        files.href(for: destination, from: file)
    }

    /// "A", "A and B", "A, B and C" (duplicates removed, order kept).
    static func list(_ items: [String]) -> String {
        var seen = Set<String>()
        return listed(items.filter { seen.insert($0).inserted })
    }

    /// An actor as a diagram line: a role links to its page, an external does not.
    func actorLine(_ id: String, from page: PageRef) -> ColumnDiagram.Line {
        ColumnDiagram.Line(text: graph.actorName(id), href: graph.isRole(id) ? page.href(to: PageRef(.roles, id)) : nil)
    }

    /// The navigation, computed once: groups of (title, anchor on the
    /// overview, pages). Per page only the links' prefix and `current` change.
    struct NavSkeleton: Sendable {
        var groups: [(title: String, anchor: String, pages: [PageRef], members: Set<PageRef>)]
    }
}
