/// Where a page of `pages/` lives: its id is its address without `.html`,
/// mirroring its path (FORMAT.md, *Pages*). `pages/ops/On Call.md` is the
/// page `ops/On Call` (`pages/ops/On Call.html`); a folder's `README.md`
/// (any letter case), `index.md` or `_index.md` is the folder's page,
/// `ops/index` (`pages/ops/index.html`). `.markdown` reads like `.md`.
public enum PagePath {
    /// File endings read as Markdown pages.
    public static let extensions = [".md", ".markdown"]

    /// mdBook's table of contents: orders the pages it lists, is no page.
    public static let summaryName = "SUMMARY.md"

    /// The Markdown extension of a file name, if it has one.
    public static func markdownExtension(_ name: String) -> String? {
        extensions.first { name.hasSuffix($0) && name.count > $0.count }
    }

    /// A folder's own page: README.md (any case), index.md, _index.md.
    public static func isIndex(_ name: String) -> Bool {
        // README.md ... _index.markdown: 8 to 15 bytes (most names are longer or shorter).
        guard (8...15).contains(name.utf8.count), let ext = markdownExtension(name) else { return false }
        let stem = name.dropLast(ext.count)
        return stem.lowercased() == "readme" || stem == "index" || stem == "_index"
    }

    /// `pages/ops/README.md` → `ops/index`; `pages/ops/On Call.md` → `ops/On Call`;
    /// nil for a path outside `pages/` or not Markdown.
    public static func id(forSource path: String) -> String? {
        guard path.hasPrefix("pages/") else { return nil }
        let relative = path.dropFirst("pages/".count)
        let (folder, name) = split(String(relative))
        guard let ext = markdownExtension(name) else { return nil }
        let stem = isIndex(name) ? "index" : String(name.dropLast(ext.count))
        return folder.isEmpty ? stem : folder + "/" + stem
    }

    /// The folder a page sits in ("" for `pages/` itself): `ops/On Call` and
    /// `ops/index` are in `ops`.
    public static func folder(of id: String) -> String { split(id).folder }

    /// The page is its folder's own page (`ops/index`, `index`).
    public static func isFolderPage(_ id: String) -> Bool { split(id).name == "index" }

    /// A folder's page id: `ops` → `ops/index`, "" → `index`.
    public static func indexID(of folder: String) -> String { folder.isEmpty ? "index" : folder + "/index" }

    /// "a/b/c" → ("a/b", "c"); "c" → ("", "c").
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// Why a file under `pages/` cannot be a page, or nil: a path segment
    /// starting with `.` is hidden (never read), and a control character
    /// cannot stand in a file the site writes.
    public static func problem(_ relative: String) -> String? {
        if relative.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "a page's file name may not hold control characters"
        }
        if relative.contains("\\") { return "a page's path may not hold a backslash" }
        return nil
    }

    /// Why a page's alias cannot be an address, or nil. An alias is a former
    /// page path without `.md` (`ops/Old Name`) or a site path starting with
    /// `/` (`/guide`, `/old/page.html`), as Hugo writes them.
    public static func aliasProblem(_ alias: String) -> String? {
        var path = alias.hasPrefix("/") ? String(alias.dropFirst()) : alias
        while path.hasSuffix("/") { path.removeLast() }
        if path.isEmpty { return "it names the site's root" }
        if let problem = problem(path) { return problem }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.hasPrefix(".") }) {
            return "its path has an empty, '.', '..' or hidden segment"
        }
        return nil
    }

    /// Where a page's alias is written in the site: a former page path
    /// `ops/Old` at `pages/ops/Old.html`; a site path `/guide` at
    /// `guide/index.html`, `/guide.html` at `guide.html`.
    public static func aliasAddress(_ alias: String) -> String {
        guard alias.hasPrefix("/") else { return "pages/" + alias + ".html" }
        var path = String(alias.dropFirst())
        while path.hasSuffix("/") { path.removeLast() }
        return path.hasSuffix(".html") || path.hasSuffix(".htm") ? path : path + "/index.html"
    }
}
