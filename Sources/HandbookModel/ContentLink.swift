
/// A link destination in a body, when it may point at a content file: no
/// scheme, not absolute, and either a bare `#anchor` or a path to a `.md`
/// file. The site generator resolves links the same way.
public struct ContentLink: Sendable, Hashable {
    /// Percent-decoded path ("" for a bare `#anchor`).
    public var path: String
    /// Percent-decoded fragment without `#`.
    public var fragment: String?

    public init?(_ destination: String) {
        if destination.isEmpty || destination.hasPrefix("/") || destination.hasPrefix("\\") { return nil }
        if Self.hasScheme(destination) { return nil }
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = Self.percentDecoded(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        let path = Self.percentDecoded(rest)
        guard path.isEmpty ? fragment != nil : path.hasSuffix(".md") else { return nil }
        if path.isEmpty, fragment?.isEmpty == true { return nil }
        self.path = path
        self.fragment = fragment
    }

    /// `scheme:` before any `/`, `?` or `#` (RFC 3986 scheme characters).
    static func hasScheme(_ s: String) -> Bool {
        for (offset, scalar) in s.unicodeScalars.enumerated() {
            if scalar == ":" { return offset > 0 }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            if offset == 0 ? !isLetter : !(isLetter || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == ".") {
                return false
            }
        }
        return false
    }

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
