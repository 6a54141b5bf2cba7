import Diagnostics
import HandbookModel

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
    public static func load(path: String, displayRoot: String) throws -> Result {
        guard FileSystem.kind(of: path) == .directory else { throw Failure.notAFolder(displayRoot) }
        guard FileSystem.kind(of: path + "/handbook.yaml") == .regularFile else { throw Failure.notAHandbook(displayRoot) }
        let display = { (relative: String) in displayRoot.isEmpty || displayRoot == "." ? relative : displayRoot + "/" + relative }

        var diagnostics: [Diagnostic] = []
        var handbook = Handbook(root: displayRoot)

        // handbook.yaml
        let settingsFile = display("handbook.yaml")
        let settingsLog = DiagnosticLog(file: settingsFile)
        if let text = SourceFileLoader.text(path: path + "/handbook.yaml", file: settingsFile, log: settingsLog),
           let root = SourceFileLoader.compose(text, lineOffset: 0, file: settingsFile, log: settingsLog) {
            handbook.settings = SettingsDecoder.decode(file: settingsFile, root: root, log: settingsLog)
        }
        diagnostics += settingsLog.items

        // The five folders.
        var jobs: [Job] = []
        var fileCount = 1
        for kind in EntityKind.allCases {
            let folder = path + "/" + kind.rawValue
            guard FileSystem.kind(of: folder) == .directory else { continue }
            for found in markdownFiles(in: folder, relative: kind.rawValue) {
                fileCount += 1
                let file = display(found.relative)
                if found.depth > 1 {
                    diagnostics.append(Diagnostic(.invalidID, "'\(found.relative)' is in a subfolder: ids are flat, so content files sit directly in '\(kind.rawValue)/'",
                                                  at: .start(of: file)))
                    continue
                }
                let id = String(found.name.dropLast(3))
                guard EntityID.isValid(id) else {
                    let log = DiagnosticLog(file: file)
                    Fields.reportInvalidID(id, at: .start(of: file), log: log)
                    var items = log.items
                    items[0].message = "file name '\(found.name.displayEscaped)' is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters"
                    diagnostics += items
                    continue
                }
                handbook.contentFiles[found.relative] = file
                jobs.append(Job(kind: kind, id: id, path: path + "/" + found.relative, file: file))
            }
        }
        handbook.fileCount = fileCount

        // Parse in parallel; merge in job order so the result is deterministic.
        let outcomes = jobs.concurrentMap(load)
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
        return Result(handbook: handbook, diagnostics: diagnostics)
    }

    struct Job: Sendable {
        var kind: EntityKind
        var id: String
        var path: String
        var file: String
    }

    enum Entity: Sendable {
        case stage(Stage), role(Role), context(ContextDoc), contract(Contract), page(Page)
    }

    struct Outcome: Sendable {
        var entity: Entity?
        var diagnostics: [Diagnostic]
    }

    static func load(_ job: Job) -> Outcome {
        let log = DiagnosticLog(file: job.file)
        guard let parsed = SourceFileLoader.markdownFile(path: job.path, file: job.file, log: log) else {
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
    }

    /// Every `*.md` regular file under `folder`, subfolders included (those
    /// are reported), in sorted order. Walks iteratively with a depth cap.
    static func markdownFiles(in folder: String, relative: String) -> [Found] {
        var out: [Found] = []
        var pending: [(path: String, relative: String, depth: Int)] = [(folder, relative, 1)]
        while let current = pending.popLast() {
            guard let entries = FileSystem.list(current.path) else { continue }
            var subfolders: [(String, String, Int)] = []
            for entry in entries {
                if entry.isRegularFile, entry.name.hasSuffix(".md") {
                    out.append(Found(relative: current.relative + "/" + entry.name, name: entry.name, depth: current.depth))
                } else if entry.isDirectory, current.depth < 32 {
                    subfolders.append((current.path + "/" + entry.name, current.relative + "/" + entry.name, current.depth + 1))
                }
            }
            pending += subfolders.reversed()
        }
        return out.sorted { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
    }
}
