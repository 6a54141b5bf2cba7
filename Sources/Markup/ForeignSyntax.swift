import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// Another tool's template syntax in a body (FORMAT.md, `foreign-syntax`):
/// Liquid's `{% … %}` and Hugo's `{{< … >}}` / `{{% … %}}` in text outside
/// code, and mdBook's `{{#include …}}` / `{{#rustdoc_include …}}` anywhere.
/// handoff runs none of them, so they show as written.
public enum ForeignSyntax {
    public enum Kind: String, Sendable, Hashable {
        case liquid = "Liquid"
        case hugo = "Hugo shortcode"
        case mdBook = "mdBook include"
    }

    public struct Occurrence: Sendable, Hashable {
        public var kind: Kind
        /// 1-based line and scalar column in the body.
        public var line: Int
        public var column: Int
        /// What stands there, as written ("{% include nav.html %}").
        public var text: String
    }

    static let patterns: [(open: String, close: String, kind: Kind, inCode: Bool)] = [
        ("{{#include", "}}", .mdBook, true), ("{{#rustdoc_include", "}}", .mdBook, true),
        ("{%", "%}", .liquid, false), ("{{<", ">}}", .hugo, false), ("{{%", "%}}", .hugo, false),
    ]

    /// Every occurrence in document order.
    static func find(in document: CmarkDocument, markdown: String) -> [Occurrence] {
        // Cheap test first: most bodies hold no '{' pair at all.
        guard ByteSearch.contains(markdown, UInt8(ascii: "{"), UInt8(ascii: "{")) || ByteSearch.contains(markdown, UInt8(ascii: "{"), UInt8(ascii: "%")) else { return [] }
        var found: [(kind: Kind, line: Int, snippet: String)] = []
        var lines: [Substring]?
        func locate(_ snippet: String, from line: Int, kind: Kind) {
            found.append((kind, line, snippet))
        }
        func inline(_ node: OpaquePointer, line: Int) {
            let (text, code) = inlineText(of: node)
            for hit in scan(text, codeOnly: false) { locate(hit.snippet, from: line, kind: hit.kind) }
            for hit in scan(code, codeOnly: true) { locate(hit.snippet, from: line, kind: hit.kind) }
        }
        document.forEachNode { node in
            let type = cmark_node_get_type(node)
            let line = Int(cmark_node_get_start_line(node))
            switch type {
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                let text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                for hit in scan(text, codeOnly: true) { locate(hit.snippet, from: line, kind: hit.kind) }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                inline(node, line: line)
            default:
                if let name = cmark_node_get_type_string(node), strcmp(name, "table_cell") == 0 { inline(node, line: line) }
            }
        }
        guard !found.isEmpty else { return [] }
        lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        // Each occurrence at its place in the source: the first match of its
        // text at or after its block's first line (and after the previous one).
        var out: [Occurrence] = []
        var cursor: (line: Int, offset: String.Index?) = (0, nil)
        for item in found {
            guard let lines else { break }
            var lineIndex = max(item.line - 1, 0)
            if lineIndex < cursor.line { lineIndex = cursor.line }
            let needle = String(item.snippet.prefix(while: { $0 != "\n" }))
            var placed = false
            while lineIndex < lines.count {
                let text = lines[lineIndex]
                let start = lineIndex == cursor.line ? (cursor.offset ?? text.startIndex) : text.startIndex
                if start <= text.endIndex, let range = text[start...].range(of: needle) {
                    let column = text[..<range.lowerBound].unicodeScalars.count + 1
                    out.append(Occurrence(kind: item.kind, line: lineIndex + 1, column: column, text: String(item.snippet.prefix(60))))
                    cursor = (lineIndex, range.upperBound)
                    placed = true
                    break
                }
                lineIndex += 1
            }
            if !placed { out.append(Occurrence(kind: item.kind, line: item.line, column: 1, text: String(item.snippet.prefix(60)))) }
        }
        return out
    }

    /// The text of a block's inlines as written (code spans apart).
    static func inlineText(of block: OpaquePointer) -> (text: String, code: String) {
        var text = ""
        var code = ""
        let iterator = cmark_iter_new(block)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE:
                text += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            case CMARK_NODE_CODE:
                code += (cmark_node_get_literal(node).map { String(cString: $0) } ?? "") + "\n"
                text += "\u{1}"
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += "\n"
            default:
                break
            }
        }
        return (text, code)
    }

    /// Occurrences of the patterns in a text; in code, only mdBook's.
    static func scan(_ text: String, codeOnly: Bool) -> [(kind: Kind, snippet: String)] {
        var hits: [(offset: String.Index, kind: Kind, snippet: String)] = []
        for pattern in patterns where !codeOnly || pattern.inCode {
            var rest = text[...]
            while let open = rest.range(of: pattern.open) {
                guard let close = rest[open.upperBound...].range(of: pattern.close) else { break }
                // One pattern's match inside a longer one's ({{#include}} is no Liquid).
                if !hits.contains(where: { $0.offset == open.lowerBound }) {
                    hits.append((open.lowerBound, pattern.kind, String(rest[open.lowerBound..<close.upperBound])))
                }
                rest = rest[close.upperBound...]
            }
        }
        return hits.sorted { $0.offset < $1.offset }.map { ($0.kind, $0.snippet) }
    }
}

extension StringProtocol {
    func range(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var index = startIndex
        let first = needle.first!
        while index < endIndex {
            if self[index] == first, self[index...].hasPrefix(needle) {
                return index..<self.index(index, offsetBy: needle.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
