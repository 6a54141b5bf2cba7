import Diagnostics
import HandbookModel

/// Finds the content folder's assets: every file that is not Markdown, not
/// `handbook.yaml` and not hidden (a name starting with '.'), at any depth.
/// Each is published at the same relative path in the site, so the loader
/// refuses (as `unsafe-input`) what would take a page's address, what is over
/// `--limit asset-bytes`, and symlinks that leave the folder or loop. Hidden
/// files and folders (`.git`, `.DS_Store`) are skipped.
enum AssetWalk {
    /// Paths the site builds itself; an asset there would replace a page.
    static let sitePaths: Set<String> = ["index.html", "heatmap.svg", "handbook.html", "search-index.js",
                                         "roles.html", "contracts.html", "contexts.html", "pages.html", "objects.html"]
    static let pageFolders: Set<String> = Set(EntityKind.allCases.map(\.rawValue) + ["objects"])

    static func collect(root: String, realRoot: String, display: (String) -> String, limits: LoadLimits,
                        into handbook: inout Handbook, diagnostics: inout [Diagnostic]) {
        var pending: [(path: String, relative: String, depth: Int)] = [(root, "", 0)]
        var found: [(relative: String, path: String, isSymlink: Bool)] = []
        while let current = pending.popLast() {
            guard let entries = FileSystem.list(current.path) else { continue }
            var subfolders: [(String, String, Int)] = []
            for entry in entries where !entry.name.hasPrefix(".") {
                let path = current.path + "/" + entry.name
                let relative = current.relative.isEmpty ? entry.name : current.relative + "/" + entry.name
                if entry.isDirectory {
                    // Symlinked folders inside the page folders are reported by the Markdown walk.
                    if entry.isSymlink {
                        if !pageFolders.contains(String(relative.split(separator: "/")[0])) {
                            diagnostics.append(Diagnostic(.unsafeInput, "symlinked folder '\(relative)' is not followed", at: .start(of: display(relative))))
                        }
                    } else if current.depth < 32 {
                        subfolders.append((path, relative, current.depth + 1))
                    }
                    continue
                }
                if entry.name.hasSuffix(".md") || (current.depth == 0 && entry.name == "handbook.yaml") { continue }
                found.append((relative, path, entry.isSymlink))
                if !entry.isRegularFile && !entry.isSymlink { found.removeLast() } // sockets, fifos
            }
            pending += subfolders.reversed()
        }
        for item in found.sorted(by: { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }) {
            let file = display(item.relative)
            if let problem = problem(item, realRoot: realRoot, limits: limits) {
                diagnostics.append(Diagnostic(.unsafeInput, problem, at: .start(of: file)))
                handbook.refusedAssets.insert(item.relative)
                continue
            }
            let real = item.isSymlink ? FileSystem.realPath(item.path) ?? item.path : item.path
            handbook.assets[item.relative] = Asset(relativePath: item.relative, file: file, path: real, size: FileSystem.size(of: real) ?? 0)
        }
    }

    static func problem(_ item: (relative: String, path: String, isSymlink: Bool), realRoot: String, limits: LoadLimits) -> String? {
        let parts = item.relative.split(separator: "/")
        if item.relative.contains("\\") {
            return "asset '\(item.relative.displayEscaped)' has a backslash in its path: it cannot be published under that name"
        }
        if sitePaths.contains(item.relative) || (parts.count == 2 && pageFolders.contains(String(parts[0])) && parts[1].hasSuffix(".html")) {
            return "asset '\(item.relative)' would take the address of a page the site builds"
        }
        if item.isSymlink {
            guard let target = FileSystem.realPath(item.path) else {
                return "symlink '\(item.relative)' does not resolve: its target is missing or it loops"
            }
            guard target.hasPrefix(realRoot + "/") else { return "symlink '\(item.relative)' points outside the content folder" }
            guard FileSystem.kind(of: target) == .regularFile else { return "symlink '\(item.relative)' does not point at a file" }
        }
        if let size = FileSystem.size(of: item.path), size > limits.assetBytes {
            return "asset is \(size) bytes, over the limit of \(limits.assetBytes) (raise it with --limit asset-bytes=N)"
        }
        return nil
    }
}
