/// Percent-encoding of UTF-8 bytes (RFC 3986): ASCII letters and digits are
/// kept, and the characters a caller allows; every other byte becomes `%XX`.
public enum PercentEncoding {
    /// What a URI path keeps (SARIF's `artifactLocation.uri`).
    public static let pathCharacters = "-._~/"
    /// What a page's `#fragment` keeps (heading anchors are letters, digits,
    /// `-` and `_`).
    public static let fragmentCharacters = "-_."

    public static func encode(_ s: String, keeping allowed: String) -> String {
        let kept = Set(allowed.utf8)
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for byte in s.utf8 {
            let alphanumeric = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if alphanumeric || kept.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
