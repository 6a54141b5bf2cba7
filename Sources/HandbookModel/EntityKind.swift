/// The content folders; each kind has its own id namespace.
public enum EntityKind: String, CaseIterable, Sendable, Hashable, Comparable {
    case stages, roles, contexts, contracts, pages, objects

    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The front matter fields of a file of this kind, in FORMAT.md's order:
    /// what the decoders accept and what `diff` compares (with the body).
    public var fields: [String] { fieldGroup.names }

    /// The front matter's fields, from `FieldReference`.
    public var fieldGroup: FieldGroup {
        switch self {
        case .stages: FieldReference.stage
        case .roles: FieldReference.role
        case .contexts: FieldReference.context
        case .contracts: FieldReference.contract
        case .pages: FieldReference.page
        case .objects: FieldReference.object
        }
    }

    /// A content file's path in the content folder ("roles/pm.md").
    public func path(of id: String) -> String { "\(rawValue)/\(id).md" }

    /// The singular noun used in messages.
    public var noun: String {
        switch self {
        case .stages: "stage"
        case .roles: "role"
        case .contexts: "context"
        case .contracts: "contract"
        case .pages: "page"
        case .objects: "governed object"
        }
    }

    /// Anchors that the built page of this kind always has, besides those of
    /// the body's headings, so that `[x](pm.md#agents)` links resolve.
    public var sectionAnchors: [String] {
        switch self {
        case .roles: ["engagement", "context-in", "context-out", "contracts", "agents", "workflows"]
        case .stages: ["engagement", "contracts", "workflows"]
        case .contracts: ["carries", "required", "gates", "trigger"]
        case .contexts: ["producers", "consumers", "contracts"]
        case .pages: []
        case .objects: ["contract", "weekly-job", "consumers", "agents"]
        }
    }

    /// Ids a built page of this kind holds besides its body's: its sections
    /// (and their headings), the layout's `main` and `referenced-by`. A body
    /// heading or raw HTML id equal to one of them gets no id of its own.
    public var reservedIDs: Set<String> {
        Set(sectionAnchors + sectionAnchors.map { $0 + "-heading" } + ["main", "referenced-by"])
    }
}
