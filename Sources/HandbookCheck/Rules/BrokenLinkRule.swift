import Diagnostics
import HandbookModel

extension RuleID {
    public static let brokenLink = RuleID("broken-link", .error,
        "a relative link to a content file or anchor that does not exist")
}

/// broken-link: a link or image in a body (Markdown or raw HTML) to a file
/// under the content folder that does not exist (a content file, an asset,
/// or a page the site builds), to a `#anchor` the target (or this file) does
/// not have, or out of the content folder. Paths starting with `/` are taken
/// from the content folder. Links with a scheme and network paths (`//host`)
/// are not content links and are left alone.
struct BrokenLinkRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = Set(EntityKind.allCases)

    static let descriptor = RuleDescriptor(
        .brokenLink,
        help: "Point the link at an existing content file (relative path ending in .md) and an existing heading anchor.",
        triggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    ---
                    See 1️⃣[the engineer](../roles/engineer.md) and 2️⃣[the brief](#brief).

                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    ---
                    See [the engineer](../roles/eng.md) and [the brief](#the-brief).

                    ## The brief

                    """,
            ]),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] { check(index, only: nil) }

    /// The links of the documents in `only` (content-relative paths; every
    /// document when nil): the incremental check passes the edited files and
    /// the files that link to them.
    func check(_ index: HandbookIndex, only: Set<String>?) -> [Diagnostic] {
        let handbook = index.handbook
        let documents: [ContentDocument]
        if let only {
            documents = only.sorted().compactMap { file in handbook.body(ofFile: file).map { ContentDocument(kind: $0.kind, file: file, body: $0.body) } }
        } else {
            documents = handbook.bodies.map { ContentDocument(kind: $0.kind, file: $0.file, body: $0.body) }
        }
        // Every document when all are checked; else the others are looked up as links reach them.
        let byPath = only == nil ? Dictionary(uniqueKeysWithValues: documents.map { ($0.relativePath, $0) }) : nil
        var context = Context(handbook: handbook, index: index, byPath: byPath)
        var out: [Diagnostic] = []
        for document in documents where !document.body.links.isEmpty {
            for link in document.body.links {
                if let problem = problem(with: link, from: document, &context) {
                    out.append(diagnostic(problem.message, at: link.location, notes: problem.notes))
                }
            }
        }
        return out
    }

    /// What the rule looks things up in, each built when a link first needs it.
    struct Context {
        let handbook: Handbook
        let index: HandbookIndex
        /// Every document by path, or nil to look each up in the handbook.
        let byPath: [String: ContentDocument]?
        var anchorSets: [String: Set<String>] = [:]
        var folders: [String: [String]]?
        /// Folders of `pages/` that hold a published page (each has an index page).
        let pageFolders: Set<String>

        init(handbook: Handbook, index: HandbookIndex, byPath: [String: ContentDocument]?) {
            self.handbook = handbook
            self.index = index
            self.byPath = byPath
            var folders = Set<String>()
            for id in handbook.pages.keys {
                var folder = PagePath.folder(of: id)
                while true {
                    folders.insert(folder.isEmpty ? "pages" : "pages/" + folder)
                    guard !folder.isEmpty else { break }
                    folder = PagePath.split(folder).folder
                }
            }
            pageFolders = folders
        }

        mutating func anchors(_ path: String) -> Set<String>? {
            if let known = anchorSets[path] { return known }
            let found = byPath.map { $0[path] } ?? handbook.body(ofFile: path).map { ContentDocument(kind: $0.kind, file: path, body: $0.body) }
            guard let document = found else { return nil }
            let set = Set(document.anchors)
            anchorSets[path] = set
            return set
        }

        /// File names per folder (content files and assets), for "did you mean".
        mutating func names(in folder: String) -> [String] {
            if folders == nil {
                var grouped: [String: [String]] = [:]
                for path in Array(handbook.contentFiles.keys) + Array(handbook.assets.keys) {
                    let (folder, name) = BrokenLinkRule.split(path)
                    grouped[folder, default: []].append(name)
                }
                folders = grouped.mapValues { $0.sorted() }
            }
            return folders?[folder] ?? []
        }

        /// A file the site will hold at this content-relative path.
        func exists(_ relative: String) -> Bool {
            if handbook.contentFiles[relative] != nil || handbook.assets[relative] != nil || handbook.refusedAssets.contains(relative) { return true }
            // A page the site builds, linked by its address.
            if SiteLayout.generatedFiles.contains(relative) { return true }
            let (folder, name) = BrokenLinkRule.split(relative)
            guard name.hasSuffix(".html") else { return false }
            if relative.hasPrefix("pages/") {
                let id = String(relative.dropFirst("pages/".count).dropLast(5))
                return handbook.pages[id] != nil || (PagePath.isFolderPage(id) && pageFolders.contains(folder))
            }
            guard let kind = EntityKind(rawValue: folder) else { return false }
            let id = String(name.dropLast(5))
            if handbook.exists(id, kind) { return true }
            return kind == .contexts && handbook.referencedContexts.contains(id)
        }

        /// The content file whose anchors a link to `relative` lands on: the
        /// file itself, or a page folder's own page.
        func document(at relative: String) -> String {
            let folder = relative.hasSuffix("/") ? String(relative.dropLast()) : relative
            guard pageFolders.contains(folder) else { return relative }
            let id = PagePath.indexID(of: folder == "pages" ? "" : String(folder.dropFirst("pages/".count)))
            return handbook.pages[id]?.file ?? relative
        }
    }

    func problem(with link: Body.Link, from document: ContentDocument, _ context: inout Context) -> (message: String, notes: [Diagnostic.Note])? {
        guard let target = link.target else { return nil }
        let quoted = "'\(link.destination)'"
        if target.path.isEmpty {
            guard let fragment = target.fragment, let anchors = context.anchors(document.relativePath), !Self.has(fragment, in: anchors) else { return nil }
            return ("link \(quoted) names no heading in this file", anchorNotes(fragment, document.anchors))
        }
        guard let relative = link.resolved else {
            return ("link \(quoted) leaves the handbook folder", [])
        }
        if context.handbook.drafts.contains(relative) {
            return ("link \(quoted) names a draft: '\(relative)' has draft: true, so it is not published", [])
        }
        let folder = relative.hasSuffix("/") ? String(relative.dropLast()) : relative
        if target.path.hasSuffix("/") || context.handbook.files.folders.contains(folder) {
            if context.pageFolders.contains(folder) || context.handbook.assets[folder + "/index.html"] != nil {
                return fragmentProblem(link, target, quoted, in: context.document(at: relative), &context)
            }
            return ("link \(quoted) names a folder: the site has no page for '\(folder)/'", [])
        }
        guard context.exists(relative) else {
            var notes: [Diagnostic.Note] = []
            // Compare names within the same folder, not whole paths.
            let (folder, name) = Self.split(relative)
            let prefix = folder.isEmpty ? "" : folder + "/"
            let siblings = context.names(in: folder)
            if context.handbook.files.paths.contains(relative), PagePath.markdownExtension(name) != nil {
                return ("link \(quoted) names '\(relative)', which is not read: only the kind folders and pages/ are", [])
            }
            if let moved = Self.renamedTarget(relative, in: context.handbook) {
                notes.append(.init("renamed to '\(moved)' (aliases)"))
            } else if name.hasSuffix(".md"), let close = Suggestion.closest(to: String(name.dropLast(3)), among: siblings.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }) {
                notes.append(.init("did you mean '\(prefix)\(close).md'?"))
            } else if !name.hasSuffix(".md"), let close = Suggestion.closest(to: name, among: siblings) {
                notes.append(.init("did you mean '\(prefix)\(close)'?"))
            } else if context.handbook.contentFiles[relative + ".md"] != nil {
                notes.append(.init("did you mean '\(prefix)\(name).md'?"))
            }
            let what = target.isMarkdown ? "content file" : "file"
            return ("link \(quoted) names no \(what): '\(relative)' does not exist", notes)
        }
        guard PagePath.markdownExtension(PagePath.split(relative).name) != nil else { return nil }
        return fragmentProblem(link, target, quoted, in: relative, &context)
    }

    /// A fragment the target does not have (letter case aside, as on GitHub).
    func fragmentProblem(_ link: Body.Link, _ target: ContentLink, _ quoted: String, in relative: String, _ context: inout Context)
        -> (message: String, notes: [Diagnostic.Note])? {
        guard let fragment = target.fragment, !fragment.isEmpty else { return nil }
        guard let targetAnchors = context.anchors(relative) else { return nil } // unreadable, or no body: reported already
        if Self.has(fragment, in: targetAnchors) { return nil }
        return ("link \(quoted) names no heading in '\(relative)'", anchorNotes(fragment, targetAnchors.sorted()))
    }

    /// The anchor is there, or one that differs only in letter case (GitHub
    /// resolves `#Requirements` to `#requirements`; the site writes the latter).
    static func has(_ fragment: String, in anchors: Set<String>) -> Bool {
        AnchorCase.match(fragment, in: anchors) != nil
    }

    /// The content file a link to a former address now means (`roles/pm.md`
    /// when pm lists the linked id in its aliases).
    static func renamedTarget(_ relative: String, in handbook: Handbook) -> String? {
        let (folder, name) = split(relative)
        guard let ext = PagePath.markdownExtension(name) ?? (name.hasSuffix(".html") ? ".html" : nil) else { return nil }
        let stem = String(name.dropLast(ext.count))
        if relative.hasPrefix("pages/") {
            let former = String((folder == "pages" ? stem : folder.dropFirst("pages/".count) + "/" + stem))
            guard let id = handbook.renamed(former, .pages) else { return nil }
            return handbook.sourcePath(.pages, id)
        }
        guard let kind = EntityKind(rawValue: folder), let id = handbook.renamed(stem, kind) else { return nil }
        return handbook.sourcePath(kind, id)
    }

    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    func anchorNotes(_ fragment: String, _ anchors: [String]) -> [Diagnostic.Note] {
        Suggestion.notes(for: fragment, among: anchors) { "#" + $0 }
    }
}

/// A body's owner, for link resolution: its content-relative path and the
/// anchors its page will have.
struct ContentDocument {
    let relativePath: String
    let body: Body
    let kind: EntityKind

    init(kind: EntityKind, file: String, body: Body) {
        relativePath = file
        self.body = body
        self.kind = kind
    }

    var anchors: [String] { body.anchors + kind.sectionAnchors }
}
