/// Every file and folder under the content folder, by content-relative path:
/// what links resolve against (FORMAT.md: a link starting with `/` is
/// looked up in the page's own folder, then in each folder above it).
public struct ContentFiles: Sendable, Hashable {
    /// Files: Markdown and assets, refused or not.
    public var paths: Set<String>
    /// Folders, without a trailing slash ("pages", "pages/ops").
    public var folders: Set<String>

    public init(paths: Set<String> = [], folders: Set<String> = []) {
        self.paths = paths
        self.folders = folders
    }

    public func contains(_ path: String) -> Bool { paths.contains(path) || folders.contains(Self.trimmed(path)) }

    /// The content-relative path a link names from `document` (itself a
    /// content-relative file path), or nil when it climbs out of the folder.
    /// A path from the root (`/sig-node/README.md`) is looked up in the
    /// document's folder and each folder above it; the first that holds it
    /// wins, else it is taken from the content folder.
    public func resolve(_ link: ContentLink, from document: String) -> String? {
        guard link.isRootRelative else { return link.resolved(from: document) }
        guard let path = ContentLink.resolve(link.path, from: "x") else { return nil }
        var folder = PagePath.split(document).folder
        while !folder.isEmpty {
            let candidate = folder + "/" + path
            if contains(candidate) { return candidate }
            folder = PagePath.split(folder).folder
        }
        return path
    }

    /// Whether resolving this link depends on which files exist (so its
    /// rendering must be made again when files come or go).
    public static func dependsOnFiles(_ link: ContentLink) -> Bool {
        link.isRootRelative || PagePath.markdownExtension(PagePath.split(link.path).name) == nil
    }

    static func trimmed(_ path: String) -> String {
        var path = Substring(path)
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }

    /// Where a content path is published in the site: a page's address, a
    /// content file's page, a page folder's index, or the file itself.
    public func sitePath(of path: String) -> String {
        if let id = PagePath.id(forSource: path) { return "pages/" + id + ".html" }
        let (folder, name) = PagePath.split(path)
        if !folder.isEmpty, !folder.contains("/"), EntityKind(rawValue: folder) != nil, name.hasSuffix(".md") {
            return folder + "/" + name.dropLast(3) + ".html"
        }
        let trimmed = Self.trimmed(path)
        if trimmed == "pages" || trimmed.hasPrefix("pages/"), folders.contains(trimmed) { return trimmed + "/index.html" }
        return path
    }

    /// The destination a body's link gets on its page: a link to a content
    /// file becomes a link to what the site publishes for it, relative to
    /// the page (which sits in the same folder as its source file). Links
    /// that need nothing but `.md` → `.html` keep their written form;
    /// anything else (a path from the root, a folder's README, a folder, a
    /// `.markdown` file) is rewritten from the resolved path. `fragment`
    /// replaces the written fragment (an anchor's exact letter case).
    public func href(for destination: String, from document: String, fragment: String? = nil) -> String {
        guard let link = ContentLink(destination) else { return destination }
        return href(for: link, written: destination, from: document, fragment: fragment)
    }

    /// `href(for:from:fragment:)` of a destination already read as `link`.
    public func href(for link: ContentLink, written destination: String, from document: String, fragment: String? = nil) -> String {
        let written = fragment.map { Self.replacingFragment(of: destination, with: $0) } ?? destination
        guard !link.path.isEmpty else { return written }
        let name = PagePath.split(link.path).name
        let plain = !link.isRootRelative && !PagePath.isIndex(name) && !link.path.hasSuffix("/")
            && (name.hasSuffix(".md") || (PagePath.markdownExtension(name) == nil && !folders.contains(Self.trimmed(link.resolved(from: document) ?? ""))))
        if plain {
            // The fragment replaced, the written form read again only then.
            return fragment == nil ? link.sitePath(written: written) : ContentLink.sitePath(for: written)
        }
        guard let resolved = resolve(link, from: document) else { return ContentLink.sitePath(for: written) }
        let target = sitePath(of: resolved)
        var suffix = ""
        if PagePath.markdownExtension(name) == nil, !link.path.hasSuffix("/"), let query = destination.firstIndex(of: "?") {
            let end = destination.firstIndex(of: "#") ?? destination.endIndex
            if query < end { suffix = String(destination[query..<end]) }
        }
        if let fragment = fragment ?? link.fragment { suffix += "#" + fragment }
        return Self.relative(from: PagePath.split(document).folder, to: target) + suffix
    }

    /// `destination` with its `#fragment` replaced.
    static func replacingFragment(of destination: String, with fragment: String) -> String {
        let base = destination.firstIndex(of: "#").map { String(destination[..<$0]) } ?? destination
        return base + "#" + fragment
    }

    /// A relative URL from a folder to a site path, each segment's `%`, `#`
    /// and `?` encoded (the Markdown renderer encodes the rest).
    public static func relative(from folder: String, to target: String) -> String {
        let from = folder.split(separator: "/")
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        let down = to[common...].map { segment in
            segment.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "#", with: "%23").replacingOccurrences(of: "?", with: "%3F")
        }
        return (up + down).joined(separator: "/")
    }
}

extension Substring {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        String(self).replacingOccurrences(of: target, with: replacement)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard !target.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) { return index..<self.index(index, offsetBy: target.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
