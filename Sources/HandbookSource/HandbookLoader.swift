import Diagnostics
import HandbookModel
import Markup

/// Finds a handbook's files and loads them into a `Handbook`, collecting
/// every diagnostic. Content problems never throw; a folder that is not a
/// handbook does (the CLI exits 2).
public enum HandbookLoader {
    public enum Failure: Error, CustomStringConvertible {
        case notAFolder(String)
        case notAHandbook(String)

        public var description: String {
            switch self {
            case let .notAFolder(path): "'\(path)' is not a folder"
            case let .notAHandbook(path): "'\(path)' is not a handbook: it has no handbook.yaml"
            }
        }
    }

    public struct Result: Sendable {
        public var handbook: Handbook
        public var diagnostics: [Diagnostic]
        /// With a cache: the content files (`roles/pm.md`) parsed again
        /// because they changed since the cache's previous load, when that is
        /// all that changed; nil when more may have (the first load, a file
        /// added or removed, `handbook.yaml` or an asset changed).
        public var reparsed: ChangeSet = .unknown
    }

    /// - Parameters:
    ///   - path: the content folder on disk.
    ///   - displayRoot: how the folder is named in errors ("content"); the
    ///     diagnostics' paths are relative to it (`DiagnosticReport` shows them under it).
    ///   - limits: size and complexity limits (`--limit`).
    ///   - renderHTML: keep each body's page HTML (`build`): one parse a body.
    ///   - cache: parsed files from an earlier load (the live preview): a file
    ///     whose size, modification time and inode are unchanged is not read again.
    ///   - changes: with a cache, the content files (`roles/pm.md`) that
    ///     changed since its previous load, as a file watcher reports them.
    ///     When they are only existing content files edited in place, only
    ///     those are read: the folders are not listed again.
    public static func load(path: String, displayRoot: String, limits: LoadLimits = LoadLimits(), renderHTML: Bool = false,
                            cache: LoadCache? = nil, changes: ChangeSet = .unknown) throws -> Result {
        guard FileSystem.kind(of: path) == .directory, let realRoot = FileSystem.realPath(path) else { throw Failure.notAFolder(displayRoot) }
        guard FileSystem.kind(of: path + "/handbook.yaml") == .regularFile else { throw Failure.notAHandbook(displayRoot) }
        if let cache, let changed = changes.paths,
           let result = cache.reload(path: path, limits: limits, renderHTML: renderHTML, changed: Set(changed.map { path + "/" + $0 })) {
            return result
        }
        cache?.forget()
        let display = { (relative: String) in relative }

        var handbook = Handbook(root: displayRoot)
        let settings = loadSettings(path: path, realRoot: realRoot, file: display("handbook.yaml"), limits: limits)
        var diagnostics = settings.diagnostics
        guard !settings.refused else {
            return Result(handbook: Handbook(root: displayRoot, fileCount: 1), diagnostics: diagnostics)
        }
        handbook.settings = settings.settings

        // One walk of the folder: the content files, the assets, every folder.
        let walk = Trace.measure("walk") { ContentWalk(root: path) }
        var plan = Plan(options: .init(limits: limits, rawHTML: handbook.settings?.rawHTML == .drop ? .drop : .sanitize, renderHTML: renderHTML))
        for kind in walk.symlinkedKindFolders { plan.refuseSymlinkedFolder(kind, display: display) }
        for kind in EntityKind.allCases where !walk.symlinkedKindFolders.contains(kind) {
            plan.add(kind, found: walk.markdown[kind] ?? [], path: path, display: display)
        }
        plan.reportStray(walk.stray, display: display)
        var withAssets = handbook
        var assetDiagnostics: [Diagnostic] = []
        Trace.measure("assets") {
            AssetWalk.collect(walk, root: path, realRoot: realRoot, pages: plan.pageAddresses, display: display, limits: limits,
                              into: &withAssets, diagnostics: &assetDiagnostics)
        }
        plan.files = ContentFiles(paths: Set(walk.markdown.values.joined().map(\.relative)).union(walk.summaries.map(\.relative))
                                    .union(walk.stray.values.joined()).union(walk.assets.map(\.relative)),
                                  folders: walk.folders)
        diagnostics += plan.diagnostics
        handbook.fileCount = 1 + plan.fileCount
        handbook.contentFiles = plan.contentFiles
        handbook.unreadable = plan.unreadable
        handbook.hasObjectsFolder = walk.folders.contains(EntityKind.objects.rawValue)

        // Parse in parallel; merge in job order so the result is deterministic.
        // A stray (a file under a name that is no id) is read for its own
        // problems, so errors arrive in one round, but never joins the handbook.
        let all = plan.jobs + plan.strays
        let stampOptions = LoadCache.options(limits: limits, renderHTML: renderHTML, rawHTML: plan.options.rawHTML)
        let files = plan.files
        let fileSet = cache == nil ? 0 : files.hashValue
        let outcomes = Trace.measure("parse \(plan.jobs.count) files") {
            all.concurrentMap { job in cache?.outcome(for: job, options: stampOptions, files: files, fileSet: fileSet) ?? load(job, files: files) }
        }
        Trace.measure("merge") { merge(all, outcomes, into: &handbook, diagnostics: &diagnostics) }
        handbook.files = files
        handbook.assets = withAssets.assets
        handbook.refusedAssets = withAssets.refusedAssets
        finishPages(&handbook, summaries: walk.summaries, path: path, limits: limits)
        if Trace.enabled {
            let bodies = handbook.bodies
            Trace.measure("raw HTML in \(bodies.filter { $0.body.rawHTMLPieces > 0 }.count) of \(bodies.count) bodies") {}
        }
        let result = Result(handbook: handbook, diagnostics: diagnostics + assetDiagnostics)
        cache?.remember(LoadCache.Last(path: path, options: stampOptions, settingsDiagnostics: settings.diagnostics, merged: handbook, plan: plan,
                                      outcomes: outcomes, assets: withAssets.assets, refusedAssets: withAssets.refusedAssets,
                                      assetDiagnostics: assetDiagnostics))
        return result
    }

