import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// What to do with raw HTML in a body (`raw_html:` in handbook.yaml).
public enum RawHTMLPolicy: String, Sendable, CaseIterable {
    /// Keep it after GitHub-style sanitizing (the default).
    case sanitize
    /// Drop every piece of it (still reported).
    case drop
}

/// The one pass over a body that both the checker and the page use, so that
/// they agree: links with positions, heading anchors from the text a reader
/// sees (raw HTML tags contribute nothing, an image contributes nothing), the
/// ids kept in raw HTML, what the sanitizer removed, and the HTML.
///
/// Bodies without raw HTML take cmark's path alone; only bodies that hold
/// raw HTML are rendered with it and sanitized (`HTMLSanitizer`).
public struct MarkdownRendering: Sendable {
    /// Links and images of the body (Markdown and raw HTML), in order.
    public var links: [MarkdownScan.Link] = []
    /// Headings in order, with their anchors.
    public var headings: [MarkdownScan.Heading] = []
    /// Ids that raw HTML adds as link targets (`<a id>`, `<a name>`, `<div id>`).
    public var rawIDs: [String] = []
    /// What the sanitizer removed (or, under `drop`, one entry for all of it).
    public var removals: [RawHTMLRemoval] = []
    public var html: String = ""
    /// How many pieces of raw HTML the body holds (0: cmark alone rendered it).
    public var rawHTMLPieces = 0
    /// The document's first block is a level-1 heading.
    public var opensWithHeading1 = false
    /// Places in the body that another tool's template syntax stands
    /// (`{% %}`, `{{< >}}`, `{{#include}}`): shown as written.
    public var foreignSyntax: [ForeignSyntax.Occurrence] = []

    /// The text of the first level-1 heading.
    public var heading1: String? { headings.first { $0.level == 1 }?.text }

    /// Ids cmark-gfm gives footnotes (`fn-1`) and their references (`fnref-1`).
    public var footnoteIDs: [String] = []

    /// Every anchor a link may name in this body.
    public var anchors: [String] { headings.map(\.anchor) + rawIDs + footnoteIDs }

    /// - Parameters:
    ///   - reserved: ids the page holds already; a heading with such an
    ///     anchor gets none of its own (links to it reach the section).
    ///   - html: false when only the facts are needed (the checker); the
    ///     HTML is then built only where raw HTML must be sanitized.
    ///   - rewrite: applied to every kept link and image destination.
    public init(_ markdown: String, reserved: Set<String> = [], rawHTML: RawHTMLPolicy = .sanitize, html wantHTML: Bool = true,
                rewrite: (String) -> String = { $0 }) {
        // An HTML block that cmark ends only at its closing tag or `-->`
        // (`<!--`, `<script>`, `<pre>`, `<?`...) runs to the end of the
        // document when that never comes, taking the Markdown after it: its
        // opener is escaped, so it shows as text and the rest is Markdown.
        var markdown = markdown
        var unclosed: [RawHTMLRemoval] = []
        var rendering = MarkdownRendering(parsing: markdown, reserved: reserved, rawHTML: rawHTML, html: wantHTML, rewrite: rewrite)
        while let block = rendering.unclosedBlock, unclosed.count < 8, let fixed = Self.escapingOpener(of: block, in: markdown) {
            unclosed.append(RawHTMLRemoval(what: block.opener + " (not closed)", line: block.line, column: fixed.column, count: 1))
            markdown = fixed.markdown
            rendering = MarkdownRendering(parsing: markdown, reserved: reserved, rawHTML: rawHTML, html: wantHTML, rewrite: rewrite)
        }
        self = rendering
        unclosedBlock = nil
        if !unclosed.isEmpty {
            removals = (unclosed + removals).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        }
    }

    /// An HTML block that swallowed the rest of its container (found while parsing).
    var unclosedBlock: UnclosedBlock?

    struct UnclosedBlock {
        var opener: String
        var line: Int
        var byteColumn: Int
    }

