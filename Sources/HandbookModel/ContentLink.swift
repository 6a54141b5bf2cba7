
/// A link destination in a body that names something in the handbook: no
/// scheme, not a network path (`//host`), and either a bare `#anchor` or a
/// path: relative to the document (`../roles/pm.md`, `img/flow.svg`) or, when
/// it starts with `/`, to the content folder (`/roles/pm.md`, as GitHub's
/// repository view reads it). The site generator resolves links the same way.
public struct ContentLink: Sendable, Hashable {
    /// Percent-decoded path, without a leading `/` ("" for a bare `#anchor`).
    public var path: String
    /// Percent-decoded fragment without `#`.
    public var fragment: String?
    /// The path is taken from the content folder, not the document.
    public var isRootRelative: Bool

    public init?(_ destination: String) {
        if destination.isEmpty || destination.hasPrefix("//") || destination.hasPrefix("\\") || destination.hasPrefix("/\\") { return nil }
        if Self.hasScheme(destination) { return nil }
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = Self.percentDecoded(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        isRootRelative = rest.hasPrefix("/")
        while rest.hasPrefix("/") { rest = rest.dropFirst() }
        let path = Self.percentDecoded(rest)
        if path.isEmpty {
            // "/" is the site's root; "?x" names nothing; "#" alone is the top.
            guard !isRootRelative, let fragment, !fragment.isEmpty else { return nil }
        }
        self.path = path
        self.fragment = fragment
    }

    /// A link to another content file's page.
    public var isMarkdown: Bool { path.hasSuffix(".md") }

    /// The destination as it stands on a built page: a link to a content
    /// file becomes a link to its page (the site keeps the content folder's
    /// layout, so only `.md` becomes `.html`); a path from the content root
    /// (`/roles/pm.md`) becomes relative to the page, `root` being the way up
    /// from it ("../" for every page that has a body), so the site works from
    /// disk and under any sub-path. Anything else is left as written.
    public static func sitePath(for destination: String, root: String = "../") -> String {
        guard let link = ContentLink(destination), !link.path.isEmpty else { return destination }
        return link.sitePath(written: destination, root: root)
    }

    /// `sitePath(for:)` of a destination already read as this link.
    public func sitePath(written destination: String, root: String = "../") -> String {
        let link = self
        var path = Substring(destination)
        var suffix = ""
        if let hash = path.firstIndex(of: "#") {
            suffix = String(path[hash...])
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") {
            if !link.isMarkdown { suffix = String(path[query...]) + suffix }
            path = path[..<query]
        }
        if link.isRootRelative {
            while path.hasPrefix("/") { path = path.dropFirst() }
            path = Substring(root) + path
        }
        guard link.isMarkdown else { return String(path) + suffix }
        return String(path.dropLast(3)) + ".html" + suffix
    }

    /// The content-relative path this link names from `documentPath`, or nil
    /// when it climbs out of the content folder.
    public func resolved(from documentPath: String) -> String? {
        Self.resolve(path, from: isRootRelative ? "" : documentPath)
    }

    /// `scheme:` before any `/`, `?` or `#` (RFC 3986 scheme characters),
    /// read as a browser reads it: leading spaces and controls, and tabs and
    /// newlines anywhere, are ignored (`java\tscript:` is a scheme).
    static func hasScheme(_ s: String) -> Bool {
        var offset = 0
        for scalar in s.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" || (offset == 0 && scalar.value <= 0x20) { continue }
            if scalar == ":" { return offset > 0 }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            if offset == 0 ? !isLetter : !(isLetter || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == ".") {
                return false
            }
            offset += 1
        }
        return false
    }

    /// A URL path with its `%XX` escapes decoded.
    public static func percentDecodedPath(_ s: String) -> String { percentDecoded(s[...]) }

    static func percentDecoded(_ s: Substring) -> String {
        guard s.contains("%") else { return String(s) }
        var bytes: [UInt8] = []
        var iterator = Array(s.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The content-relative path a link from `documentPath` names, or nil
    /// when it climbs out of the content folder.
    public static func resolve(_ path: String, from documentPath: String) -> String? {
        var parts = documentPath.split(separator: "/").dropLast().map(String.init)
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }
}
