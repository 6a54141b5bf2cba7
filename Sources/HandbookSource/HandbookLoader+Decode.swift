import Diagnostics
import HandbookModel
import Markup

/// Reading one content file: its job, its outcome, and the decoding of its front matter and body.
extension HandbookLoader {
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

        /// The entity's former ids (read the same way for every kind).
        var aliases: [Located<String>] {
            get {
                switch self {
                case let .stage(x): x.aliases
                case let .role(x): x.aliases
                case let .context(x): x.aliases
                case let .contract(x): x.aliases
                case let .page(x): x.aliases
                case let .object(x): x.aliases
                }
            }
            set {
                switch self {
                case var .stage(x): x.aliases = newValue; self = .stage(x)
                case var .role(x): x.aliases = newValue; self = .role(x)
                case var .context(x): x.aliases = newValue; self = .context(x)
                case var .contract(x): x.aliases = newValue; self = .contract(x)
                case var .page(x): x.aliases = newValue; self = .page(x)
                case var .object(x): x.aliases = newValue; self = .object(x)
                }
            }
        }
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
        var entity: Entity?
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
        if entity != nil {
            let aliases = Self.aliases(parsed.root, kind: job.kind, log: log)
            if !aliases.isEmpty { entity!.aliases = aliases }
        }
        return Outcome(entity: entity, diagnostics: log.items)
    }

    /// `aliases:`, which every kind reads the same way: former ids (a page:
    /// former paths without `.md`, or site paths starting with `/`).
    static func aliases(_ root: YAMLNode, kind: EntityKind, log: DiagnosticLog) -> [Located<String>] {
        let fields = Fields(reading: root, log: log)
        guard kind == .pages else { return fields.ids("aliases")?.ids ?? [] }
        var out: [Located<String>] = []
        for alias in fields.texts("aliases") ?? [] {
            if let problem = PagePath.aliasProblem(alias.value) {
                log.add(.invalidID, "alias '\(alias.value.displayEscaped)' cannot be a page's address: \(problem)", at: alias.location)
            } else {
                out.append(alias)
            }
        }
        return out
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
