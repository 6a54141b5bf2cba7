import Diagnostics
import Foundation
import HandbookModel
import Markup
import Templates

/// A site kept in memory and rebuilt from a changed handbook (the live
/// preview's library call). Each page's bytes are a pure function of its
/// view models (its own and the layout's), so a page whose views hash as
/// before is not rendered again; `update` returns the paths whose bytes changed.
///
/// Every page's view models are still built on each update (they are what
/// is compared); only template rendering is saved.
public final class IncrementalSite: @unchecked Sendable {
    public struct Update: Sendable, Equatable {
        /// Paths whose bytes are new or changed, sorted.
        public var changed: [String]
        /// Paths that no longer exist, sorted.
        public var removed: [String]
        /// Pages whose views matched the previous update's (not rendered).
        public var reused: Int
    }

    let theme: Theme
    let options: SiteBuilder.Options
    private var pageCache: [String: (key: Int, bytes: [UInt8])] = [:]
    /// The site: output path → bytes.
    public private(set) var files: [String: [UInt8]] = [:]

    public init(theme: Theme, options: SiteBuilder.Options) {
        self.theme = theme
        self.options = options
    }

    /// Rebuilds the site from `handbook` (checked; `warnings` show on the overview).
    public func update(handbook: Handbook, warnings: [Diagnostic]) -> Update {
        let builder = SiteBuilder(handbook: handbook, warnings: warnings, theme: theme, options: options)
        let pages = builder.pages
        let cache = pageCache
        let rendered = pages.concurrentMap { page -> (path: String, key: Int, bytes: [UInt8]?) in
            let content = builder.content(page)
            var hasher = Hasher()
            hasher.combine(content.template)
            AnySchema.hash(content.view, into: &hasher)
            AnySchema.hash(builder.layout(page, template: content.template, contentHTML: "",
                                          navHTML: builder.navHTML(page, renderer: builder.theme, cached: true)), into: &hasher)
            let key = hasher.finalize()
            if let cached = cache[page.path], cached.key == key { return (page.path, key, nil) }
            return (page.path, key, builder.renderBytes(page))
        }
        var next: [String: [UInt8]] = [:]
        var nextCache: [String: (key: Int, bytes: [UInt8])] = [:]
        var reused = 0
        for item in rendered {
            let bytes = item.bytes ?? cache[item.path]!.bytes
            if item.bytes == nil { reused += 1 }
            nextCache[item.path] = (item.key, bytes)
            next[item.path] = bytes
        }
        next["heatmap.svg"] = Array(HeatmapSVG(graph: builder.graph, page: .index).render(standalone: true).utf8)
        let content = handbook.assets
        for asset in theme.assets where content[asset.name] == nil { next[asset.name] = asset.bytes }
        for asset in content.values {
            if let bytes = OutputFolder.read(asset.path) { next[asset.relativePath] = bytes }
        }
        let changed = next.filter { files[$0.key] != $0.value }.map(\.key).sorted()
        let removed = files.keys.filter { next[$0] == nil }.sorted()
        files = next
        pageCache = nextCache
        return Update(changed: changed, removed: removed, reused: reused)
    }
}
