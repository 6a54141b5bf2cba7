/// Every address the built site can hold, in one place: the pages of each
/// kind, the files the site generates at its root, the list pages, the
/// folders the pages live in. The asset walk refuses a content file at one
/// of these addresses, the link rule accepts a link to one, and the theme
/// may not ship a file at one (FORMAT.md: page addresses are the contract).
public enum SiteLayout {
    /// The overview.
    public static let overview = "index.html"
    /// The heatmap on its own.
    public static let heatmap = "heatmap.svg"
    /// The whole handbook on one page, to print.
    public static let printable = "handbook.html"
    /// The search index the theme's search.js reads.
    public static let searchIndex = "search-index.js"
    /// The marker a built folder carries (so a rebuild knows it made it).
    public static let marker = ".handoff-site"
    /// The page a host shows for a missing address.
    public static let notFound = "404.html"
    /// With `url`: every page's absolute address, and the file naming it.
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"
    /// Tells GitHub Pages not to run Jekyll (which drops `_`-folders).
    public static let noJekyll = ".nojekyll"
    /// The full text of the pages, in shards the search loads when first used.
    public static let searchFolder = "search"
    public static func searchShard(_ number: Int) -> String { searchFolder + "/text-\(number).js" }
    /// The words of the way of working, explained.
    public static let glossary = "glossary.html"
    /// The theme's icon (a theme may ship its own).
    public static let favicon = "favicon.svg"
    /// For agents: the site's map (llms.txt) and every page's Markdown in one file.
    public static let llms = "llms.txt"
    public static let llmsFull = "llms-full.txt"
    /// A skill per role: `agents/<role-id>/SKILL.md`.
    public static let agentsFolder = "agents"
    public static func skill(_ role: String) -> String { agentsFolder + "/" + role + "/SKILL.md" }
    /// A page's Markdown twin, beside it: `roles/pm.md` for `roles/pm.html`.
    public static func twin(of path: String) -> String {
        path.hasSuffix(".html") ? String(path.dropLast(5)) + ".md" : path + ".md"
    }

    /// The kinds that get a list page past 100 of them (`roles.html`).
    public static let listKinds = ["roles", "contracts", "contexts", "pages", "objects"]

    /// A list page's address.
    public static func list(_ kind: String) -> String { kind + ".html" }

    /// Files the site writes at its root, whatever the handbook holds.
    public static let generatedFiles: [String] = [overview, heatmap, printable, searchIndex, notFound, sitemap, robots, noJekyll, glossary, llms, llmsFull]

    /// Every root address the site may write besides the theme's own files.
    public static var rootAddresses: Set<String> { Set(generatedFiles + listKinds.map(list) + [marker]) }

    /// The folders pages of each kind live in (`roles/`, `pages/`...).
    public static var pageFolders: Set<String> { Set(EntityKind.allCases.map(\.rawValue) + [searchFolder, agentsFolder]) }

    /// A content entity's page: `roles/pm.html`; a page of the tree: `pages/ops/On Call.html`.
    public static func page(_ kind: EntityKind, _ id: String) -> String { kind.rawValue + "/" + id + ".html" }

    /// Whether an address at the root belongs to the site (an asset or a
    /// theme file there would replace what the site builds).
    public static func isReserved(root name: String) -> Bool {
        rootAddresses.contains(name) || pageFolders.contains(name)
    }
}

/// Which content files changed since the last load (the live preview's
/// watcher): `unknown` means look at everything.
public enum ChangeSet: Sendable, Equatable {
    case unknown
    /// Content-relative paths (`roles/pm.md`).
    case files(Set<String>)

    public static let none = ChangeSet.files([])

    public var paths: Set<String>? {
        if case let .files(paths) = self { return paths }
        return nil
    }

    /// Both changes together (unknown wins).
    public func union(_ other: ChangeSet) -> ChangeSet {
        guard let mine = paths, let theirs = other.paths else { return .unknown }
        return .files(mine.union(theirs))
    }
}