    /// Pages after merging: a title for those without one, drafts taken out
    /// (remembered, so links to them say so), SUMMARY.md's order.
    static func finishPages(_ handbook: inout Handbook, summaries: [ContentWalk.Found], path: String, limits: LoadLimits) {
        applyPageRules(&handbook)
        summaryOrder(&handbook, summaries: summaries, path: path, limits: limits)
    }

    /// Drafts out of the pages, titles for pages without one.
    static func applyPageRules(_ handbook: inout Handbook) {
        for id in Array(handbook.pages.keys) {
            var page = handbook.pages[id]!
            if page.draft {
                handbook.pages[id] = nil
                handbook.drafts.insert(page.file)
                continue
            }
            handbook.drafts.remove(page.file)
            if page.name.isEmpty {
                if let title = page.body.title, !title.isEmpty {
                    page.name = title
                    page.titleFromBody = true
                } else {
                    page.name = Page.fallbackTitle(id: id)
                }
                handbook.pages[id] = page
            }
        }
    }

    static func summaryOrder(_ handbook: inout Handbook, summaries: [ContentWalk.Found], path: String, limits: LoadLimits) {
        var position = 0
        for summary in summaries {
            guard case let .success(bytes) = FileSystem.read(path + "/" + summary.relative, limit: limits.fileBytes) else { continue }
            var text = SourceText.lossy(bytes)
            if case let .success(split) = FrontMatter.split(text) { text = split.body }
            guard MarkdownGuard.check(text, limits: limits.markdown) == nil else { continue }
            for link in MarkdownScan(text).links {
                guard let target = ContentLink(link.destination), !target.path.isEmpty,
                      let resolved = handbook.files.resolve(target, from: summary.relative),
                      let id = PagePath.id(forSource: resolved), handbook.pages[id] != nil, handbook.summaryOrder[id] == nil else { continue }
                handbook.summaryOrder[id] = position
                position += 1
            }
        }
    }

    /// Adds the parsed files to the handbook in job order (deterministic).
    static func merge(_ jobs: [Job], _ outcomes: [Outcome], into handbook: inout Handbook, diagnostics: inout [Diagnostic]) {
        for (job, outcome) in zip(jobs, outcomes) {
            diagnostics += outcome.diagnostics
            guard job.joins else { continue }
            if let entity = outcome.entity {
                handbook.add(entity)
            } else {
                handbook.unreadable[job.kind, default: []].insert(job.id)
            }
        }
    }

