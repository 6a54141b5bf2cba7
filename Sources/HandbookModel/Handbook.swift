import Diagnostics

/// A loaded handbook: every entity that could be read, keyed by id, and the
/// ids of files that exist but could not be read (so that references to them
/// are not reported again: one cause, one diagnostic).
public struct Handbook: Sendable {
    /// nil when handbook.yaml could not be read.
    public var settings: Settings?
    public var stages: [String: Stage]
    public var roles: [String: Role]
    public var contexts: [String: ContextDoc]
    public var contracts: [String: Contract]
    public var pages: [String: Page]
    public var objects: [String: GovernedObject] = [:]
    /// `objects/` exists: the governance layer (and its rules) is on.
    public var hasObjectsFolder = false
    /// Ids whose file exists but failed to load, per kind.
    public var unreadable: [EntityKind: Set<String>]
    /// content-relative path ("roles/pm.md") → display path, for every file
    /// with a valid id, readable or not (links resolve against this).
    public var contentFiles: [String: String]
    /// Every file and folder under the content folder (links resolve against them).
    public var files = ContentFiles()
    /// Pages with `draft: true`, by content-relative path: read and checked, never published.
    public var drafts: Set<String> = []
    /// Each page's place in a `SUMMARY.md` (mdBook's table of contents), by page id.
    public var summaryOrder: [String: Int] = [:]
    /// Files published as they are, by content-relative path.
    public var assets: [String: Asset] = [:]
    /// Content-relative paths of files refused as assets (reported), which
    /// links may still name without a second diagnostic.
    public var refusedAssets: Set<String> = []
    /// The folder's display path ("content").
    public var root: String
    public var fileCount: Int

    public init(root: String, settings: Settings? = nil, stages: [String: Stage] = [:], roles: [String: Role] = [:],
                contexts: [String: ContextDoc] = [:], contracts: [String: Contract] = [:], pages: [String: Page] = [:],
                unreadable: [EntityKind: Set<String>] = [:], contentFiles: [String: String] = [:], fileCount: Int = 0) {
        self.root = root
        self.settings = settings
        self.stages = stages
        self.roles = roles
        self.contexts = contexts
        self.contracts = contracts
        self.pages = pages
        self.unreadable = unreadable
        self.contentFiles = contentFiles
        self.fileCount = fileCount
    }

    /// The id exists as a file of this kind (readable or not).
    public func exists(_ id: String, _ kind: EntityKind) -> Bool {
        if unreadable[kind]?.contains(id) == true { return true }
        switch kind {
        case .stages: return stages[id] != nil
        case .roles: return roles[id] != nil
        case .contexts: return contexts[id] != nil
        case .contracts: return contracts[id] != nil
        case .pages: return pages[id] != nil
        case .objects: return objects[id] != nil
        }
    }

    public func isUnreadable(_ id: String, _ kind: EntityKind) -> Bool {
        unreadable[kind]?.contains(id) == true
    }

    /// Every Markdown body with its owner's kind, id and file, for the rules
    /// and the site that follow links.
    public var bodies: [(kind: EntityKind, id: String, file: String, body: Body)] {
        struct Bodies: EntityVisitor {
            var out: [(kind: EntityKind, id: String, file: String, body: Body)] = []
            mutating func visit<E: ContentEntity>(_ kind: EntityKind, _ entities: [String: E]) {
                for entity in entities.values { out.append((kind, entity.id, entity.file, entity.body)) }
            }
        }
        var bodies = Bodies()
        bodies.out.reserveCapacity(fileCount)
        visit(&bodies)
        return bodies.out
    }

    /// The body read from a content file (`roles/pm.md`, `pages/ops/README.md`), when it loaded.
    public func body(ofFile path: String) -> (kind: EntityKind, body: Body)? {
        let (folder, name) = PagePath.split(path)
        guard let first = path.split(separator: "/", maxSplits: 1).first, let kind = EntityKind(rawValue: String(first)) else { return nil }
        if kind == .pages {
            guard let id = PagePath.id(forSource: String(path.dropFirst("pages/".count))), let page = pages[id], page.file == path else { return nil }
            return (kind, page.body)
        }
        guard folder == kind.rawValue, let ext = PagePath.markdownExtension(name) else { return nil }
        return body(kind, String(name.dropLast(ext.count))).map { (kind, $0) }
    }

    /// The body of an entity that loaded (without boxing it, as `name`).
    public func body(_ kind: EntityKind, _ id: String) -> Body? {
        switch kind {
        case .stages: stages[id]?.body
        case .roles: roles[id]?.body
        case .contexts: contexts[id]?.body
        case .contracts: contracts[id]?.body
        case .pages: pages[id]?.body
        case .objects: objects[id]?.body
        }
    }

    /// The content file an entity was read from (`roles/pm.md`; a page's
    /// own path, `pages/ops/README.md` for the page `ops/index`).
    public func sourcePath(_ kind: EntityKind, _ id: String) -> String {
        guard kind == .pages else { return kind.path(of: id) }
        return pages[id]?.file ?? kind.path(of: id)
    }

    /// Resolves every body's links against `files` (once they are all known).
    public mutating func resolveLinks() {
        let files = self.files
        updateBodies { body, file in
            for index in body.links.indices {
                guard let target = body.links[index].target, !target.path.isEmpty else { continue }
                body.links[index].resolved = files.resolve(target, from: file)
            }
        }
    }

    /// Every context id that gets a page: described in `contexts/`, or named
    /// by a flow or a contract.
    public var referencedContexts: Set<String> {
        var ids = Set(contexts.keys)
        for role in roles.values {
            for flow in role.contextOut { ids.insert(flow.context.value) }
            for flow in role.contextIn { ids.insert(flow.context.value) }
        }
        for contract in contracts.values {
            for carried in contract.carries { ids.insert(carried.value) }
        }
        return ids
    }

    // Ids are sorted, not the (large) values: moving a value retains each of its fields.
    public var sortedRoles: [Role] { roles.keys.sorted().map { roles[$0]! } }
    public var sortedContracts: [Contract] { contracts.keys.sorted().map { contracts[$0]! } }
    public var sortedObjects: [GovernedObject] { objects.keys.sorted().map { objects[$0]! } }
}
