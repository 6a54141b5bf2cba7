import Diagnostics
import HandbookModel
import Templates

/// Renders a checked handbook into an `OutputFolder`: one page per role,
/// stage, contract, context and page, the overview, `heatmap.svg`, and the
/// theme's assets. Pages render in parallel; every byte depends only on the
/// handbook and the theme.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        /// The content folder as shown in diagnostics ("content"), to make
        /// warning locations on the overview relative to it.
        public var contentRoot: String
        /// The content folder's path from the repository root ("content"),
        /// for "Edit this page" links.
        public var repositoryPath: String
        public var generator: String
        /// Each content file's last change (`roles/pm.md` → "2026-11-20"), from
        /// git when the content is in a repository; empty otherwise.
        public var lastChanged: [String: String]

        public init(contentRoot: String, repositoryPath: String, generator: String, lastChanged: [String: String] = [:]) {
            self.contentRoot = contentRoot
            self.repositoryPath = repositoryPath
            self.generator = generator
            self.lastChanged = lastChanged
        }
    }

    public struct Summary: Sendable {
        public var pages: Int
        public var files: Int
        /// Files identical to the previous build's, linked rather than written.
        public var unchanged: Int

        public init(pages: Int, files: Int, unchanged: Int) {
            self.pages = pages
            self.files = files
            self.unchanged = unchanged
        }
    }

    let graph: SiteGraph
    let views: ViewFactory
    let theme: Theme
    let warnings: [Diagnostic]
    let options: Options

    /// Each navigation group rendered once per folder depth ("" for the
    /// overview, "../" for pages in a folder) as a page outside it sees it.
    let navFragments: [String: [String]]
    let publishing: Publishing
    let readingOrder: [PageRef: (previous: PageRef?, next: PageRef?)]

    public init(handbook: Handbook, warnings: [Diagnostic], theme: Theme, options: Options) {
        self.init(graph: SiteRelations(handbook).graph, warnings: warnings, theme: theme, options: options)
    }

    /// With the relations worked out already (while the handbook was checked).
    public init(relations: SiteRelations, warnings: [Diagnostic], theme: Theme, options: Options) {
        self.init(graph: relations.graph, warnings: warnings, theme: theme, options: options)
    }

    init(graph: SiteGraph, warnings: [Diagnostic], theme: Theme, options: Options) {
        self.graph = graph
        let views = ViewFactory(graph: graph)
        self.views = views
        self.theme = theme
        self.warnings = warnings
        self.options = options
        publishing = Publishing(graph: graph)
        readingOrder = Self.readingOrder(graph)
        // Each group as a page outside it sees it, once per folder depth: the
        // overview is in no group, and a list page stands for "a page in a
        // folder" as many folders deep as the deepest page.
        var outside: [String: PageRef] = ["": .index]
        let deepest = ([1] + graph.pageTree.order.map(\.depth)).max()!
        for depth in 1...deepest {
            outside[String(repeating: "../", count: depth)] = PageRef(kind: .list, id: String(repeating: "x/", count: depth) + "x")
        }
        navFragments = outside.mapValues { page in
            views.navSkeleton.groups.indices.map { theme.render(views.navGroup($0, for: page), template: "nav") }
        }
    }

    /// Every page of the site, in a stable order.
    var pages: [PageRef] { Self.pages(of: graph, lists: views.lists) }

    static func pages(of graph: SiteGraph, lists: [String]? = nil) -> [PageRef] {
        var pages: [PageRef] = [.index]
        pages += graph.stages.map { PageRef(.stages, $0.id) }
        pages += graph.roles.map { PageRef(.roles, $0.id) }
        pages += graph.contracts.map { PageRef(.contracts, $0.id) }
        pages += graph.contextIDs.map { PageRef(.contexts, $0) }
        // A folder's generated page, unless the folder holds an index.html of its own (published as it is).
        pages += graph.pageTree.order.filter { $0.kind != .folder || graph.handbook.assets[$0.path] == nil }
        pages += graph.objects.map { PageRef(.objects, $0.id) }
        pages += (lists ?? ViewFactory(graph: graph).lists).map { PageRef(kind: .list, id: $0) }
        return pages
    }

    /// Assembles the whole site into a sink: every page (in parallel), the
    /// generated files, the theme's assets and the content's. `build` passes
    /// the output folder; tools and tests pass a `MemorySite`.
    public func build(into output: some SiteSink) throws -> Summary {
        let pages = self.pages
        try output.makeFolders(["stages", "roles", "contracts", "contexts", "pages"] + (graph.objects.isEmpty ? [] : ["objects"])
                               + Self.folders(of: pages.map(\.path)).filter { $0.hasPrefix("pages/") })
        let failures = Trace.measure("render \(pages.count) pages") { pages.concurrentMap { page -> OutputFolder.Refusal? in
            do {
                try output.write(page.path, renderBytes(page))
                return nil
            } catch {
                return error as? OutputFolder.Refusal ?? OutputFolder.Refusal(description: "\(error)")
            }
        } }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        let generated = generatedFiles(pages)
        try output.makeFolders(Self.folders(of: generated.map(\.path)))
        // Written in parallel like the pages: with the Markdown twins there are as many.
        let writeFailures = Trace.measure("write \(generated.count) generated files") { generated.concurrentMap { file -> OutputFolder.Refusal? in
            do {
                try output.write(file.path, file.bytes)
                return nil
            } catch {
                return error as? OutputFolder.Refusal ?? OutputFolder.Refusal(description: "\(error)")
            }
        } }
        if let failure = writeFailures.compactMap({ $0 }).first { throw failure }
        let themeFiles = themeAssets
        let content = graph.handbook.assets.values.sorted { $0.relativePath < $1.relativePath }
        try output.makeFolders(Self.folders(of: themeFiles.map(\.path) + content.map(\.relativePath)))
        for asset in themeFiles { try output.write(asset.path, asset.bytes) }
        let copied = try Trace.measure("copy \(content.count) assets") { try copyAssets(content, into: output) }
        return Summary(pages: pages.count, files: pages.count + generated.count + themeFiles.count + copied,
                       unchanged: (output as? OutputFolder)?.reused ?? 0)
    }

    /// For agents: each page's Markdown twin, llms.txt, llms-full.txt and a
    /// skill per role (`MarkdownTwins`). The preview passes the twins it kept.
    func agentFiles(_ pages: [PageRef], twin: (@Sendable (PageRef) -> String)? = nil) -> [(path: String, bytes: [UInt8])] {
        let twins = MarkdownTwins(graph: graph, publishing: publishing)
        let texts = Trace.measure("markdown twins") { pages.concurrentMap { page in (path: SiteLayout.twin(of: page.path), text: twin?(page) ?? twins.twin(page)) } }
        return Trace.measure("llms and skills") {
            var files = texts.map { (path: $0.path, bytes: Array($0.text.utf8)) }
            files.append((SiteLayout.llms, Array(twins.llms(pages).utf8)))
            files.append((SiteLayout.llmsFull, MarkdownTwins.full(texts)))
            files += graph.roles.map { (SiteLayout.skill($0.id), Array(twins.skill($0).utf8)) }
            return files
        }
    }

    /// The files the site makes besides its pages (SiteLayout): the heatmap,
    /// the search index and the printable handbook. Both are made of one
    /// piece per page: the live preview passes the pieces it kept
    /// (`searchPieces` in page order, `chapter` for each page).
    func generatedFiles(_ pages: [PageRef], searchPieces: [SearchIndex.Piece]? = nil, chapter: (@Sendable (PageRef) -> String)? = nil,
                        twin: (@Sendable (PageRef) -> String)? = nil)
        -> [(path: String, bytes: [UInt8])] {
        let heatmap = Array(HeatmapSVG(graph: graph, page: .index).render(standalone: true).utf8)
        let search = Trace.measure("search index") { searchPieces.map(SearchIndex.files) ?? SearchIndex(graph: graph).files(pages) }
        let printable = Trace.measure("printable handbook") { PrintableHandbook(builder: self).render(chapter: chapter) }
        var files: [(path: String, bytes: [UInt8])] = [(SiteLayout.heatmap, heatmap), (SiteLayout.printable, printable),
                                                       (SiteLayout.notFound, notFoundPage()), (SiteLayout.noJekyll, []),
                                                       (SiteLayout.glossary, rootPage(title: "Glossary", kind: "glossary", content: Glossary.html(), path: SiteLayout.glossary))] + search
        if let sitemap = publishing.sitemap(pages), let robots = publishing.robots() {
            files += [(SiteLayout.sitemap, sitemap), (SiteLayout.robots, robots)]
        }
        files += agentFiles(pages, twin: twin)
        return files + publishing.redirects()
    }

    /// A page the site makes at its root (the glossary) in the layout.
    func rootPage(title: String, kind: String, content: String, path: String) -> [UInt8] {
        var layout = LayoutView(
            siteTitle: graph.settings.title, pageTitle: title, documentTitle: "\(title) · \(graph.settings.title)",
            description: graph.settings.description ?? "", root: "", homeHref: "index.html", isHome: false,
            nav: theme.layoutUsesNavList ? views.nav(for: .index) : [], navHTML: navFragments[""]?.joined() ?? "",
            contentHTML: content, editURL: "", lastChanged: "", pageKind: kind, generator: options.generator)
        layout.canonicalURL = publishing.absolute(path) ?? ""
        layout.printHref = SiteLayout.printable
        layout.faviconHref = SiteLayout.favicon
        var out: [UInt8] = []
        theme.render(layout, template: "layout", into: &out)
        return out
    }

    /// `404.html`: hosts (GitHub Pages, Netlify) show it at any missing
    /// address, at any depth, so its links start from the site's root: a
    /// `<base>` of `url`'s path, or one the page works out in the browser.
    func notFoundPage() -> [UInt8] {
        let content = """
            <h1>Page not found</h1>
            <p>Nothing is published at this address. It may have been renamed or removed: search above, or start from the <a href="index.html">overview</a>.</p>

            """
        var layout = LayoutView(
            siteTitle: graph.settings.title, pageTitle: "Page not found",
            documentTitle: "Page not found · \(graph.settings.title)", description: graph.settings.description ?? "",
            root: "", homeHref: "index.html", isHome: false, nav: theme.layoutUsesNavList ? views.nav(for: .index) : [],
            navHTML: navFragments[""]?.joined() ?? "", contentHTML: content, editURL: "", lastChanged: "",
            pageKind: "not-found", generator: options.generator)
        layout.isNotFound = true
        layout.siteBase = publishing.basePath ?? ""
        layout.printHref = SiteLayout.printable
        layout.faviconHref = SiteLayout.favicon
        var out: [UInt8] = []
        theme.render(layout, template: "layout", into: &out)
        return out
    }

    /// The theme's files that are not templates, except where the content
    /// has a file of its own at the same path (the content's wins, as in Hugo).
    var themeAssets: [(path: String, bytes: [UInt8])] {
        let content = graph.handbook.assets
        return theme.assets.filter { content[$0.name] == nil }.map { ($0.name, $0.bytes) }
    }

    /// Copies the content's assets (images, PDFs...) byte for byte.
    func copyAssets(_ assets: [Asset], into output: some SiteSink) throws -> Int {
        let failures = assets.concurrentMap { asset -> OutputFolder.Refusal? in
            guard let bytes = OutputFolder.read(asset.path) else {
                return OutputFolder.Refusal(description: "cannot read '\(asset.file)'")
            }
            do {
                try output.write(asset.relativePath, bytes)
                return nil
            } catch {
                return error as? OutputFolder.Refusal ?? OutputFolder.Refusal(description: "\(error)")
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        return assets.count
    }

    /// Every folder the files need, parents first.
    static func folders(of paths: some Sequence<String>) -> [String] {
        var folders = Set<String>()
        for path in paths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        return folders.sorted { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }
    }

    /// Every page's output path and HTML, in memory (for fuzzing and tools;
    /// `build(into:)` streams them to disk instead).
    public func renderedPages() -> [(path: String, html: String)] {
        pages.map { ($0.path, render($0)) } + generatedFiles(pages).map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }
    }

    func render(_ page: PageRef) -> String { render(page, with: theme) }

    /// A page rendered by `renderer` (the theme; the differential test passes
    /// swift-mustache to compare the two engines on every page).
    func render(_ page: PageRef, with renderer: some PageRenderer) -> String {
        let content = self.content(page)
        let html = renderer.render(content.view, template: content.template)
        let layout = layout(page, template: content.template, contentHTML: html, navHTML: navHTML(page, renderer: renderer, cached: false))
        return renderer.render(layout, template: "layout")
    }

    /// The page's navigation: the groups it is not in from `navFragments`,
    /// its own group rendered for it (`cached: false` renders every group).
    func navHTML(_ page: PageRef, renderer: some PageRenderer, cached: Bool) -> String {
        var out = ""
        for index in views.navSkeleton.groups.indices {
            if cached, !views.isInNavGroup(index, page), let fragment = navFragments[page.root]?[index] {
                out += fragment
            } else {
                out += renderer.render(views.navGroup(index, for: page), template: "nav")
            }
        }
        return out
    }

    /// A page as bytes, straight from the theme's buffers (the build's path).
    func renderBytes(_ page: PageRef) -> [UInt8] {
        let content = self.content(page)
        var inner: [UInt8] = []
        theme.render(content.view, template: content.template, into: &inner)
        var out: [UInt8] = []
        out.reserveCapacity(inner.count + 16_384)
        let layout = layout(page, template: content.template, contentHTML: String(decoding: inner, as: UTF8.self),
                            navHTML: navHTML(page, renderer: theme, cached: true))
        theme.render(layout, template: "layout", into: &out)
        return out
    }

    /// The view a page's own template renders, and that template.
    func content(_ page: PageRef) -> (view: any TemplateView, template: String) {
        switch page.kind {
        case .index: (views.index(warnings: warnings, contentRoot: options.contentRoot), "index")
        case .entity(.stages): (views.stage(graph.handbook.stages[page.id]!), "stage")
        case .entity(.roles): (views.role(graph.handbook.roles[page.id]!), "role")
        case .entity(.contracts): (views.contract(graph.handbook.contracts[page.id]!), "contract")
        case .entity(.contexts): (views.context(page.id), "context")
        case .entity(.pages): (views.page(graph.handbook.pages[page.id]!), "page")
        case .entity(.objects): (views.object(graph.handbook.objects[page.id]!), "object")
        case .list: (views.list(page.id), "list")
        case .folder: (views.folder(page.id), "list")
        }
    }

    /// The layout around a page's content.
    func layout(_ page: PageRef, template: String, contentHTML: String, navHTML: String) -> LayoutView {
        let title = graph.title(of: page)
        var layout = LayoutView(
            siteTitle: graph.settings.title, pageTitle: title,
            documentTitle: page.kind == .index ? title : "\(title) · \(graph.settings.title)",
            description: publishing.description(of: page),
            root: page.root, homeHref: page.href(to: .index), isHome: page.kind == .index,
            nav: theme.layoutUsesNavList ? views.nav(for: page) : [], navHTML: navHTML, contentHTML: contentHTML,
            editURL: editURL(page) ?? "",
            lastChanged: lastChanged(page) ?? "",
            pageKind: template, generator: options.generator)
        layout.canonicalURL = publishing.absolute(page.path) ?? ""
        layout.twinHref = String(SiteLayout.twin(of: page.urlPath).split(separator: "/").last ?? "")
        layout.printHref = page.root + SiteLayout.printable
        layout.faviconHref = page.root + SiteLayout.favicon
        // Stages have their own "Lifecycle" pager.
        if let kind = page.entityKind, kind != .stages, let neighbours = readingOrder[page] {
            if let previous = neighbours.previous {
                layout.previousHref = page.href(to: previous)
                layout.previousTitle = graph.title(of: previous)
            }
            if let next = neighbours.next {
                layout.nextHref = page.href(to: next)
                layout.nextTitle = graph.title(of: next)
            }
        }
        return layout
    }

    /// Each page's previous and next page of its kind, in the order of the
    /// work (roles by the stage they lead, contracts by boundary, pages in
    /// the tree's reading order).
    static func readingOrder(_ graph: SiteGraph) -> [PageRef: (previous: PageRef?, next: PageRef?)] {
        let sequences: [[PageRef]] = [
            graph.roles.map { PageRef(.roles, $0.id) },
            graph.contracts.map { PageRef(.contracts, $0.id) },
            graph.contextIDs.map { PageRef(.contexts, $0) },
            graph.objects.map { PageRef(.objects, $0.id) },
            graph.pageTree.order.filter { $0.kind == .entity(.pages) },
        ]
        var out: [PageRef: (previous: PageRef?, next: PageRef?)] = [:]
        for sequence in sequences {
            for (index, page) in sequence.enumerated() {
                out[page] = (index > 0 ? sequence[index - 1] : nil, index + 1 < sequence.count ? sequence[index + 1] : nil)
            }
        }
        return out
    }

    /// The date of the last commit that changed the page's content file.
    func lastChanged(_ page: PageRef) -> String? {
        guard let kind = page.entityKind else { return nil }
        return options.lastChanged[graph.handbook.sourcePath(kind, page.id)]
    }

    /// `repository` + the content file's path in the repository.
    func editURL(_ page: PageRef) -> String? {
        guard var repository = graph.settings.repository, !repository.isEmpty else { return nil }
        // Only pages made from a content file (a context may have none) can be edited.
        guard let kind = page.entityKind, kind != .contexts || graph.handbook.contexts[page.id] != nil else { return nil }
        let file = graph.handbook.sourcePath(kind, page.id)
        while repository.hasSuffix("/") { repository.removeLast() }
        let prefix = options.repositoryPath.isEmpty ? "" : options.repositoryPath + "/"
        return repository + "/" + PageRef.encoded(prefix + file)
    }
}

/// The relations a handbook's pages show (`SiteGraph`), worked out while
/// its check runs: the pipeline starts both at once.
public struct SiteRelations: Sendable {
    let graph: SiteGraph
    public init(_ handbook: Handbook) { graph = Trace.measure("site graph") { SiteGraph(handbook) } }
}

/// Renders a view with the template bound to its type (the theme; a
/// benchmark or test may pass another engine).
public protocol PageRenderer {
    func render<V: TemplateView>(_ view: V, template: String) -> String
}

extension SiteBuilder {
    /// A page of the site, for tools that render pages one by one (the template benchmark).
    public struct Page: Sendable {
        let ref: PageRef
        /// "role", "stage", "index"...
        public var kind: String
        public var path: String { ref.path }
    }

    public var sitePages: [Page] {
        pages.map { Page(ref: $0, kind: String(describing: $0.kind)) }
    }

    /// One page, its content and layout rendered by `renderer`.
    public func render(_ page: Page, with renderer: some PageRenderer) -> String {
        render(page.ref, with: renderer)
    }
}

extension Theme: PageRenderer {}
