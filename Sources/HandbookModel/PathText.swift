/// NSString's `lastPathComponent` and `deletingLastPathComponent` on plain
/// strings, for the modules that import FoundationEssentials (which has
/// neither): repeated slashes count as one and a trailing slash is ignored.
public enum PathText {
    /// "a/b/c" → "c", "/a/" → "a", "/" → "/", "" → "".
    public static func lastComponent(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        guard fixed.count > 1, let slash = fixed.lastIndex(of: slashByte) else { return string(fixed) }
        return string(fixed[(slash + 1)...])
    }

    /// "a/b/c" → "a/b", "/a" → "/", "a" → "", "/" → "/".
    public static func deletingLastComponent(_ path: String) -> String {
        let fixed = fixingSlashes(path)
        if fixed == [slashByte] { return "/" }
        guard let slash = fixed.lastIndex(of: slashByte) else { return "" }
        return slash == 0 ? "/" : string(fixed[..<slash])
    }

    private static let slashByte = UInt8(ascii: "/")

    /// Runs of "/" made one, and a trailing "/" dropped (but not from "/").
    private static func fixingSlashes(_ path: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 where !(byte == slashByte && out.last == slashByte) { out.append(byte) }
        if out.count > 1, out.last == slashByte { out.removeLast() }
        return out
    }

    private static func string(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
