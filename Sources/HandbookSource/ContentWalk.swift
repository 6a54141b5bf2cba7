import HandbookModel

/// One walk of the content folder: every file and folder, sorted, with what
/// each is for. Hidden names (starting with `.`) are skipped; symlinked
/// folders are never walked (reported); a symlinked file counts only when it
/// resolves inside the content folder. Iterative and depth-capped, so no
/// folder structure can recurse without end.
struct ContentWalk {
    struct Found {
        /// Content-relative path ("roles/pm.md", "pages/ops/On Call.md").
        var relative: String
        var name: String
        /// Folders below the kind folder (1: directly in it).
        var depth: Int
        /// Why the file is refused (a symlink leaving the folder...), or nil.
        var problem: String?
        var isSymlink = false
    }

    /// Markdown files of each kind folder (`pages/` at any depth, SUMMARY.md apart).
    private(set) var markdown: [EntityKind: [Found]] = [:]
    /// mdBook's `SUMMARY.md` files under `pages/`.
    private(set) var summaries: [Found] = []
    /// Kind folders that are symlinks (refused).
    private(set) var symlinkedKindFolders: [EntityKind] = []
    /// Markdown outside the kind folders, by folder ("" for the content folder itself).
    private(set) var stray: [String: [String]] = [:]
    /// Every other file: the assets to publish (or refuse).
    private(set) var assets: [Found] = []
    /// Symlinked folders outside the kind folders (refused, not walked).
    private(set) var symlinkedFolders: [String] = []
    /// Every folder, content-relative.
    private(set) var folders: Set<String> = []

    static let maxDepth = 32

    init(root: String) {
        let realRoot = FileSystem.realPath(root) ?? root
        // `hidden`: under a name starting with '.', walked only in the flat kind
        // folders, whose every Markdown file is reported (never skipped silently).
        var pending: [(path: String, relative: String, depth: Int, hidden: Bool)] = [(root, "", 0, false)]
        while let current = pending.popLast() {
            guard let entries = FileSystem.list(current.path) else { continue }
            var subfolders: [(String, String, Int, Bool)] = []
            let kind = current.relative.isEmpty ? nil : EntityKind(rawValue: String(current.relative.split(separator: "/")[0]))
            let flat = kind != nil && kind != .pages
            for entry in entries where flat || !entry.name.hasPrefix(".") {
                let hidden = current.hidden || entry.name.hasPrefix(".")
                let path = current.path + "/" + entry.name
                let relative = current.relative.isEmpty ? entry.name : current.relative + "/" + entry.name
                if entry.isDirectory {
                    if entry.isSymlink {
                        if current.depth == 0, let kind = EntityKind(rawValue: entry.name) {
                            symlinkedKindFolders.append(kind)
                        } else if let kind {
                            // Inside a kind folder: reported with its Markdown, in its place.
                            markdown[kind, default: []].append(Found(relative: relative + "/", name: entry.name, depth: current.depth,
                                                                     problem: "symlinked folder '\(relative)' is not followed"))
                        } else {
                            symlinkedFolders.append(relative)
                        }
                        continue
                    }
                    if !hidden { folders.insert(relative) }
                    if current.depth < Self.maxDepth { subfolders.append((path, relative, current.depth + 1, hidden)) }
                    continue
                }
                guard entry.isRegularFile || entry.isSymlink else { continue } // sockets, fifos
                if current.depth == 0 && entry.name == "handbook.yaml" { continue }
                let isMarkdown = PagePath.markdownExtension(entry.name) != nil
                guard isMarkdown else {
                    if hidden { continue }
                    assets.append(Found(relative: relative, name: entry.name, depth: current.depth, isSymlink: entry.isSymlink))
                    continue
                }
                var found = Found(relative: relative, name: entry.name, depth: current.depth, isSymlink: entry.isSymlink)
                if entry.isSymlink {
                    if let target = FileSystem.realPath(path) {
                        if !(target == realRoot || target.hasPrefix(realRoot + "/")) {
                            found.problem = "symlink '\(relative)' points outside the content folder"
                        }
                    } else {
                        found.problem = "symlink '\(relative)' does not resolve: its target is missing or it loops"
                    }
                }
                guard let kind else {
                    stray[current.relative, default: []].append(relative)
                    continue
                }
                if kind == .pages, entry.name == PagePath.summaryName, found.problem == nil {
                    summaries.append(found)
                } else {
                    markdown[kind, default: []].append(found)
                }
            }
            pending += subfolders.reversed()
        }
        for kind in Array(markdown.keys) { markdown[kind]!.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) } }
        summaries.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
        assets.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
        symlinkedFolders.sort()
    }
}
