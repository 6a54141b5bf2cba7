/// A Markdown file split into its YAML front matter and its body.
struct FrontMatter {
    enum Problem: Error {
        case missing
        case unterminated
    }

    /// The YAML between the `---` lines.
    var yaml: String
    /// 1-based line of the YAML's first line in the file.
    var yamlFirstLine: Int
    var body: String
    /// 1-based line of the body's first line in the file.
    var bodyFirstLine: Int

    /// The file must start with a `---` line; the front matter ends at the
    /// next `---` (or `...`) line. Trailing spaces are allowed on both; lines
    /// end with `\n`, `\r\n` or a lone `\r`.
    static func split(_ text: String) -> Result<FrontMatter, Problem> {
        let bytes = text.utf8
        var lines: [(start: String.Index, contentEnd: String.Index, next: String.Index)] = []
        var index = bytes.startIndex
        var lineStart = index
        // Only the lines up to the closing delimiter are needed.
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                let contentEnd = index
                var next = bytes.index(after: index)
                if byte == UInt8(ascii: "\r"), next < bytes.endIndex, bytes[next] == UInt8(ascii: "\n") {
                    next = bytes.index(after: next)
                }
                lines.append((lineStart, contentEnd, next))
                if lines.count == 1 {
                    guard isDelimiter(text.utf8[lineStart..<contentEnd], closing: false) else { return .failure(.missing) }
                } else if isDelimiter(text.utf8[lineStart..<contentEnd], closing: true) {
                    return .success(make(text, lines))
                }
                index = next
                lineStart = next
            } else {
                index = bytes.index(after: index)
            }
        }
        if lineStart < bytes.endIndex {
            // A last line without a line ending.
            lines.append((lineStart, bytes.endIndex, bytes.endIndex))
            if lines.count == 1 {
                return isDelimiter(text.utf8[lineStart...], closing: false) ? .failure(.unterminated) : .failure(.missing)
            }
            if isDelimiter(text.utf8[lineStart...], closing: true) { return .success(make(text, lines)) }
        }
        return .failure(lines.isEmpty ? .missing : .unterminated)
    }

    private static func make(_ text: String, _ lines: [(start: String.Index, contentEnd: String.Index, next: String.Index)]) -> FrontMatter {
        let closing = lines[lines.count - 1]
        let yaml = String(text[lines[0].next..<closing.start])
        let body = String(text[closing.next...])
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: lines.count + 1)
    }

    private static func isDelimiter(_ line: Substring.UTF8View, closing: Bool) -> Bool {
        var trimmed = line[...]
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            trimmed = trimmed.dropLast()
        }
        if trimmed.elementsEqual("---".utf8) { return true }
        return closing && trimmed.elementsEqual("...".utf8)
    }
}
