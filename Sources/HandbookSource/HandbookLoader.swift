import Foundation
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
        public var reparsed: Set<String>? = nil
    }

    /// - Parameters:
    ///   - path: the content folder on disk.
    ///   - displayRoot: how the folder is named in errors ("content"); the
    ///     diagnostics' paths are relative to it (`DiagnosticReport` shows them under it).
    ///   - limits: size and complexity limits (`--limit`).
    ///   - renderHTML: keep each body's page HTML (`build`): one parse a body.
    ///   - cache: parsed files from an earlier load (the live preview): a file
    ///     whose size, modification time and inode are unchanged is not read again.
    ///   - changed: with a cache, the paths (`path` + "/" + relative) that
    ///     changed since its previous load, as a file watcher reports them; nil
    ///     when unknown. When they are only existing content files edited in
    ///     place, only those are read: the folders are not listed again.
    public static func load(path: String, displayRoot: String, limits: LoadLimits = LoadLimits(), renderHTML: Bool = false,
                            cache: LoadCache? = nil, changed: Set<String>? = nil) throws -> Result {
        guard FileSystem.kind(of: path) == .directory, let realRoot = FileSystem.realPath(path) else { throw Failure.notAFolder(displayRoot) }
        guard FileSystem.kind(of: path + "/handbook.yaml") == .regularFile else { throw Failure.notAHandbook(displayRoot) }
        if let cache, let changed, let result = cache.reload(path: path, limits: limits, renderHTML: renderHTML, changed: changed) {
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

        // The five folders: what to parse, and files under names that are no ids.
        var plan = Plan(options: .init(limits: limits, rawHTML: handbook.settings?.rawHTML == .drop ? .drop : .sanitize, renderHTML: renderHTML))
        for kind in EntityKind.allCases { plan.add(kind, path: path, display: display) }
        diagnostics += plan.diagnostics
        handbook.fileCount = 1 + plan.fileCount
        handbook.contentFiles = plan.contentFiles
        handbook.unreadable = plan.unreadable
        handbook.hasObjectsFolder = FileSystem.kind(of: path + "/" + EntityKind.objects.rawValue) == .directory

        // Parse in parallel; merge in job order so the result is deterministic.
        // A stray (a file under a name that is no id) is read for its own
        // problems, so errors arrive in one round, but never joins the handbook.
        let all = plan.jobs + plan.strays
        let stampOptions = LoadCache.options(limits: limits, renderHTML: renderHTML, rawHTML: plan.options.rawHTML)
        let outcomes = Trace.measure("parse \(plan.jobs.count) files") {
            all.concurrentMap { job in cache?.outcome(for: job, options: stampOptions) ?? load(job) }
        }
        let before = handbook
        Trace.measure("merge") { merge(all, outcomes, into: &handbook, diagnostics: &diagnostics) }
        if Trace.enabled {
            let bodies = handbook.bodies
            Trace.measure("raw HTML in \(bodies.filter { $0.body.rawHTMLPieces > 0 }.count) of \(bodies.count) bodies") {}
        }
        var assetDiagnostics: [Diagnostic] = []
        var withAssets = before
        Trace.measure("assets") { AssetWalk.collect(root: path, realRoot: realRoot, display: display, limits: limits, into: &withAssets, diagnostics: &assetDiagnostics) }
        handbook.assets = withAssets.assets
        handbook.refusedAssets = withAssets.refusedAssets
        let result = Result(handbook: handbook, diagnostics: diagnostics + assetDiagnostics)
        cache?.remember(LoadCache.Last(path: path, options: stampOptions, settingsDiagnostics: settings.diagnostics, merged: handbook, plan: plan,
                                      outcomes: outcomes, assets: withAssets.assets, refusedAssets: withAssets.refusedAssets,
                                      assetDiagnostics: assetDiagnostics))
        return result
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

    /// What the five folders hold: the files to parse, and what the listing
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

        init(options: Options) { self.options = options }

        mutating func add(_ kind: EntityKind, path: String, display: (String) -> String) {
            let folder = path + "/" + kind.rawValue
            if FileSystem.isSymlink(folder) {
                diagnostics.append(Diagnostic(.unsafeInput, "'\(kind.rawValue)' is a symlink: content folders are read only where they are",
                                              at: .start(of: display(kind.rawValue))))
                return
            }
            guard FileSystem.kind(of: folder) == .directory else { return }
            for found in Trace.measure("list \(kind.rawValue)", { markdownFiles(in: folder, relative: kind.rawValue) }) {
                fileCount += 1
                let file = display(found.relative)
                let id = String(found.name.dropLast(3))
                if let problem = found.problem {
                    diagnostics.append(Diagnostic(.unsafeInput, problem, at: .start(of: file)))
                    if found.name.hasSuffix(".md"), found.depth == 1, EntityID.isValid(id) {
                        unreadable[kind, default: []].insert(id)
                        contentFiles[found.relative] = file
                    }
                    continue
                }
                var job = Job(kind: kind, id: id, path: path + "/" + found.relative, file: file, limits: options.limits,
                              rawHTML: options.rawHTML, renderHTML: options.renderHTML)
                if found.depth > 1 {
                    diagnostics.append(Diagnostic(.invalidID, "'\(found.relative)' is in a subfolder: ids are flat, so content files sit directly in '\(kind.rawValue)/'",
                                                  at: .start(of: file)))
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
    }

    static func load(_ job: Job) -> Outcome {
        decode(FileSystem.read(job.path, limit: job.limits.fileBytes), job: job)
    }

    /// Loads one content file from bytes, as the loader would from disk
    /// (for fuzzing and tools): the entity, or nil when it cannot be read.
    public static func loadFile(_ bytes: [UInt8], kind: EntityKind, id: String, file: String, limits: LoadLimits = LoadLimits())
        -> (handbook: Handbook, diagnostics: [Diagnostic]) {
        let read: Swift.Result<[UInt8], FileSystem.ReadError> = bytes.count > limits.fileBytes ? .failure(.tooLarge(bytes.count)) : .success(bytes)
        let outcome = decode(read, job: Job(kind: kind, id: id, path: "", file: file, limits: limits))
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

    static func decode(_ read: Swift.Result<[UInt8], FileSystem.ReadError>, job: Job) -> Outcome {
        let log = DiagnosticLog(file: job.file)
        let options = SourceFileLoader.BodyOptions(reserved: job.kind.reservedIDs, rawHTML: job.rawHTML, renderHTML: job.renderHTML)
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

    struct Found {
        var relative: String
        var name: String
        var depth: Int
        /// Why the file is refused (a symlink leaving the folder...), or nil.
        var problem: String?
    }

    /// Every `*.md` file under `folder`, subfolders included (those are
    /// reported), in sorted order. A symlinked file is read only when it
    /// resolves inside the content folder; symlinked folders are never
    /// walked (so a link loop cannot recurse). Iterative, depth-capped.
    static func markdownFiles(in folder: String, relative: String) -> [Found] {
        let root = FileSystem.realPath(FileSystem.parent(of: folder)) ?? folder
        var out: [Found] = []
        var pending: [(path: String, relative: String, depth: Int)] = [(folder, relative, 1)]
        while let current = pending.popLast() {
            guard let entries = FileSystem.list(current.path) else { continue }
            var subfolders: [(String, String, Int)] = []
            for entry in entries {
                let entryPath = current.path + "/" + entry.name
                let entryRelative = current.relative + "/" + entry.name
                if entry.isSymlink {
                    guard entry.name.hasSuffix(".md") || entry.isDirectory else { continue }
                    guard let target = FileSystem.realPath(entryPath) else {
                        out.append(Found(relative: entryRelative, name: entry.name, depth: current.depth,
                                         problem: "symlink '\(entryRelative)' does not resolve: its target is missing or it loops"))
                        continue
                    }
                    if !(target == root || target.hasPrefix(root + "/")) {
                        out.append(Found(relative: entryRelative, name: entry.name, depth: current.depth,
                                         problem: "symlink '\(entryRelative)' points outside the content folder"))
                        continue
                    }
                    if entry.isDirectory {
                        out.append(Found(relative: entryRelative + "/", name: entry.name, depth: current.depth,
                                         problem: "symlinked folder '\(entryRelative)' is not followed"))
                        continue
                    }
                }
                if entry.isRegularFile, entry.name.hasSuffix(".md") {
                    out.append(Found(relative: entryRelative, name: entry.name, depth: current.depth))
                } else if entry.isDirectory, !entry.isSymlink, current.depth < 32 {
                    subfolders.append((entryPath, entryRelative, current.depth + 1))
                }
            }
            pending += subfolders.reversed()
        }
        return out.sorted { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
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

/// Parsed files kept between loads of the same folder (`handoff serve`): a
/// file is parsed again only when its size, modification time or inode
/// changed, or the options it was parsed with did. The previous load's plan
/// is kept too: when a watcher names the files that changed and they are
/// existing content files edited in place, only those are read again.
public final class LoadCache: @unchecked Sendable {
    struct Stamp: Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt
        var options: String
    }

    /// The previous full load, to patch.
    struct Last {
        var path: String
        var options: String
        var settingsDiagnostics: [Diagnostic]
        /// The handbook as loaded (assets apart).
        var merged: Handbook
        var plan: HandbookLoader.Plan
        var outcomes: [HandbookLoader.Outcome]
        var assets: [String: Asset]
        var refusedAssets: Set<String>
        var assetDiagnostics: [Diagnostic]
        /// Each job's place in `plan.jobs + plan.strays`, by path.
        let positions: [String: Int]

        init(path: String, options: String, settingsDiagnostics: [Diagnostic], merged: Handbook, plan: HandbookLoader.Plan,
             outcomes: [HandbookLoader.Outcome], assets: [String: Asset], refusedAssets: Set<String>, assetDiagnostics: [Diagnostic]) {
            self.path = path
            self.options = options
            self.settingsDiagnostics = settingsDiagnostics
            self.merged = merged
            self.plan = plan
            self.outcomes = outcomes
            self.assets = assets
            self.refusedAssets = refusedAssets
            self.assetDiagnostics = assetDiagnostics
            positions = Dictionary(uniqueKeysWithValues: (plan.jobs + plan.strays).enumerated().map { ($1.path, $0) })
        }
    }

    private let lock = NSLock()
    private var entries: [String: (stamp: Stamp, outcome: HandbookLoader.Outcome)] = [:]
    private var last: Last?

    public init() {}

    /// How many files the last load parsed (rather than took from the cache).
    public private(set) var parsed = 0

    /// The part of a stamp that is the same for every file of one load.
    static func options(limits: LoadLimits, renderHTML: Bool, rawHTML: RawHTMLPolicy) -> String {
        "\(rawHTML)|\(renderHTML)|\(limits)"
    }

    static func stamp(_ path: String, options: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
                     inode: UInt(info.st_ino), options: options)
    }

    func outcome(for job: HandbookLoader.Job, options: String) -> HandbookLoader.Outcome {
        guard let stamp = Self.stamp(job.path, options: "\(job.kind)|\(job.file)|\(job.joins)|" + options) else { return HandbookLoader.load(job) }
        lock.lock()
        let cached = entries[job.path]
        lock.unlock()
        if let cached, cached.stamp == stamp { return cached.outcome }
        let outcome = HandbookLoader.load(job)
        lock.lock()
        entries[job.path] = (stamp, outcome)
        parsed += 1
        lock.unlock()
        return outcome
    }

    /// Keeps a full load to patch, and forgets files that are gone.
    func remember(_ load: Last) {
        let paths = Set((load.plan.jobs + load.plan.strays).map(\.path))
        lock.lock()
        entries = entries.filter { paths.contains($0.key) }
        last = load
        lock.unlock()
    }

    /// The previous load with the `changed` files read again, or nil when
    /// the change is more than content files edited in place (the caller
    /// then lists the folders). A changed path that names nothing now and
    /// named nothing before (an editor's swap or backup file) is ignored.
    func reload(path: String, limits: LoadLimits, renderHTML: Bool, changed: Set<String>) -> HandbookLoader.Result? {
        lock.lock()
        let previous = last
        lock.unlock()
        guard var previous, previous.path == path,
              previous.options == Self.options(limits: limits, renderHTML: renderHTML, rawHTML: previous.plan.options.rawHTML) else { return nil }
        let jobs = previous.plan.jobs + previous.plan.strays
        let position = previous.positions
        var edited: [Int] = []
        for file in changed {
            if let offset = position[file] {
                guard FileSystem.kind(of: file) == .regularFile, !FileSystem.isSymlink(file) else { return nil }
                edited.append(offset)
            } else if FileSystem.exists(file) || file == path + "/handbook.yaml" || !file.hasPrefix(path + "/") {
                return nil
            }
        }
        edited.sort()
        let options = previous.options
        let fresh = edited.concurrentMap { offset in outcome(for: jobs[offset], options: options) }
        for (offset, outcome) in zip(edited, fresh) { previous.outcomes[offset] = outcome }
        // Patch the handbook: each edited file's entity replaced (or, if it no longer loads, marked unreadable).
        var handbook = previous.merged
        for offset in edited where jobs[offset].joins {
            let job = jobs[offset]
            handbook.remove(job.kind, job.id)
            if let entity = previous.outcomes[offset].entity {
                handbook.add(entity)
                handbook.unreadable[job.kind]?.remove(job.id)
            } else {
                handbook.unreadable[job.kind, default: []].insert(job.id)
            }
        }
        previous.merged = handbook
        var diagnostics = previous.settingsDiagnostics + previous.plan.diagnostics
        diagnostics.reserveCapacity(diagnostics.count + previous.outcomes.reduce(0) { $0 + $1.diagnostics.count })
        for outcome in previous.outcomes where !outcome.diagnostics.isEmpty { diagnostics += outcome.diagnostics }
        handbook.assets = previous.assets
        handbook.refusedAssets = previous.refusedAssets
        lock.lock()
        last = previous
        lock.unlock()
        let prefix = path + "/"
        let reparsed = Set(edited.map { String(jobs[$0].path.dropFirst(prefix.count)) })
        return HandbookLoader.Result(handbook: handbook, diagnostics: diagnostics + previous.assetDiagnostics, reparsed: reparsed)
    }

    /// Drops the previous load (a full load is under way).
    func forget() {
        lock.lock()
        last = nil
        lock.unlock()
    }

    public func resetCount() {
        lock.lock()
        parsed = 0
        lock.unlock()
    }
}
