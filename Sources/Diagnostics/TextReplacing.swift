/// Literal text replacement and trimming without Foundation: the modules
/// linked into `handoff` import FoundationEssentials (no ICU, whose data
/// would be a third of a static binary), which has neither
/// `replacingOccurrences(of:with:)` nor `trimmingCharacters(in:)`.
extension StringProtocol {
    /// Every occurrence of `target` replaced by `replacement`, left to right
    /// and not overlapping, compared byte for byte (UTF-8) like Foundation's
    /// literal search: "\n" is found inside "\r\n", which the standard
    /// library's `replacing(_:with:)`, comparing Characters, would skip.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        var rest = utf8[...]
        guard !needle.isEmpty, var range = rest.firstRange(of: needle) else { return String(self) }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        while true {
            out += rest[..<range.lowerBound]
            out += replacement.utf8
            rest = rest[range.upperBound...]
            guard let next = rest.firstRange(of: needle) else { break }
            range = next
        }
        out += rest
        return String(decoding: out, as: UTF8.self)
    }

    /// Without leading and trailing white space (spaces, tabs, line breaks).
    public func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
