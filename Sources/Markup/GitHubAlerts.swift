import CCmarkGFM

/// GitHub's alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`,
/// `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` (any letter case, alone on
/// its line) is shown as a call-out, with GitHub's markup:
/// `<div class="markdown-alert markdown-alert-note"><p class="markdown-alert-title">Note</p>…</div>`.
/// The theme styles it. Done on cmark's tree, so anchors, links and the
/// sanitizer see the quote's content as before.
enum GitHubAlerts {
    static let kinds = ["note", "tip", "important", "warning", "caution"]

    static func apply(to document: CmarkDocument, markdown: String) {
        // Most bodies hold no "[!": no walk for them.
        guard ByteSearch.contains(markdown, UInt8(ascii: "["), UInt8(ascii: "!")) else { return }
        var quotes: [OpaquePointer] = []
        document.forEachNode { node in
            if cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE { quotes.append(node) }
        }
        for quote in quotes {
            guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let (kind, marker) = alert(in: paragraph) else { continue }
            // The marker's text nodes and the line break after them go.
            for node in marker {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
            if cmark_node_first_child(paragraph) == nil {
                cmark_node_unlink(paragraph)
                cmark_node_free(paragraph)
            }
            guard let callout = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            let title = kind.prefix(1).uppercased() + kind.dropFirst()
            cmark_node_set_on_enter(callout, "<div class=\"markdown-alert markdown-alert-\(kind)\">\n<p class=\"markdown-alert-title\">\(title)</p>\n")
            cmark_node_set_on_exit(callout, "</div>")
            while let child = cmark_node_first_child(quote) {
                cmark_node_unlink(child)
                cmark_node_append_child(callout, child)
            }
            cmark_node_insert_before(quote, callout)
            cmark_node_unlink(quote)
            cmark_node_free(quote)
        }
    }

    /// The alert's kind and the nodes that spell its marker (with the line
    /// break that ends it), when the paragraph opens with one alone on its line.
    static func alert(in paragraph: OpaquePointer) -> (String, [OpaquePointer])? {
        var text = ""
        var nodes: [OpaquePointer] = []
        var node = cmark_node_first_child(paragraph)
        while let current = node {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                nodes.append(current)
                break
            }
            guard type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(current) else { return nil }
            text += String(cString: literal)
            nodes.append(current)
            guard text.utf8.count <= 16 else { return nil }
            node = cmark_node_next(current)
        }
        var marker = Substring(text)
        while marker.last == " " || marker.last == "\t" { marker = marker.dropLast() }
        guard marker.hasPrefix("[!"), marker.hasSuffix("]") else { return nil }
        let kind = marker.dropFirst(2).dropLast().lowercased()
        guard kinds.contains(kind) else { return nil }
        return (kind, nodes)
    }
}