    /// An HTML block of cmark's kinds 1 to 5 whose end condition never came,
    /// when it swallowed lines after its first; nil otherwise.
    static func unclosed(_ node: OpaquePointer) -> UnclosedBlock? {
        guard let literal = cmark_node_get_literal(node) else { return nil }
        let text = String(cString: literal)
        guard text.dropLast().contains("\n") else { return nil }
        let trimmed = text.drop { $0 == " " }
        let lower = trimmed.prefix(12).lowercased()
        var opener: String?
        var closer: String?
        for tag in ["script", "pre", "style", "textarea"] where lower.hasPrefix("<" + tag) {
            let next = lower.dropFirst(tag.count + 1).first
            if next == nil || next == " " || next == ">" || next == "\n" || next == "\t" { opener = "<" + tag + ">"; closer = "</" + tag + ">" }
        }
        if opener == nil {
            if lower.hasPrefix("<!--") { opener = "<!--"; closer = "-->" }
            else if lower.hasPrefix("<![cdata[") { opener = "<![CDATA["; closer = "]]>" }
            else if lower.hasPrefix("<?") { opener = "<?"; closer = "?>" }
            else if lower.hasPrefix("<!"), let letter = lower.dropFirst(2).first, letter.isASCII, letter.isLetter { opener = "<!" + String(letter).uppercased(); closer = ">" }
        }
        guard let opener, let closer else { return nil }
        let body = closer == ">" ? String(trimmed.dropFirst(2)) : text
        let haystack = closer.hasPrefix("</") ? body.lowercased() : body
        // Closed, unless a second opener of its kind comes first (the closer is that one's: this one was left open).
        if let close = haystack.range(of: closer) {
            let mark = opener.hasSuffix(">") ? String(opener.dropLast()).lowercased() : opener
            guard let first = haystack.range(of: mark),
                  let again = haystack[first.upperBound...].range(of: mark), again.lowerBound < close.lowerBound else { return nil }
        }
        return UnclosedBlock(opener: opener, line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
    }

    /// The Markdown with a backslash before the block's `<`, and the column
    /// (in scalars) where it stood.
    static func escapingOpener(of block: UnclosedBlock, in markdown: String) -> (markdown: String, column: Int)? {
        var bytes = Array(markdown.utf8)
        var line = 1
        var i = 0
        while i < bytes.count, line < block.line {
            if bytes[i] == 0x0A { line += 1 }
            i += 1
        }
        let lineStart = i
        var j = lineStart + max(0, block.byteColumn - 1)
        while j < bytes.count, bytes[j] != UInt8(ascii: "<"), bytes[j] != 0x0A { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: "<") else { return nil }
        let column = String(decoding: bytes[lineStart..<j], as: UTF8.self).unicodeScalars.count + 1
        bytes.insert(UInt8(ascii: "\\"), at: j)
        return (String(decoding: bytes, as: UTF8.self), column)
    }

    init(parsing markdown: String, reserved: Set<String>, rawHTML: RawHTMLPolicy, html wantHTML: Bool, rewrite: (String) -> String) {
        let document = CmarkDocument(markdown, sourcePositions: false)
        GitHubAlerts.apply(to: document, markdown: markdown)
        if let first = cmark_node_first_child(document.root), cmark_node_get_type(first) == CMARK_NODE_HEADING {
            opensWithHeading1 = cmark_node_get_heading_level(first) == 1
        }
        foreignSyntax = ForeignSyntax.find(in: document, markdown: markdown)
        var lines: LineIndex?
        func column(line: Int, byteColumn: Int) -> Int {
            if lines == nil { lines = LineIndex(markdown) }
            return lines!.scalarColumn(line: line, byteColumn: byteColumn)
        }
        var raw: [(node: OpaquePointer, line: Int, column: Int, container: Int)] = []
        var headingNodes: [OpaquePointer] = []
        var refused: [OpaquePointer] = []
        document.forEachNode { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if unclosedBlock == nil, cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK { unclosedBlock = Self.unclosed(node) }
                let line = Int(cmark_node_get_start_line(node))
                raw.append((node, line, column(line: line, byteColumn: Int(cmark_node_get_start_column(node))), Self.container(of: node)))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let line = Int(cmark_node_get_start_line(node))
                links.append(MarkdownScan.Link(destination: url, line: line, column: column(line: line, byteColumn: Int(cmark_node_get_start_column(node)))))
                if URLPolicy.isAllowed(url) {
                    let target = rewrite(url)
                    if target != url { cmark_node_set_url(node, target) }
                } else {
                    refused.append(node)
                }
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                // cmark-gfm's own ids for a footnote and its first reference
                // (`fn-label`, `fnref-label`), the label read from the source line.
                let line = Int(cmark_node_get_start_line(node))
                if lines == nil { lines = LineIndex(markdown) }
                if let label = lines!.text(ofLine: line).flatMap(Self.footnoteLabel), !footnoteIDs.contains("fn-" + label) {
                    footnoteIDs += ["fn-" + label, "fnref-" + label]
                }
            default:
                break
            }
        }
        // Anchors from the text as the reader sees it, claimed in order.
        var anchorSet = AnchorSet()
        var used = reserved
        for node in headingNodes {
            let text = CmarkDocument.plainText(of: node)
            let anchor = anchorSet.claim(Anchor.slug(text))
            headings.append(MarkdownScan.Heading(level: Int(cmark_node_get_heading_level(node)), text: text, anchor: anchor))
            used.insert(anchor)
            guard wantHTML, !anchor.isEmpty, !reserved.contains(anchor), let marker = cmark_node_new(CMARK_NODE_HTML_INLINE) else { continue }
            // Our own markup, built from a slug.
            cmark_node_set_literal(marker, "<a class=\"anchor\" id=\"\(HTMLText.escape(anchor))\" href=\"#\(HTMLText.escapeURLFragment(anchor))\" aria-label=\"Link to this section\"></a>")
            cmark_node_prepend_child(node, marker)
        }
        // A link or image with a refused destination becomes its text.
        for node in refused {
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_insert_before(node, child)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        rawHTMLPieces = raw.count
        if raw.isEmpty || rawHTML == .drop {
            if let first = raw.first {
                removals = [RawHTMLRemoval(what: "raw HTML", line: first.line, column: first.column, count: raw.count)]
                for piece in raw {
                    cmark_node_unlink(piece.node)
                    cmark_node_free(piece.node)
                }
            }
            if wantHTML { html = Self.render(document) }
            return
        }
        // Render with a placeholder for each piece of raw HTML, then splice
        // the pieces back in, noting where each stands. The placeholder
        // starts with '<', which cmark never writes from text or URLs (it
        // escapes or percent-encodes it), so every occurrence is one of ours.
        var literals: [[UInt8]] = []
        for piece in raw {
            literals.append(cmark_node_get_literal(piece.node).map { Array(UnsafeRawBufferPointer(start: $0, count: strlen($0))) } ?? [])
            cmark_node_set_literal(piece.node, Self.placeholderString)
        }
        let withPlaceholders = Self.renderBytes(document)
        var rendered: [UInt8] = []
        rendered.reserveCapacity(withPlaceholders.count + literals.reduce(0) { $0 + $1.count })
        var segments: [HTMLSanitizer.Segment] = []
        var next = 0
        var i = 0
        while i < withPlaceholders.count {
            if withPlaceholders[i] == UInt8(ascii: "<"), i + 2 < withPlaceholders.count, withPlaceholders[i + 1] == 0x01,
               withPlaceholders[i + 2] == UInt8(ascii: ">"), next < literals.count {
                let piece = raw[next]
                segments.append(HTMLSanitizer.Segment(start: rendered.count, end: rendered.count + literals[next].count, line: piece.line, column: piece.column,
                                                      container: piece.container))
                rendered += literals[next]
                next += 1
                i += 3
                continue
            }
            rendered.append(withPlaceholders[i])
            i += 1
        }
        let sanitized = HTMLSanitizer.sanitize(rendered, segments: segments, used: used, anchors: anchorSet, serialize: wantHTML, rewrite: rewrite)
        rawIDs = sanitized.ids
        removals = sanitized.removals
        links = (links + sanitized.links).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        if wantHTML { html = String(decoding: sanitized.html, as: UTF8.self) }
    }

    /// `[^label]:` at the start of a line (after up to three spaces).
    static func footnoteLabel(_ line: Substring) -> String? {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("[^"), let close = trimmed.firstIndex(of: "]"),
              trimmed[close...].hasPrefix("]:") else { return nil }
        let label = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close]
        return label.isEmpty ? nil : String(label)
    }

