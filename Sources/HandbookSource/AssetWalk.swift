import Diagnostics
import HandbookModel

/// The content folder's assets: every file the walk found that is not
/// Markdown, not `handbook.yaml` and not hidden, at any depth. Each is
/// published at the same relative path in the site, so the loader refuses
/// (as `unsafe-input`) what would take a page's address, what is over
/// `--limit asset-bytes`, and symlinks that leave the folder or loop.
enum AssetWalk {
    /// Paths the site builds itself; an asset there would replace a page.
    static let sitePaths: Set<String> = SiteLayout.rootAddresses
    static let pageFolders: Set<String> = SiteLayout.pageFolders

    /// - Parameter pages: every page's address (`pages/ops/On Call.html`).
    static func collect(_ walk: ContentWalk, root: String, realRoot: String, pages: Set<String>, display: (String) -> String, limits: LoadLimits,
                        into handbook: inout Handbook, diagnostics: inout [Diagnostic]) {
        for folder in walk.symlinkedFolders {
            diagnostics.append(Diagnostic(.unsafeInput, "symlinked folder '\(folder)' is not followed", at: .start(of: display(folder))))
        }
        // A folder's generated index page yields to an index.html of the
        // team's own (an exported site's), which is published instead.
        let taken = pages
        for item in walk.assets {
            let file = display(item.relative)
            let path = root + "/" + item.relative
            if let problem = problem(item, path: path, realRoot: realRoot, taken: taken, limits: limits) {
                diagnostics.append(Diagnostic(.unsafeInput, problem, at: .start(of: file)))
                handbook.refusedAssets.insert(item.relative)
                continue
            }
            let real = item.isSymlink ? FileSystem.realPath(path) ?? path : path
            handbook.assets[item.relative] = Asset(relativePath: item.relative, file: file, path: real, size: FileSystem.size(of: real) ?? 0)
        }
    }

    static func problem(_ item: ContentWalk.Found, path: String, realRoot: String, taken: Set<String>, limits: LoadLimits) -> String? {
        let parts = item.relative.split(separator: "/")
        if item.relative.contains("\\") {
            return "asset '\(item.relative.displayEscaped)' has a backslash in its path: it cannot be published under that name"
        }
        if sitePaths.contains(item.relative) || taken.contains(item.relative)
            || (parts.count == 2 && parts[0] != "pages" && pageFolders.contains(String(parts[0])) && parts[1].hasSuffix(".html")) {
            return "asset '\(item.relative)' would take the address of a page the site builds"
        }
        if item.isSymlink {
            guard let target = FileSystem.realPath(path) else {
                return "symlink '\(item.relative)' does not resolve: its target is missing or it loops"
            }
            guard target.hasPrefix(realRoot + "/") else { return "symlink '\(item.relative)' points outside the content folder" }
            guard FileSystem.kind(of: target) == .regularFile else { return "symlink '\(item.relative)' does not point at a file" }
        }
        if let size = FileSystem.size(of: path), size > limits.assetBytes {
            return "asset is \(size) bytes, over the limit of \(limits.assetBytes) (raise it with --limit asset-bytes=N)"
        }
        return nil
    }
}
