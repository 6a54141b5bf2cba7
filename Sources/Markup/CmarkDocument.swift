import CCmarkGFM
import CCmarkSpecialChars

/// A parsed cmark-gfm document with the GFM extensions of FORMAT.md
/// (tables, task lists, autolinks, strikethrough, footnotes). Owns its node tree.
/// cmark's tree is walked with its iterator only, never recursively, so
/// that deep nesting cannot overflow the stack.
public final class CmarkDocument {
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    let root: OpaquePointer
    /// Kept until the document is freed: it owns the extension list that
    /// rendering needs (copying the list cost four allocations a page).
    private let parser: OpaquePointer

    /// The syntax extensions attached to the parser, for rendering.
    var extensions: UnsafeMutablePointer<cmark_llist>? { cmark_parser_get_syntax_extensions(parser) }

    /// `sourcePositions` only for scanning; rendering leaves them out.
    init(_ text: String, sourcePositions: Bool) {
        Self.registerExtensions
        let options = (sourcePositions ? CMARK_OPT_SOURCEPOS : CMARK_OPT_DEFAULT) | CMARK_OPT_FOOTNOTES
        let parser = cmark_parser_new(options)!
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        root = cmark_parser_finish(parser)!
        self.parser = parser
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// How cmark-gfm's process-wide special-character table is kept stable
    /// while documents are parsed on many threads (`CCmarkSpecialChars`):
    /// "interposed" (shared library), "wrapped" (static archive), or
    /// "none" when no parse has run or the guard is not linked in.
    public static var specialCharacterGuard: String {
        switch handoff_cmark_special_chars_guard() {
        case 1: "interposed"
        case 2: "wrapped"
        default: "none"
        }
    }

    /// Parses that hold the special-character table right now (0 between parses).
    public static var specialCharacterHolders: Int { Int(handoff_cmark_special_chars_holders()) }

    /// Calls `visit` for each node on entry, in document order.
    func forEachNode(_ visit: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    /// The text of a node's descendants as a reader sees it: text, code and
    /// line breaks (as spaces); raw HTML tags and images contribute nothing,
    /// as in the text content of GitHub's rendered heading.
    static func plainText(of node: OpaquePointer) -> String {
        var out = ""
        let iterator = cmark_iter_new(node)!
        defer { cmark_iter_free(iterator) }
        var insideImage = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_IMAGE {
                insideImage += event == CMARK_EVENT_ENTER ? 1 : -1
                continue
            }
            guard event == CMARK_EVENT_ENTER, insideImage == 0 else { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { out += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                out += " "
            default:
                break
            }
        }
        return out
    }
}
