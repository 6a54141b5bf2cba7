import Diagnostics
import HandbookModel
import Markup
import Templates

/// A site kept in memory and rebuilt from a changed handbook (the live
/// preview's library call).
///
/// Which pages are built again: when the caller names the content files
/// that changed (`changed`) and every page's navigation is the same
/// (`ViewFactory.navigationKey`: the same pages, and the same titles where
/// a group is short enough to list them), only the pages an edit can reach:
/// each changed entity's page, the pages it links to or shows (before and
/// after the edit), the pages that link to it, the overview, and the list
/// and folder pages. Otherwise every
/// page's view models are built. Either way a page whose views hash as before
/// is not rendered again; `update` returns the paths whose bytes changed.
/// `IncrementalSiteTests` checks the result against a full build after
/// random edits.
public final class IncrementalSite: @unchecked Sendable {
    public struct Update: Sendable, Equatable {
        /// Paths whose bytes are new or changed, sorted.
        public var changed: [String]
        /// Paths that no longer exist, sorted.
        public var removed: [String]
        /// Pages whose views matched the previous update's (not rendered).
        public var reused: Int
        /// Pages whose views were built (every page, unless the edit's reach was known).
        public var considered: Int = 0

        public init(changed: [String], removed: [String], reused: Int, considered: Int = 0) {
            self.changed = changed
            self.removed = removed
            self.reused = reused
            self.considered = considered
        }
    }

    /// What the previous update's graph said about reach.
    struct Reach {
        var structure: [String]
        var backlinks: [PageRef: Set<PageRef>]
        var shows: [PageRef: Set<PageRef>]
        /// Each page's previous and next page (their titles are on it).
        var readingOrder: [PageRef: (previous: PageRef?, next: PageRef?)]
    }

    let theme: Theme
    let options: SiteBuilder.Options
    private var pageCache: [String: (key: Int, bytes: [UInt8])] = [:]
    private var reach: Reach?
    /// Each page's search entry and printable chapter, by path.
    private var searchPieces: [String: SearchIndex.Piece] = [:]
    private var chapterCache: [String: String] = [:]
    private var twinCache: [String: String] = [:]
    /// The site: output path → bytes.
    public private(set) var files: [String: [UInt8]] = [:]

    public init(theme: Theme, options: SiteBuilder.Options) {
        self.theme = theme
        self.options = options
    }

    /// Rebuilds the site from `handbook` (checked; `warnings` show on the overview).
    /// - Parameter changed: the content files (`roles/pm.md`) edited since the
    ///   previous update, when that is all that changed (`HandbookLoader.Result.reparsed`);
    ///   `.unknown` when more may have (assets are then read again too).
    public func update(handbook: Handbook, warnings: [Diagnostic], changed: ChangeSet = .unknown) -> Update {
        update(SiteRelations(handbook), warnings: warnings, changed: changed)
    }

    public func update(_ prepared: SiteRelations, warnings: [Diagnostic], changed: ChangeSet = .unknown) -> Update {
        let handbook = prepared.graph.handbook
        let builder = SiteBuilder(graph: prepared.graph, warnings: warnings, theme: theme, options: options)
        let pages = builder.pages
        let graph = builder.graph
        let structure = builder.views.navigationKey()
        var selected = pages
        var narrowed = false
        if let changed = changed.paths, let previous = reach, previous.structure == structure {
            // The overview, and the list and folder pages, which list titles.
            var affected: Set<PageRef> = [.index]
            affected.formUnion(pages.filter { $0.kind == .list || $0.kind == .folder })
            for path in changed {
                guard let ref = SiteGraph.page(forContentPath: path, tree: graph.pageTree) else { continue }
                affected.insert(ref)
                for links in [previous.backlinks, previous.shows, graph.backlinks, graph.shows] {
                    affected.formUnion(links[ref] ?? [])
                }
                // Its neighbours in the reading order, before and after: their pagers name it.
                for order in [previous.readingOrder, builder.readingOrder] {
                    if let neighbours = order[ref] { affected.formUnion([neighbours.previous, neighbours.next].compactMap { $0 }) }
                }
            }
            selected = pages.filter { affected.contains($0) }
            narrowed = true
        }
        let cache = pageCache
        let rendered = Trace.measure("render \(selected.count) of \(pages.count) pages") { selected.concurrentMap { page -> (path: String, key: Int, bytes: [UInt8]?) in
            let content = builder.content(page)
            var hasher = Hasher()
            hasher.combine(content.template)
            AnySchema.hash(content.view, into: &hasher)
            AnySchema.hash(builder.layout(page, template: content.template, contentHTML: "",
                                          navHTML: builder.navHTML(page, renderer: builder.theme, cached: true)), into: &hasher)
            let key = hasher.finalize()
            if let cached = cache[page.path], cached.key == key { return (page.path, key, nil) }
            return (page.path, key, builder.renderBytes(page))
        } }
        var next = files
        var nextCache = pageCache
        if !narrowed {
            // Everything was considered: start from nothing, so pages that are gone go.
            next = [:]
            nextCache = [:]
        }
        var reused = 0
        for item in rendered {
            let bytes = item.bytes ?? cache[item.path]!.bytes
            if item.bytes == nil { reused += 1 }
            nextCache[item.path] = (item.key, bytes)
            next[item.path] = bytes
        }
        reused += pages.count - selected.count
        // The search index and the printable handbook are made of one piece
        // per page: only the pieces of the pages looked at are made again.
        let search = SearchIndex(graph: graph)
        let printable = PrintableHandbook(builder: builder)
        let looked = narrowed ? selected : pages
        var entries = narrowed ? searchPieces : [:]
        var chapters = narrowed ? chapterCache : [:]
        var twinTexts = narrowed ? twinCache : [:]
        let whole = printable.printsWhole
        let twins = MarkdownTwins(graph: graph, publishing: builder.publishing)
        let made = looked.concurrentMap { page in (search.piece(page), whole && page.entityKind != nil ? printable.chapter(page) : nil, twins.twin(page)) }
        for (page, piece) in zip(looked, made) {
            entries[page.path] = piece.0
            chapters[page.path] = piece.1
            twinTexts[page.path] = piece.2
        }
        let kept = chapters
        let keptTwins = twinTexts
        // The same files as a build makes, from the pieces kept.
        let generated = builder.generatedFiles(pages, searchPieces: pages.compactMap { entries[$0.path] },
                                               chapter: { kept[$0.path] ?? printable.chapter($0) },
                                               twin: { keptTwins[$0.path] ?? twins.twin($0) })
        for file in generated { next[file.path] = file.bytes }
        searchPieces = entries
        chapterCache = chapters
        twinCache = twinTexts
        for asset in builder.themeAssets { next[asset.path] = asset.bytes }
        if !narrowed {
            for asset in handbook.assets.values {
                if let bytes = OutputFolder.read(asset.path) { next[asset.relativePath] = bytes }
            }
        }
        let changedPaths = Set(rendered.filter { $0.bytes != nil && files[$0.path] != $0.bytes }.map(\.path))
            .union(generated.map(\.path).filter { files[$0] != next[$0] })
        let all = !narrowed
            ? next.filter { files[$0.key] != $0.value }.map(\.key)
            : Array(changedPaths)
        let removed = files.keys.filter { next[$0] == nil }.sorted()
        files = next
        pageCache = nextCache
        reach = Reach(structure: structure, backlinks: graph.backlinks, shows: graph.shows, readingOrder: builder.readingOrder)
        return Update(changed: all.sorted(), removed: removed, reused: reused, considered: selected.count)
    }
}
