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
    }

    /// - Parameters:
    ///   - path: the content folder on disk.
    ///   - displayRoot: how its path is shown in diagnostics ("content").
    ///   - limits: size and complexity limits (`--limit`).
    ///   - renderHTML: keep each body's page HTML (`build`): one parse a body.
    public static func load(path: String, displayRoot: String, limits: LoadLimits = LoadLimits(), renderHTML: Bool = false) throws -> Result {
        guard FileSystem.kind(of: path) == .directory, let realRoot = FileSystem.realPath(path) else { throw Failure.notAFolder(displayRoot) }
        guard FileSystem.kind(of: path + "/handbook.yaml") == .regularFile else { throw Failure.notAHandbook(displayRoot) }
        let display = { (relative: String) in displayRoot.isEmpty || displayRoot == "." ? relative : displayRoot + "/" + relative }

        var diagnostics: [Diagnostic] = []
        var handbook = Handbook(root: displayRoot)

        // handbook.yaml
        let settingsFile = display("handbook.yaml")
        let settingsLog = DiagnosticLog(file: settingsFile)
        if Self.leavesRoot(path + "/handbook.yaml", root: realRoot, file: settingsFile, log: settingsLog) {
            diagnostics += settingsLog.items
            return Result(handbook: Handbook(root: displayRoot, fileCount: 1), diagnostics: diagnostics)
        }
        if let text = SourceFileLoader.text(path: path + "/handbook.yaml", file: settingsFile, limits: limits, log: settingsLog),
           let root = SourceFileLoader.compose(text, lineOffset: 0, file: settingsFile, log: settingsLog) {
            handbook.settings = SettingsDecoder.decode(file: settingsFile, root: root, log: settingsLog)
        }
        diagnostics += settingsLog.items

        // The five folders.
        let rawHTML: RawHTMLPolicy = handbook.settings?.rawHTML == .drop ? .drop : .sanitize
        var jobs: [Job] = []
        var strays: [Job] = []
        var fileCount = 1
        for kind in EntityKind.allCases {
            let folder = path + "/" + kind.rawValue
            guard FileSystem.kind(of: folder) == .directory || FileSystem.isSymlink(folder) else { continue }
            let folderLog = DiagnosticLog(file: display(kind.rawValue))
            if FileSystem.isSymlink(folder) {
                folderLog.add(.unsafeInput, "'\(kind.rawValue)' is a symlink: content folders are read only where they are", at: .start(of: display(kind.rawValue)))
                diagnostics += folderLog.items
                continue
            }
            for found in Trace.measure("list \(kind.rawValue)", { markdownFiles(in: folder, relative: kind.rawValue) }) {
                fileCount += 1
                let file = display(found.relative)
                if let problem = found.problem {
                    diagnostics.append(Diagnostic(.unsafeInput, problem, at: .start(of: file)))
                    if found.name.hasSuffix(".md"), found.depth == 1, EntityID.isValid(String(found.name.dropLast(3))) {
                        handbook.unreadable[kind, default: []].insert(String(found.name.dropLast(3)))
                        handbook.contentFiles[found.relative] = file
                    }
                    continue
                }
                let id = String(found.name.dropLast(3))
                let job = Job(kind: kind, id: id, path: path + "/" + found.relative, file: file, limits: limits, rawHTML: rawHTML, renderHTML: renderHTML)
                // A file under a name that is no id is still read for its own
                // problems (errors arrive in one round), but never joins the handbook.
                if found.depth > 1 {
                    diagnostics.append(Diagnostic(.invalidID, "'\(found.relative)' is in a subfolder: ids are flat, so content files sit directly in '\(kind.rawValue)/'",
                                                  at: .start(of: file)))
                    strays.append(job)
                    continue
                }
                guard EntityID.isValid(id) else {
                    let log = DiagnosticLog(file: file)
                    Fields.reportInvalidID(id, at: .start(of: file), log: log)
                    var items = log.items
                    items[0].message = "file name '\(found.name.displayEscaped)' is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters"
                    diagnostics += items
                    strays.append(job)
                    continue
                }
                handbook.contentFiles[found.relative] = file
                jobs.append(job)
            }
        }
        handbook.fileCount = fileCount

        // Parse in parallel; merge in job order so the result is deterministic.
        let outcomes = Trace.measure("parse \(jobs.count) files") { (jobs + strays).concurrentMap(load) }
        for outcome in outcomes.suffix(strays.count) { diagnostics += outcome.diagnostics }
        Trace.measure("merge") {
        for (job, outcome) in zip(jobs, outcomes) {
            diagnostics += outcome.diagnostics
            guard let entity = outcome.entity else {
                handbook.unreadable[job.kind, default: []].insert(job.id)
                continue
            }
            switch entity {
            case let .stage(stage): handbook.stages[stage.id] = stage
            case let .role(role): handbook.roles[role.id] = role
            case let .context(context): handbook.contexts[context.id] = context
            case let .contract(contract): handbook.contracts[contract.id] = contract
            case let .page(page): handbook.pages[page.id] = page
            }
        }
        }
        if Trace.enabled {
            let bodies = handbook.bodies
            Trace.measure("raw HTML in \(bodies.filter { $0.body.rawHTMLPieces > 0 }.count) of \(bodies.count) bodies") {}
        }
        Trace.measure("assets") { AssetWalk.collect(root: path, realRoot: realRoot, display: display, limits: limits, into: &handbook, diagnostics: &diagnostics) }
        return Result(handbook: handbook, diagnostics: diagnostics)
    }

    struct Job: Sendable {
        var kind: EntityKind
        var id: String
        var path: String
        var file: String
        var limits: LoadLimits
        var rawHTML: RawHTMLPolicy = .sanitize
        var renderHTML = false
    }

    enum Entity: Sendable {
        case stage(Stage), role(Role), context(ContextDoc), contract(Contract), page(Page)
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
        switch outcome.entity {
        case let .stage(stage)?: handbook.stages[stage.id] = stage
        case let .role(role)?: handbook.roles[role.id] = role
        case let .context(context)?: handbook.contexts[context.id] = context
        case let .contract(contract)?: handbook.contracts[contract.id] = contract
        case let .page(page)?: handbook.pages[page.id] = page
        case nil: handbook.unreadable[kind, default: []].insert(id)
        }
        handbook.contentFiles["\(kind.rawValue)/\(id).md"] = file
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
