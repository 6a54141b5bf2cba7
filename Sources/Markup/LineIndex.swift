/// Byte offsets of line starts (after `\n`, `\r\n` or a lone `\r`, the line
/// endings cmark and libyaml accept), to turn byte columns into scalar columns.
struct LineIndex {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]
    /// The last answer, so that positions asked in document order (every
    /// node of one long line) cost the distance between them, not the line.
    private var memo: (line: Int, byteColumn: Int, column: Int) = (0, 0, 0)

    init(_ text: String) {
        bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                starts.append(i + 1)
            } else if bytes[i] == UInt8(ascii: "\r") {
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
    }

    /// The text of a 1-based line (without its line ending), or nil.
    func text(ofLine line: Int) -> Substring? {
        guard line >= 1, line <= starts.count else { return nil }
        var end = line < starts.count ? starts[line] : bytes.count
        while end > starts[line - 1], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return Substring(String(decoding: bytes[starts[line - 1]..<end], as: UTF8.self))
    }

    /// The 1-based scalar column of a 1-based byte column on a 1-based line.
    mutating func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= starts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let start = starts[line - 1]
        var column = 1
        var i = start
        if memo.line == line && memo.byteColumn <= byteColumn {
            column = memo.column
            i = start + memo.byteColumn - 1
        }
        let end = min(start + byteColumn - 1, bytes.count)
        while i < end {
            // Count bytes that start a scalar (not UTF-8 continuation bytes).
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        memo = (line, byteColumn, column)
        return column
    }
}