    /// Which block a piece of raw HTML belongs to: an HTML block is its own
    /// (negative, so it never equals an inline container); inline HTML
    /// belongs to the paragraph, heading or cell around it.
    static func container(of node: OpaquePointer) -> Int {
        if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK { return -Int(bitPattern: UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(node)))) - 1 }
        var parent = cmark_node_parent(node)
        while let current = parent, cmark_node_get_type(current).rawValue & UInt32(CMARK_NODE_TYPE_MASK) != UInt32(CMARK_NODE_TYPE_BLOCK) {
            parent = cmark_node_parent(current)
        }
        return parent.map { Int(bitPattern: UnsafeRawPointer($0)) } ?? 0
    }

    static func renderBytes(_ document: CmarkDocument) -> [UInt8] {
        // CMARK_OPT_UNSAFE: user raw HTML is either gone or sanitized after; URLs are filtered above.
        guard let html = cmark_render_html(document.root, CMARK_OPT_UNSAFE, document.extensions) else { return [] }
        defer { free(html) }
        return labelTasks(Array(UnsafeRawBufferPointer(start: html, count: strlen(html))))
    }

    static func render(_ document: CmarkDocument) -> String {
        String(decoding: renderBytes(document), as: UTF8.self)
    }

    /// A task list item's checkbox with a name for screen readers ("Done" or
    /// "To do"): cmark-gfm writes it bare, which axe-core reports as a form
    /// field without a label. Only cmark's own checkboxes are here: raw HTML
    /// is a placeholder at this point.
    static func labelTasks(_ html: [UInt8]) -> [UInt8] {
        let checkbox = Array("<input type=\"checkbox\" ".utf8)
        // Most bodies have no task list: find the first checkbox with a plain
        // scan (Collection.firstRange(of:) tripled the time of a parse).
        func isCheckbox(at i: Int) -> Bool {
            guard html[i] == UInt8(ascii: "<"), i + checkbox.count <= html.count else { return false }
            for k in 1..<checkbox.count where html[i + k] != checkbox[k] { return false }
            return true
        }
        var first = 0
        while first < html.count, !isCheckbox(at: first) { first += 1 }
        guard first < html.count else { return html }
        let done = (Array("checked=\"\" disabled=\"\" />".utf8), Array("checked=\"\" disabled=\"\" aria-label=\"Done\" />".utf8))
        let toDo = (Array("disabled=\"\" />".utf8), Array("disabled=\"\" aria-label=\"To do\" />".utf8))
        var out = Array(html[..<first])
        out.reserveCapacity(html.count + 64)
        var i = first
        while i < html.count {
            if isCheckbox(at: i) {
                out += checkbox
                i += checkbox.count
                if html[i...].starts(with: done.0) {
                    out += done.1
                    i += done.0.count
                } else if html[i...].starts(with: toDo.0) {
                    out += toDo.1
                    i += toDo.0.count
                }
                continue
            }
            out.append(html[i])
            i += 1
        }
        return out
    }


    static let placeholderString = "<\u{1}>"
}
