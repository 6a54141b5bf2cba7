import HandbookModel

/// The pages of `pages/` as the tree they were written in: each folder's
/// pages and subfolders in order (`order`/`weight`, then `SUMMARY.md`, then
/// by title), each folder's own page (its README, index or _index, or a
/// generated one listing what it holds).
struct PageTree: Sendable {
    struct Folder: Sendable {
        /// Path under `pages/` ("" for `pages/` itself).
        var path: String
        /// The folder's own page, when a file is it (`ops/index`).
        var index: String?
        /// Pages and subfolders in order (a subfolder as its own page).
        var entries: [PageRef] = []
    }

    private(set) var folders: [String: Folder] = [:]
    /// Every page of the tree in reading order: a folder's own page, then
    /// its entries, depth first. Generated folder pages included.
    private(set) var order: [PageRef] = []
    /// Each folder's own page → the folder (looked up per navigation link).
    private(set) var folderOf: [PageRef: String] = [:]
    /// Each entry's place in its folder's `entries`.
    private(set) var position: [PageRef: Int] = [:]

    init(_ handbook: Handbook) {
        guard !handbook.pages.isEmpty else { return }
        // Every folder that holds a page, with its parents.
        var members: [String: [String]] = [:]
        // A folder and its parents, each a member ("/name") of the one above.
        func ensure(_ folder: String) {
            var folder = folder
            while folders[folder] == nil {
                folders[folder] = Folder(path: folder)
                guard !folder.isEmpty else { return }
                let parent = PagePath.split(folder).folder
                members[parent, default: []].append("/" + folder)
                folder = parent
            }
        }
        for id in handbook.pages.keys {
            let folder = PagePath.folder(of: id)
            ensure(folder)
            if PagePath.isFolderPage(id) {
                folders[folder]!.index = id
            } else {
                members[folder, default: []].append(id)
            }
        }
        // Sort keys: explicit order first, then SUMMARY.md's, then the title.
        var firstInSummary: [String: Int] = [:]
        for (id, position) in handbook.summaryOrder {
            var folder = PagePath.folder(of: id)
            while true {
                firstInSummary[folder] = min(firstInSummary[folder] ?? .max, position)
                guard !folder.isEmpty else { break }
                folder = PagePath.split(folder).folder
            }
        }
        struct Key { var order: Double?; var summary: Int?; var title: String; var id: String }
        func key(_ member: String) -> Key {
            if member.hasPrefix("/") {
                let folder = String(member.dropFirst())
                if let index = folders[folder]?.index, let page = handbook.pages[index] {
                    return Key(order: page.order, summary: handbook.summaryOrder[index] ?? firstInSummary[folder], title: page.name, id: member)
                }
                return Key(order: nil, summary: firstInSummary[folder], title: PagePath.split(folder).name, id: member)
            }
            let page = handbook.pages[member]!
            return Key(order: page.order, summary: handbook.summaryOrder[member], title: page.name, id: member)
        }
        func precedes(_ a: Key, _ b: Key) -> Bool {
            switch (a.order, b.order) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            switch (a.summary, b.summary) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            return a.title != b.title ? a.title < b.title : a.id < b.id
        }
        var sorted: [String: [PageRef]] = [:]
        for (folder, list) in members {
            sorted[folder] = list.map { ($0, key($0)) }.sorted { precedes($0.1, $1.1) }.map { member, _ in
                member.hasPrefix("/") ? self.ref(of: String(member.dropFirst())) : PageRef(.pages, member)
            }
        }
        for (folder, entries) in sorted {
            folders[folder]?.entries = entries
            for (offset, entry) in entries.enumerated() { position[entry] = offset }
        }
        for folder in folders.keys { folderOf[ref(of: folder)] = folder }
        var reading: [PageRef] = []
        var stack: [PageRef] = [ref(of: "")]
        while let next = stack.popLast() {
            reading.append(next)
            guard let folder = folderPath(of: next) else { continue }
            stack += (folders[folder]?.entries ?? []).reversed()
        }
        order = reading
    }

    /// A folder's own page: its README/index/_index, or the generated one.
    func ref(of folder: String) -> PageRef {
        if let index = folders[folder]?.index { return PageRef(.pages, index) }
        return PageRef(kind: .folder, id: folder)
    }

    /// The folder whose own page this is, if it is one.
    func folderPath(of page: PageRef) -> String? {
        if page.kind == .folder { return page.id }
        return page.kind == .entity(.pages) ? folderOf[page] : nil
    }

    /// Folders without a file of their own, whose pages the site generates.
    var generated: [String] { folders.values.filter { $0.index == nil }.map(\.path).sorted() }

    /// The folder a page sits in (a folder's own page: its parent).
    func parent(of page: PageRef) -> String? {
        if let folder = folderPath(of: page) { return folder.isEmpty ? nil : PagePath.split(folder).folder }
        guard page.kind == .entity(.pages) else { return nil }
        return PagePath.folder(of: page.id)
    }
}
