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
        // A plain scan: Collection.firstRange(of:) is many times slower on
        // byte arrays, and this runs over every twin's table cell and body.
        let needle = Array(target.utf8)
        guard let first = needle.first else { return String(self) }
        return utf8.withContiguousStorageIfAvailable { bytes in Self.replacing(bytes, needle, first, Array(replacement.utf8)) }
            ?? Self.replacing(Array(utf8), needle, first, Array(replacement.utf8))
    }

    static func replacing(_ bytes: some Collection<UInt8>, _ needle: [UInt8], _ first: UInt8, _ replacement: [UInt8]) -> String {
        let bytes = Array(bytes)
        let n = bytes.count, m = needle.count
        var i = 0
        var out: [UInt8]? = nil
        var copied = 0
        while i + m <= n {
            if bytes[i] == first {
                var k = 1
                while k < m, bytes[i + k] == needle[k] { k += 1 }
                if k == m {
                    if out == nil { out = []; out!.reserveCapacity(n + 16) }
                    out! += bytes[copied..<i]
                    out! += replacement
                    i += m
                    copied = i
                    continue
                }
            }
            i += 1
        }
        guard var result = out else { return String(decoding: bytes, as: UTF8.self) }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    /// Without leading and trailing white space (spaces, tabs, line breaks).
    public func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[start...end])
    }
}