    /// handbook.yaml: its settings, or `refused` when it is a symlink out of the folder.
    static func loadSettings(path: String, realRoot: String, file: String, limits: LoadLimits)
        -> (settings: Settings?, diagnostics: [Diagnostic], refused: Bool) {
        let log = DiagnosticLog(file: file)
        if leavesRoot(path + "/handbook.yaml", root: realRoot, file: file, log: log) { return (nil, log.items, true) }
        var settings: Settings?
        if let text = SourceFileLoader.text(path: path + "/handbook.yaml", file: file, limits: limits, log: log),
           let root = SourceFileLoader.compose(text, lineOffset: 0, file: file, log: log) {
            settings = SettingsDecoder.decode(file: file, root: root, log: log)
        }
        return (settings, log.items, false)
    }

    /// What the kind folders hold: the files to parse, and what the listing
    /// itself reports (symlinks, subfolders, names that are no ids).
    struct Plan {
        struct Options {
            var limits: LoadLimits
            var rawHTML: RawHTMLPolicy
            var renderHTML: Bool
        }

        let options: Options
        var jobs: [Job] = []
        var strays: [Job] = []
        var fileCount = 0
        var contentFiles: [String: String] = [:]
        var unreadable: [EntityKind: Set<String>] = [:]
        var diagnostics: [Diagnostic] = []
        /// Every page's address (`pages/ops/index.html`), folder pages included.
        var pageAddresses: Set<String> = []
        var files = ContentFiles()

        init(options: Options) { self.options = options }

        mutating func refuseSymlinkedFolder(_ kind: EntityKind, display: (String) -> String) {
            diagnostics.append(Diagnostic(.unsafeInput, "'\(kind.rawValue)' is a symlink: content folders are read only where they are",
                                          at: .start(of: display(kind.rawValue))))
        }

        /// One `stray-markdown` warning per folder outside the kind folders
        /// that holds Markdown (the content folder's own README aside).
        mutating func reportStray(_ stray: [String: [String]], display: (String) -> String) {
            for folder in stray.keys.sorted() {
                // The content folder's own README (what the folder is, for GitHub readers) is expected there.
                let files = stray[folder]!.filter { folder != "" || PagePath.split($0).name.lowercased() != "readme.md" }
                guard let first = files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).first else { continue }
                let name = folder.isEmpty ? "the content folder" : "'\(folder)/'"
                diagnostics.append(Diagnostic(.strayMarkdown,
                    "\(name) holds \(counted(files.count, "Markdown file")) that \(files.count == 1 ? "is" : "are") not read: pages go under pages/",
                    at: .start(of: display(first)),
                    notes: [.init(folder.isEmpty ? "move \(files.count == 1 ? "it" : "them") into pages/ (content/pages/)"
                                  : "move the folder into pages/ (content/pages/\(folder)/) to publish \(files.count == 1 ? "it" : "them") as pages")]))
            }
        }

        mutating func add(_ kind: EntityKind, found: [ContentWalk.Found], path: String, display: (String) -> String) {
            var pageSources: [String: String] = [:]
            for found in found {
                fileCount += 1
                let file = display(found.relative)
                if let problem = found.problem {
                    diagnostics.append(Diagnostic(.unsafeInput, problem, at: .start(of: file)))
                    if kind != .pages, found.name.hasSuffix(".md"), found.depth == 1, EntityID.isValid(String(found.name.dropLast(3))) {
                        unreadable[kind, default: []].insert(String(found.name.dropLast(3)))
                        contentFiles[found.relative] = file
                    }
                    continue
                }
                if kind == .pages {
                    addPage(found, file: file, path: path, sources: &pageSources)
                    continue
                }
                let ext = PagePath.markdownExtension(found.name) ?? ".md"
                let id = String(found.name.dropLast(ext.count))
                var job = Job(kind: kind, id: id, path: path + "/" + found.relative, file: file, limits: options.limits,
                              rawHTML: options.rawHTML, renderHTML: options.renderHTML)
                if found.depth > 1 {
                    diagnostics.append(Diagnostic(.invalidID, "'\(found.relative)' is in a subfolder: ids are flat, so content files sit directly in '\(kind.rawValue)/'",
                                                  at: .start(of: file)))
                    job.joins = false
                    strays.append(job)
                    continue
                }
                if ext != ".md" {
                    diagnostics.append(Diagnostic(.invalidID, "file name '\(found.name.displayEscaped)' ends in '\(ext)': content files end in '.md'",
                                                  at: .start(of: file), notes: [.init("rename it to '\(id).md'")]))
                    job.joins = false
                    strays.append(job)
                    continue
                }
                guard EntityID.isValid(id) else {
                    let log = DiagnosticLog(file: file)
                    Fields.reportInvalidID(id, at: .start(of: file), log: log)
                    var items = log.items
                    items[0].message = "file name '\(found.name.displayEscaped)' is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters"
                    diagnostics += items
                    job.joins = false
                    strays.append(job)
                    continue
                }
                contentFiles[found.relative] = file
                jobs.append(job)
            }
        }

