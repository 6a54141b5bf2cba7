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
}
