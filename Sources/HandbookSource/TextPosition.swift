/// The 1-based line and column (in Unicode scalars) of a byte offset, with
/// `\n`, `\r\n` and a lone `\r` as line endings, as libyaml and cmark count.
enum TextPosition {
    static func of<C: Collection>(byte offset: Int, in bytes: C) -> (line: Int, column: Int) where C.Element == UInt8, C.Index == Int {
        var line = 1
        var column = 1
        var i = bytes.startIndex
        let end = min(bytes.startIndex + offset, bytes.endIndex)
        while i < end {
            let byte = bytes[i]
            if byte == 0x0A || (byte == 0x0D && (i + 1 >= bytes.endIndex || bytes[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}
