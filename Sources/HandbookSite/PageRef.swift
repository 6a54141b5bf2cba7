import Diagnostics
import HandbookModel

/// A page of the built site. Its address is part of the contract
/// (FORMAT.md, "The built site").
struct PageRef: Hashable, Comparable, Sendable {
    enum Kind: Hashable, Sendable, Comparable {
        case index
        /// A page made from a content file (or, for a context, named by one).
        case entity(EntityKind)
        /// The full list of one kind (`roles.html`), for handbooks whose overview summarises it.
        case list
        /// A folder of `pages/` without a README, index or _index: a generated
        /// page listing what it holds (`pages/ops/index.html`). Its id is the
        /// folder's path under `pages/` ("" for `pages/` itself).
        case folder

        /// One small number per kind, in the order pages of different kinds
        /// are listed in (backlinks): what equality, hashing and order use
        /// (page references are the keys of the site's largest tables).
        private var rank: Int {
            switch self {
            case .index: 0
            case .entity(.stages): 1
            case .entity(.roles): 2
            case .entity(.contracts): 3
            case .entity(.contexts): 4
            case .entity(.pages): 5
            case .entity(.objects): 6
            case .list: 7
            case .folder: 8
            }
        }

        static func == (lhs: Kind, rhs: Kind) -> Bool { lhs.rank == rhs.rank }
        func hash(into hasher: inout Hasher) { hasher.combine(rank) }
        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
    }

    var kind: Kind
    var id: String

    static let index = PageRef(kind: .index, id: "")

    init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }

    init(_ entity: EntityKind, _ id: String) {
        self.init(kind: .entity(entity), id: id)
    }

    /// The content folder a page of this kind is made from (none for the overview).
    var entityKind: EntityKind? {
        if case .entity(let kind) = kind { return kind }
        return nil
    }

    /// Path under the output folder (as a file name: not encoded).
    var path: String {
        switch kind {
        case .index: SiteLayout.overview
        case .entity(let entity): SiteLayout.page(entity, id)
        case .list: SiteLayout.list(id)
        case .folder: id.isEmpty ? "pages/index.html" : "pages/\(id)/index.html"
        }
    }

    /// How many folders deep the page sits (0 for the overview).
    var depth: Int {
        switch kind {
        case .index, .list where !id.contains("/"): 0
        case .entity(let entity) where entity != .pages: 1
        default: path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        }
    }

    /// The way up to the site's root: "" for the overview and the lists,
    /// "../" for pages in a folder, "../../" a folder deeper.
    var root: String {
        switch depth {
        case 0: ""
        case 1: "../"
        case let n: String(repeating: "../", count: n)
        }
    }

    /// The folder the page sits in ("" at the root, "pages/ops").
    var folder: String { PagePath.split(path).folder }

    /// A link to `target` from this page.
    func href(to target: PageRef, fragment: String? = nil) -> String {
        root + target.urlPath + (fragment.map { "#" + $0 } ?? "")
    }

    /// `path` as it stands in a URL: each segment percent-encoded where needed
    /// (`pages/ops/On%20Call.html`).
    var urlPath: String { Self.encoded(path) }

    static func encoded(_ path: String) -> String {
        guard path.utf8.contains(where: { !Self.plain($0) }) else { return path }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { PercentEncoding.encode(String($0), keeping: "-._~!$&'()*+,;=:@") }.joined(separator: "/")
    }

    private static func plain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "/"): true
        default: false
        }
    }

    static func < (lhs: PageRef, rhs: PageRef) -> Bool {
        lhs.kind != rhs.kind ? lhs.kind < rhs.kind : lhs.id < rhs.id
    }
}
