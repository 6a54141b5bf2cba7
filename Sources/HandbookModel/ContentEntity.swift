/// What every entity read from a content file has: its id, its file, its
/// title and its Markdown body. `Handbook.entity(_:_:)` reaches any of them
/// by kind, so code that does the same for every kind needs no `switch`.
public protocol ContentEntity: Sendable {
    var id: String { get }
    /// Content-relative (`roles/pm.md`).
    var file: String { get }
    var name: String { get }
    var body: Body { get set }
    /// Former ids (a page: former paths, or site paths starting with `/`).
    var aliases: [Located<String>] { get set }
}

extension Stage: ContentEntity {}
extension Role: ContentEntity {}
extension ContextDoc: ContentEntity {}
extension Contract: ContentEntity {}
extension Page: ContentEntity {}
extension GovernedObject: ContentEntity {}

/// Visits each kind's entities with their own type (no boxing): what
/// `Handbook.visit` calls once per kind.
public protocol EntityVisitor {
    mutating func visit<E: ContentEntity>(_ kind: EntityKind, _ entities: [String: E])
}

extension Handbook {
    /// Every kind's entities, kind by kind: with `entity(_:_:)` and
    /// `updateBodies`, the places that map a kind to its storage.
    public func visit<V: EntityVisitor>(_ visitor: inout V) {
        visitor.visit(.stages, stages)
        visitor.visit(.roles, roles)
        visitor.visit(.contexts, contexts)
        visitor.visit(.contracts, contracts)
        visitor.visit(.pages, pages)
        visitor.visit(.objects, objects)
    }

    /// One entity that loaded.
    public func entity(_ kind: EntityKind, _ id: String) -> (any ContentEntity)? {
        switch kind {
        case .stages: stages[id]
        case .roles: roles[id]
        case .contexts: contexts[id]
        case .contracts: contracts[id]
        case .pages: pages[id]
        case .objects: objects[id]
        }
    }

    /// An entity's title, without boxing the entity (`entity(_:_:)` copies a
    /// role into an existential, and every link on every page asks for a title).
    public func name(_ kind: EntityKind, _ id: String) -> String? {
        switch kind {
        case .stages: stages[id]?.name
        case .roles: roles[id]?.name
        case .contexts: contexts[id]?.name
        case .contracts: contracts[id]?.name
        case .pages: pages[id]?.name
        case .objects: objects[id]?.name
        }
    }

    /// The ids of the entities of one kind that loaded.
    public func entityIDs(_ kind: EntityKind) -> [String] {
        struct IDs: EntityVisitor {
            let kind: EntityKind
            var out: [String] = []
            mutating func visit<E: ContentEntity>(_ kind: EntityKind, _ entities: [String: E]) {
                if kind == self.kind { out = Array(entities.keys) }
            }
        }
        var ids = IDs(kind: kind)
        visit(&ids)
        return ids.out
    }

    /// Each entity of one kind with its aliases, by id (sorted: the second
    /// of two equal aliases is the one reported).
    public func aliases(_ kind: EntityKind) -> [(id: String, aliases: [Located<String>])] {
        struct Aliases: EntityVisitor {
            let kind: EntityKind
            var out: [(id: String, aliases: [Located<String>])] = []
            mutating func visit<E: ContentEntity>(_ kind: EntityKind, _ entities: [String: E]) {
                guard kind == self.kind else { return }
                out = entities.values.filter { !$0.aliases.isEmpty }.map { ($0.id, $0.aliases) }.sorted { $0.id < $1.id }
            }
        }
        var found = Aliases(kind: kind)
        visit(&found)
        return found.out
    }

    /// The current id an alias of this kind names, if any.
    public func renamed(_ alias: String, _ kind: EntityKind) -> String? {
        aliases(kind).first { $0.aliases.contains { $0.value == alias } }?.id
    }

    /// Applies `change` to every loaded entity's body (in place).
    public mutating func updateBodies(_ change: (_ body: inout Body, _ file: String) -> Void) {
        func each<E: ContentEntity>(_ storage: inout [String: E]) {
            for id in Array(storage.keys) { change(&storage[id]!.body, storage[id]!.file) }
        }
        each(&stages)
        each(&roles)
        each(&contexts)
        each(&contracts)
        each(&pages)
        each(&objects)
    }
}
