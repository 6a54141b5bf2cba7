import Diagnostics
import HandbookModel

/// invalid-id: a file name or referenced id breaks the id rule. Reported while files are read
/// (`HandbookSource`); after loading, this rule checks `aliases` (FORMAT.md, Renames): an alias
/// that is a live id of the same kind, one listed twice, and a page's site-path alias that would
/// overwrite a page or a file the site generates.
struct InvalidIDRule: HandbookRule {
    static let descriptor = RuleDescriptor(
        .invalidID,
        help: "Ids are file names without .md: lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters, directly inside stages/, roles/, contexts/, contracts/ or pages/. An alias may not be a live id of its kind, be listed twice, or overwrite a page.",
        triggering: [
            RuleExample([
                "roles/eng.md": RuleExample.base("roles/eng.md", replacing: "    from: pm",
                        with: "    from: 1️⃣PM"),
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("roles/eng.md"),
        ]
    )

    static let reads: Set<EntityKind> = Set(EntityKind.allCases)

    init() {}

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        let handbook = index.handbook
        var out: [Diagnostic] = []
        // Addresses pages and generated files hold: a page alias may not take one.
        var taken = Set(SiteLayout.rootAddresses)
        for id in handbook.pages.keys { taken.insert(SiteLayout.page(.pages, id)) }
        for kind in EntityKind.allCases where kind != .pages {
            for id in handbook.entityIDs(kind) { taken.insert(SiteLayout.page(kind, id)) }
        }
        for kind in EntityKind.allCases {
            let live = Set(handbook.entityIDs(kind))
            var first: [String: SourceLocation] = [:]
            for (id, aliases) in handbook.aliases(kind) {
                for alias in aliases {
                    let name = alias.value
                    let address = kind == .pages ? PagePath.aliasAddress(name) : SiteLayout.page(kind, name)
                    if let earlier = first[address] {
                        out.append(Diagnostic(.invalidID, "alias '\(name)' is listed twice", at: alias.location,
                                              notes: [.init("first listed here", at: earlier)]))
                        continue
                    }
                    first[address] = alias.location
                    if !name.hasPrefix("/") && live.contains(name) {
                        let owner = name == id ? "this \(kind.noun)'s own id" : "the id of another \(kind.noun)"
                        out.append(Diagnostic(.invalidID, "alias '\(name)' is \(owner): an alias names a former id, which no file of this kind has now",
                                              at: alias.location, notes: [.init("'\(name)' is read from here", at: .start(of: handbook.sourcePath(kind, name)))]))
                    } else if taken.contains(address) {
                        out.append(Diagnostic(.invalidID, "alias '\(name)' would overwrite '\(address)', which the site builds", at: alias.location))
                    }
                }
            }
        }
        return out
    }
}
