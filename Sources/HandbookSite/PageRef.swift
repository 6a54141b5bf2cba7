import Diagnostics
import HandbookModel

/// A page of the built site. Its address is part of the contract
/// (FORMAT.md, "The built site").
struct PageRef: Hashable, Comparable, Sendable {
    enum Kind: Int, Sendable, Comparable {
        case index, stage, role, contract, context, page, object
        /// The full list of one kind (`roles.html`), for handbooks whose overview summarises it.
        case list
        /// A folder of `pages/` without a README, index or _index: a generated
        /// page listing what it holds (`pages/ops/index.html`). Its id is the
        /// folder's path under `pages/` ("" for `pages/` itself).
        case folder

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
        case .index, .list, .folder: nil
        case .stage: .stages
        case .role: .roles
        case .contract: .contracts
        case .context: .contexts
        case .page: .pages
        case .object: .objects
        }
    }

    /// Path under the output folder (as a file name: not encoded).
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
        case .folder: id.isEmpty ? "pages/index.html" : "pages/\(id)/index.html"
        }
    }

    /// How many folders deep the page sits (0 for the overview).
    var depth: Int {
        switch kind {
        case .index, .list where !id.contains("/"): 0
        case .stage, .role, .contract, .context, .object: 1
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
