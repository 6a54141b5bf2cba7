import Diagnostics
import HandbookModel
import Markup

/// The navigation every page carries: its groups, the page tree, and the key the live preview compares.
extension ViewFactory {
    /// Navigation groups longer than this show the current entry and a link
    /// to the full list on the overview: a nav of every entity on every page
    /// would grow with the square of the handbook (4 GB at 10,000 files).
    static let navLimit = 30

    static func navSkeleton(_ graph: SiteGraph) -> NavSkeleton {
        var groups: [(String, String, [PageRef])] = [
            ("Stages", "stages", graph.stages.map { PageRef(.stages, $0.id) }),
            ("Roles", "roles", graph.roles.map { PageRef(.roles, $0.id) }),
            ("Contracts", "contracts", graph.contracts.map { PageRef(.contracts, $0.id) }),
        ]
        if !graph.objects.isEmpty { groups.append(("Objects", "objects", graph.objects.map { PageRef(.objects, $0.id) })) }
        if !graph.pages.isEmpty { groups.append(("Pages", "pages", graph.pageTree.order)) }
        return NavSkeleton(groups: groups.map { ($0.0, $0.1, $0.2, Set($0.2)) })
    }

    func nav(for page: PageRef) -> [NavGroup] {
        navSkeleton.groups.indices.map { navGroup($0, for: page) }
    }

    /// The page is an entry of navigation group `index` (its links then depend on it).
    func isInNavGroup(_ index: Int, _ page: PageRef) -> Bool { navSkeleton.groups[index].members.contains(page) }

    /// Navigation group `index` as seen from `page`.
    /// What one page's navigation can show of other pages: the titles in
    /// each group (or folder of the page tree) short enough to list, the
    /// sizes of the others, and every page's address. Two handbooks with the
    /// same key give every page the same navigation, but for the page's own
    /// entry (the live preview's narrowed rebuild relies on it).
    func navigationKey() -> [String] {
        var key = graph.pageTree.order.map(\.path).sorted()
        key += [graph.stages.count, graph.roles.count, graph.contracts.count, graph.objects.count].map { String($0) }
        for group in navSkeleton.groups where group.anchor != "pages" {
            key.append(group.anchor + "\u{1}" + String(group.pages.count))
            if group.pages.count <= Self.navLimit { key += group.pages.map { $0.path + "\u{1}" + graph.title(of: $0) } }
        }
        for path in graph.pageTree.folders.keys.sorted() {
            let entries = graph.pageTree.folders[path]?.entries ?? []
            // A folder's own page is named on the way to every page inside it.
            key.append("folder\u{1}" + path + "\u{1}" + String(entries.count) + "\u{1}" + graph.title(of: graph.pageTree.ref(of: path)))
            if entries.count <= Self.navLimit { key += entries.map { $0.path + "\u{1}" + graph.title(of: $0) } }
        }
        return key
    }

    func navGroup(_ index: Int, for page: PageRef) -> NavGroup {
        let group = navSkeleton.groups[index]
        if group.anchor == "pages" { return NavGroup(title: group.title, links: pageTreeLinks(for: page)) }
        var links: [NavLink]
        if group.pages.count <= Self.navLimit {
            links = group.pages.map { NavLink(href: page.href(to: $0), text: graph.title(of: $0), current: $0 == page) }
        } else {
            links = group.members.contains(page) ? [NavLink(href: page.href(to: page), text: graph.title(of: page), current: true)] : []
            let target = lists.contains(group.anchor) ? page.href(to: PageRef(kind: .list, id: group.anchor)) : page.href(to: .index, fragment: group.anchor)
            links.append(NavLink(href: target,
                                 text: "All \(group.pages.count) \(group.title.lowercased())", current: false))
        }
        return NavGroup(title: group.title, links: links)
    }

    /// The pages as a tree seen from `page`: the top level, and inside it
    /// the folders that lead to the page open (their pages listed), every
    /// other folder one link to its own page. So a page's navigation grows
    /// with the depth of the tree and the size of its folders, not with the
    /// number of pages. A folder with more than `navLimit` entries lists the
    /// one on the way to the page and a link to the folder's page.
    func pageTreeLinks(for page: PageRef) -> [NavLink] {
        let tree = graph.pageTree
        var open = Set<String>()
        var folder = tree.folderPath(of: page) ?? tree.parent(of: page)
        while let current = folder {
            open.insert(current)
            folder = current.isEmpty ? nil : PagePath.split(current).folder
        }
        var links: [NavLink] = []
        func emit(_ path: String) {
            let entries = tree.folders[path]?.entries ?? []
            var shown = entries
            var more: PageRef?
            if entries.count > Self.navLimit {
                // The page itself and the folder on the way to it, in their order (no scan of the folder).
                var kept: [PageRef] = []
                if tree.parent(of: page) == path, tree.position[page] != nil { kept.append(page) }
                if let sub = open.first(where: { !$0.isEmpty && PagePath.split($0).folder == path }) { kept.append(tree.ref(of: sub)) }
                shown = kept.sorted { (tree.position[$0] ?? 0) < (tree.position[$1] ?? 0) }
                more = tree.ref(of: path)
            }
            for entry in shown {
                if let sub = tree.folderPath(of: entry) {
                    let isOpen = open.contains(sub)
                    links.append(NavLink(href: page.href(to: entry), text: graph.title(of: entry), current: entry == page, isFolder: true, isOpen: isOpen))
                    if isOpen {
                        emit(sub)
                        links[links.count - 1].closes.append(NavClose())
                    }
                } else {
                    links.append(NavLink(href: page.href(to: entry), text: graph.title(of: entry), current: entry == page))
                }
            }
            if let more {
                links.append(NavLink(href: page.href(to: more), text: "All \(entries.count) in \(graph.title(of: more))", current: false))
            }
        }
        if let root = tree.folders[""], root.index != nil {
            links.append(NavLink(href: page.href(to: tree.ref(of: "")), text: graph.title(of: tree.ref(of: "")), current: tree.ref(of: "") == page))
        }
        emit("")
        return links
    }
}
