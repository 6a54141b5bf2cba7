import HandbookModel

/// A page of the built site. Its address is part of the contract
/// (FORMAT.md, "The built site").
struct PageRef: Hashable, Comparable, Sendable {
    enum Kind: Int, Sendable, Comparable {
        case index, stage, role, contract, context, page, object
        /// The full list of one kind (`roles.html`), for handbooks whose overview summarises it.
        case list

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var kind: Kind
    var id: String

    static let index = PageRef(kind: .index, id: "")

    init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }

    init(_ entity: EntityKind, _ id: String) {
        switch entity {
        case .stages: self.init(kind: .stage, id: id)
        case .roles: self.init(kind: .role, id: id)
        case .contracts: self.init(kind: .contract, id: id)
        case .contexts: self.init(kind: .context, id: id)
        case .pages: self.init(kind: .page, id: id)
        case .objects: self.init(kind: .object, id: id)
        }
    }

    /// The content folder a page of this kind is made from (none for the overview).
    var entityKind: EntityKind? {
        switch kind {
        case .index, .list: nil
        case .stage: .stages
        case .role: .roles
        case .contract: .contracts
        case .context: .contexts
        case .page: .pages
        case .object: .objects
        }
    }

    /// Path under the output folder.
    var path: String {
        switch kind {
        case .index: "index.html"
        case .stage: "stages/\(id).html"
        case .role: "roles/\(id).html"
        case .contract: "contracts/\(id).html"
        case .context: "contexts/\(id).html"
        case .page: "pages/\(id).html"
        case .object: "objects/\(id).html"
        case .list: "\(id).html"
        }
    }

    /// "../" for pages in a folder, "" for the overview and the lists.
    var root: String { kind == .index || kind == .list ? "" : "../" }

    /// A link to `target` from this page.
    func href(to target: PageRef, fragment: String? = nil) -> String {
        root + target.path + (fragment.map { "#" + $0 } ?? "")
    }

    static func < (lhs: PageRef, rhs: PageRef) -> Bool {
        lhs.kind != rhs.kind ? lhs.kind < rhs.kind : lhs.id < rhs.id
    }
}
