import Diagnostics
import HandbookModel
import Markup

/// A page of the tree, and a folder's generated page.
extension ViewFactory {
    func page(_ entity: Page) -> PageView {
        let page = PageRef(.pages, entity.id)
        let backlinks = backlinks(of: page)
        // A page shows its title once: not when its body opens with its own
        // level-1 heading, or its title is that heading.
        let titled = entity.body.opensWithTitle || entity.titleFromBody
        return PageView(name: entity.name, showsTitle: !titled, body: body(entity.body, file: entity.file, of: page, kind: .pages),
                        backlinks: backlinks)
    }

    /// A folder of pages without a file of its own: what it holds, in order.
    func folder(_ path: String) -> ListView {
        let page = PageRef(kind: .folder, id: path)
        let entries = graph.pageTree.folders[path]?.entries ?? []
        let items = entries.map { entry -> SummaryView in
            let isFolder = graph.pageTree.folderPath(of: entry) != nil
            let detail = entry.kind == .entity(.pages) ? graph.handbook.pages[entry.id]?.description ?? "" : ""
            return SummaryView(href: page.href(to: entry), name: graph.title(of: entry) + (isFolder ? "/" : ""), detail: detail)
        }
        let folders = entries.filter { graph.pageTree.folderPath(of: $0) != nil }.count
        var parts: [String] = []
        if entries.count > folders { parts.append(counted(entries.count - folders, "page")) }
        if folders > 0 { parts.append(counted(folders, "folder")) }
        return ListView(kind: "Folder", title: graph.title(of: page), intro: parts.isEmpty ? "Nothing here yet." : "This folder holds " + listed(parts) + ".",
                        items: items, contracts: [], isContracts: false)
    }
}