        /// A page of the tree: its id mirrors its path; a folder's README,
        /// index or _index is the folder's page; a second file for the same
        /// address is `invalid-id`.
        mutating func addPage(_ found: ContentWalk.Found, file: String, path: String, sources: inout [String: String]) {
            let inPages = String(found.relative.dropFirst("pages/".count))
            var job = Job(kind: .pages, id: "", path: path + "/" + found.relative, file: file, limits: options.limits,
                          rawHTML: options.rawHTML, renderHTML: options.renderHTML)
            if let problem = PagePath.problem(inPages) {
                diagnostics.append(Diagnostic(.invalidID, "'\(found.relative.displayEscaped)' cannot be a page: \(problem)", at: .start(of: file)))
                job.joins = false
                strays.append(job)
                return
            }
            guard let id = PagePath.id(forSource: found.relative) else { return }
            if let first = sources[id] {
                let folder = PagePath.folder(of: id)
                let what = PagePath.isFolderPage(id) ? "a second page for the folder 'pages/\(folder.isEmpty ? "" : folder + "/")'"
                    : "a second file for the page 'pages/\(id).html'"
                diagnostics.append(Diagnostic(.invalidID, "'\(found.relative)' is \(what)", at: .start(of: file),
                                              notes: [.init("'\(first)' is that page", at: .start(of: first))]))
                job.joins = false
                strays.append(job)
                return
            }
            sources[id] = file
            job.id = id
            contentFiles[found.relative] = file
            pageAddresses.insert("pages/" + id + ".html")
            jobs.append(job)
        }
    }

    struct Job: Sendable {
        var kind: EntityKind
        var id: String
        var path: String
        var file: String
        var limits: LoadLimits
        var rawHTML: RawHTMLPolicy = .sanitize
        var renderHTML = false
        /// False for a file under a name that is no id: read, never added.
        var joins = true
    }

    enum Entity: Sendable {
        case stage(Stage), role(Role), context(ContextDoc), contract(Contract), page(Page), object(GovernedObject)
    }


    struct Outcome: Sendable {
        var entity: Entity?
        var diagnostics: [Diagnostic]

        /// The entity's body was rendered with links whose form depends on which files exist.
        var dependsOnFiles: Bool {
            switch entity {
            case let .stage(x)?: x.body.dependsOnFiles
            case let .role(x)?: x.body.dependsOnFiles
            case let .context(x)?: x.body.dependsOnFiles
            case let .contract(x)?: x.body.dependsOnFiles
            case let .page(x)?: x.body.dependsOnFiles
            case let .object(x)?: x.body.dependsOnFiles
            case nil: false
            }
        }
    }

    static func load(_ job: Job, files: ContentFiles) -> Outcome {
        decode(FileSystem.read(job.path, limit: job.limits.fileBytes), job: job, files: files)
    }

    /// Loads one content file from bytes, as the loader would from disk
    /// (for fuzzing and tools): the entity, or nil when it cannot be read.
    public static func loadFile(_ bytes: [UInt8], kind: EntityKind, id: String, file: String, limits: LoadLimits = LoadLimits())
        -> (handbook: Handbook, diagnostics: [Diagnostic]) {
        let read: Swift.Result<[UInt8], FileSystem.ReadError> = bytes.count > limits.fileBytes ? .failure(.tooLarge(bytes.count)) : .success(bytes)
        let outcome = decode(read, job: Job(kind: kind, id: id, path: "", file: file, limits: limits), files: ContentFiles())
        var handbook = Handbook(root: "content", fileCount: 1)
        if let entity = outcome.entity {
            handbook.add(entity)
        } else {
            handbook.unreadable[kind, default: []].insert(id)
        }
        handbook.contentFiles[kind.path(of: id)] = file
        return (handbook, outcome.diagnostics)
    }

    /// Loads handbook.yaml from bytes.
    public static func loadSettings(_ bytes: [UInt8], file: String, limits: LoadLimits = LoadLimits()) -> (settings: Settings?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog(file: file)
        guard let text = SourceFileLoader.text(.success(bytes), file: file, limits: limits, log: log),
              let root = SourceFileLoader.compose(text, lineOffset: 0, file: file, log: log) else { return (nil, log.items) }
        return (SettingsDecoder.decode(file: file, root: root, log: log), log.items)
    }

    static func decode(_ read: Swift.Result<[UInt8], FileSystem.ReadError>, job: Job, files: ContentFiles) -> Outcome {
        let log = DiagnosticLog(file: job.file)
        let options = SourceFileLoader.BodyOptions(reserved: job.kind.reservedIDs, rawHTML: job.rawHTML, renderHTML: job.renderHTML,
                                                   isPage: job.kind == .pages, files: files)
        guard let parsed = SourceFileLoader.markdownFile(read, file: job.file, limits: job.limits, options: options, log: log) else {
            return Outcome(entity: nil, diagnostics: log.items)
        }
        let entity: Entity?
        switch job.kind {
        case .stages:
            entity = StageDecoder.decode(id: job.id, file: job.file, root: parsed.root, body: parsed.body, log: log).map(Entity.stage)
        case .roles:
            entity = RoleDecoder.decode(id: job.id, file: job.file, root: parsed.root, body: parsed.body, log: log).map(Entity.role)
        case .contexts:
            entity = ContextDocDecoder.decode(id: job.id, file: job.file, root: parsed.root, body: parsed.body, log: log).map(Entity.context)
        case .contracts:
            entity = ContractDecoder.decode(id: job.id, file: job.file, root: parsed.root, body: parsed.body, log: log).map(Entity.contract)
        case .pages:
            entity = PageDecoder.decode(id: job.id, file: job.file, root: parsed.root, body: parsed.body, log: log).map(Entity.page)
        case .objects:
            entity = ObjectDecoder.decode(id: job.id, file: job.file, root: parsed.root, body: parsed.body, log: log).map(Entity.object)
        }
        return Outcome(entity: entity, diagnostics: log.items)
    }

    /// Reports a symlinked file that resolves outside `root` (or nowhere).
    static func leavesRoot(_ path: String, root: String, file: String, log: DiagnosticLog) -> Bool {
        guard FileSystem.isSymlink(path) else { return false }
        guard let target = FileSystem.realPath(path) else {
            log.add(.unsafeInput, "symlink does not resolve: its target is missing or it loops", at: .start(of: file))
            return true
        }
        guard target.hasPrefix(root + "/") else {
            log.add(.unsafeInput, "symlink points outside the content folder", at: .start(of: file))
            return true
        }
        return false
    }
}

extension Handbook {
    /// Takes the entity of a kind and id out (the file is loaded again).
    mutating func remove(_ kind: EntityKind, _ id: String) {
        switch kind {
        case .stages: stages[id] = nil
        case .roles: roles[id] = nil
        case .contexts: contexts[id] = nil
        case .contracts: contracts[id] = nil
        case .pages: pages[id] = nil
        case .objects: objects[id] = nil
        }
    }

    /// Files a loaded entity under its kind and id.
    mutating func add(_ entity: HandbookLoader.Entity) {
        switch entity {
        case let .stage(stage): stages[stage.id] = stage
        case let .role(role): roles[role.id] = role
        case let .context(context): contexts[context.id] = context
        case let .contract(contract): contracts[contract.id] = contract
        case let .page(page): pages[page.id] = page
        case let .object(object): objects[object.id] = object
        }
    }
}

