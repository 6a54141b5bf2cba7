import CGumbo

/// Sanitizes the HTML that cmark-gfm rendered from a body that holds raw
/// HTML, in the manner of GitHub's sanitization filter: the whole fragment is
/// parsed by an HTML5 parser (Debian's gumbo), as a browser would parse it,
/// and written back from the tree through an allowlist. Because the output is
/// serialized from a parsed tree (every element closed, every text escaped,
/// no raw-text element kept), it parses back to the same tree: a user's
/// unclosed `<details>` cannot swallow the page, and the mutation-XSS shapes
/// (`<svg><style>`, `<noscript>`, `<math>`, comments) have nothing to mutate.
///
/// Elements cmark produced itself (found by their offset: they lie outside
/// every raw segment) are kept with their attributes; elements from the raw
/// segments pass the allowlist below, and everything it removes is listed so
/// the loader can report `raw-html-removed`. Comments are dropped without a
/// word: a reader never sees them.
/// What the sanitizer took out of a body's raw HTML (`<script>`,
/// `<div style>`), where it first did (1-based line and scalar column in the
/// body), and how often.
public struct RawHTMLRemoval: Equatable, Sendable {
    public var what: String
    public var line: Int
    public var column: Int
    public var count: Int
}

struct HTMLSanitizer {
    /// A piece of raw HTML as it stands in the rendered output (byte range)
    /// and where it starts in the body (1-based line, scalar column).
    struct Segment {
        var start: Int
        var end: Int
        var line: Int
        var column: Int
        /// The Markdown block the piece stands in: an HTML block's own
        /// (negative), or the paragraph (heading, cell) holding inline HTML.
        var container: Int = 0

        /// An HTML block (not inline HTML in a paragraph).
        var isBlock: Bool { container < 0 }
    }

    typealias Removal = RawHTMLRemoval

    struct Output {
        var html: [UInt8] = []
        /// `id`s (and `<a name>`s) kept in raw HTML, in document order.
        var ids: [String] = []
        var removals: [Removal] = []
        /// `<a href>` and `<img src>` of raw HTML, for the link check.
        var links: [MarkdownScan.Link] = []
    }

    // MARK: The allowlist

    static let allowedElements: Set<String> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "br", "hr", "b", "i", "strong", "em", "u", "s",
        "strike", "del", "ins", "mark", "small", "sub", "sup", "kbd", "code", "pre", "samp", "var", "tt", "q",
        "blockquote", "cite", "abbr", "dfn", "time", "a", "img", "table", "thead", "tbody", "tfoot", "tr", "th",
        "td", "caption", "colgroup", "col", "ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "figure",
        "figcaption", "ruby", "rt", "rp", "wbr", "bdi", "bdo", "input",
    ]

    /// Removed together with everything inside them: their content is code,
    /// a fallback for what the element would have shown, or raw text that
    /// must never reach the page. Every other element that is not allowed is
    /// unwrapped (`<Listing>` keeps its code block, `<picture>` its `<img>`).
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
        "noframes", "template", "textarea", "select", "option", "optgroup", "xmp", "plaintext", "title",
        "head", "meta", "link", "base", "basefont", "param", "audio", "video", "canvas", "map", "area", "track",
        "source", "svg", "math", "portal",
    ]

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]

    /// Attributes any allowed element may keep.
    static let globalAttributes: Set<String> = ["id", "title", "lang", "dir", "align", "aria-hidden", "aria-label"]

    static let elementAttributes: [String: Set<String>] = [
        "a": ["href", "name"],
        "img": ["src", "alt", "width", "height", "valign"],
        "td": ["colspan", "rowspan", "valign", "width", "height", "headers", "abbr", "scope"],
        "th": ["colspan", "rowspan", "valign", "width", "height", "headers", "abbr", "scope"],
        "tr": ["valign"], "thead": ["valign"], "tbody": ["valign"], "tfoot": ["valign"],
        "table": ["width", "summary"],
        "col": ["span", "width", "valign"], "colgroup": ["span", "width", "valign"],
        "ol": ["start", "reversed", "type"], "ul": ["type"], "li": ["value", "type"],
        "details": ["open"],
        "blockquote": ["cite"], "q": ["cite"], "del": ["cite", "datetime"], "ins": ["cite", "datetime"],
        "time": ["datetime"],
        "input": ["type", "checked", "disabled"],
        "div": ["width", "height"], "p": ["width"],
    ]

    /// Attributes that hold a URL, with the schemes each allows (relative
    /// references always pass).
    static let urlAttributes: [String: Set<String>] = [
        "href": ["http", "https", "mailto"],
        "src": ["http", "https"],
        "cite": ["http", "https"],
    ]

    // MARK: Sanitizing

    /// The rendered body; `working` is the same bytes with what had to go
    /// blanked out (spaces, newlines kept), so offsets and positions hold.
    let source: [UInt8]
    var working: [UInt8]
    let segments: [Segment]
    var used: Set<String>
    /// The body's heading anchors so far: a raw `<h2>` without an id claims
    /// its own from the same set.
    var anchorSet: AnchorSet
    let rewrite: (String) -> String
    /// False when only the facts are wanted (`handoff check`): nothing is written.
    let serialize: Bool
    var output = Output()
    private var removalIndex: [String: Int] = [:]

    /// - Parameters:
    ///   - html: cmark's rendering of the body, raw HTML included verbatim.
    ///   - segments: where the raw HTML stands in `html`, in order.
    ///   - used: ids the page already has (its sections, the headings' anchors).
    ///   - rewrite: applied to kept `href`/`src` values (content links).
    static func sanitize(_ html: [UInt8], segments: [Segment], used: Set<String>, anchors: AnchorSet = AnchorSet(), serialize: Bool = true,
                         rewrite: (String) -> String) -> Output {
        withoutActuallyEscaping(rewrite) { rewrite in
            var sanitizer = HTMLSanitizer(source: html, segments: segments, used: used, anchors: anchors, serialize: serialize, rewrite: rewrite)
            sanitizer.run()
            return sanitizer.output
        }
    }

    private init(source: [UInt8], segments: [Segment], used: Set<String>, anchors: AnchorSet, serialize: Bool, rewrite: @escaping (String) -> String) {
        self.source = source
        working = source
        self.segments = segments
        self.used = used
        anchorSet = anchors
        self.serialize = serialize
        self.rewrite = rewrite
    }

    private enum Work {
        case node(UnsafeMutablePointer<GumboNode>)
        case close([UInt8])
    }

    /// Parses the fragment and writes it back. Raw HTML must not reach past
    /// its own piece: a tag, attribute or comment left open that runs into
    /// the Markdown after it, or an element removed with its content
    /// (`<noscript>`, `<textarea>`, `<svg>`...) that holds Markdown after
    /// it. Each such piece is blanked out (the tag or the rest of the
    /// piece becomes spaces) and reported, and the fragment is parsed again,
    /// so no raw HTML, however malformed, removes Markdown that follows it.
    private mutating func run() {
        var options = kGumboDefaultOptions
        options.fragment_context = GUMBO_TAG_BODY
        options.fragment_namespace = GUMBO_NAMESPACE_HTML
        options.max_errors = 0
        for attempt in 0... {
            // A tag, comment or declaration that a piece leaves open would run
            // into the Markdown after it (and at the end of the body, the HTML
            // parser drops it with all that follows): each goes first. (Again
            // after each round: a tag blanked may uncover one.)
            for segment in segments {
                for open in Self.openTokens(in: working, segment) {
                    remove(open.what, at: open.start)
                    blank(open.start..<open.end)
                }
            }
            let bytes = working
            let done: Bool = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    guard let base = chars.baseAddress, let parsed = gumbo_parse_with_options(&options, base, chars.count) else { return true }
                    defer { gumbo_destroy_output(&options, parsed) }
                    let origin = UnsafeRawPointer(base)
                    let overreach = Self.overreaching(parsed.pointee.root, origin: origin, segments: segments)
                    if !overreach.isEmpty, attempt < Self.maxAttempts {
                        for item in overreach {
                            remove(item.what, at: item.start)
                            blank(item.start..<item.end)
                        }
                        return false
                    }
                    if !overreach.isEmpty, attempt == Self.maxAttempts {
                        // Still reaching after several rounds: no raw piece is kept.
                        for segment in segments { blank(segment.start..<segment.end) }
                        remove("raw HTML", at: segments.first?.start ?? 0)
                        return false
                    }
                    write(parsed.pointee.root, origin: origin)
                    // Listed in the order they stand in the body (blanked pieces were found first).
                    output.removals.sort { ($0.line, $0.column) < ($1.line, $1.column) }
                    return true
                }
            }
            if done { return }
        }
    }

    static let maxAttempts = 8

    private mutating func write(_ root: UnsafeMutablePointer<GumboNode>, origin: UnsafeRawPointer) {
        output = Output(html: [], ids: output.ids, removals: output.removals, links: [])
        if serialize { output.html.reserveCapacity(source.count + source.count / 8) }
        // A fragment parses into an <html> root holding its nodes.
        var work: [Work] = Self.children(of: root).reversed().map { .node($0) }
        while let item = work.popLast() {
            switch item {
            case let .close(bytes):
                output.html += bytes
            case let .node(node):
                visit(node, origin: origin, work: &work)
            }
        }
    }

    /// Spaces over a range of `working` (newlines kept, so lines still count).
    private mutating func blank(_ range: Range<Int>) {
        for i in range where working[i] != 0x0A { working[i] = 0x20 }
    }

    /// A piece of raw HTML that reaches past its own segment, and the range
    /// to blank out so that it does not.
    struct Overreach {
        var what: String
        var start: Int
        var end: Int
    }

    static let rawTextElements: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext"]

    /// The tokens a piece of raw HTML starts and does not finish, read as an
    /// HTML tokenizer reads them: a tag (its attribute quotes), a comment,
    /// a declaration or processing instruction. Raw text after a `<script>`
    /// (`<style>`, `<title>`...) is skipped to its end tag; a raw text element
    /// left open is the tree check's (`overreaching`).
    static func openTokens(in bytes: [UInt8], _ segment: Segment) -> [Overreach] {
        var i = segment.start
        let end = segment.end
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        func find(_ needle: [UInt8], from start: Int, caseless: Bool = false) -> Int? {
            guard needle.count <= end - start else { return nil }
            var k = start
            while k + needle.count <= end {
                var match = true
                for (offset, byte) in needle.enumerated() where (caseless ? lower(bytes[k + offset]) : bytes[k + offset]) != byte { match = false; break }
                if match { return k }
                k += 1
            }
            return nil
        }
        while i < end {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < end else { i += 1; continue }
            let start = i
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {
                if bytes[i...].starts(with: "<!--".utf8), i + 4 <= end {
                    // <!--> and <!---> close at once.
                    if i + 4 < end, bytes[i + 4] == UInt8(ascii: ">") { i += 5; continue }
                    if i + 5 < end, bytes[i + 4] == UInt8(ascii: "-"), bytes[i + 5] == UInt8(ascii: ">") { i += 6; continue }
                    guard let close = find(Array("-->".utf8), from: i + 4) else { return [Overreach(what: "<!-- (not closed)", start: start, end: end)] }
                    i = close + 3
                    continue
                }
                guard let close = find([UInt8(ascii: ">")], from: i + 2) else { return [Overreach(what: "<! (not closed)", start: start, end: end)] }
                i = close + 1
                continue
            }
            if next == UInt8(ascii: "?") {
                guard let close = find([UInt8(ascii: ">")], from: i + 2) else { return [Overreach(what: "<? (not closed)", start: start, end: end)] }
                i = close + 1
                continue
            }
            let closing = next == UInt8(ascii: "/")
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < end, isLetter(bytes[nameStart]) else {
                if closing, nameStart < end {
                    // `</` and a non-letter: a bogus comment to the next '>'.
                    guard let close = find([UInt8(ascii: ">")], from: nameStart) else { return [Overreach(what: "</ (not closed)", start: start, end: end)] }
                    i = close + 1
                    continue
                }
                i += 1
                continue
            }
            var k = nameStart
            while k < end, ![0x20, 0x09, 0x0A, 0x0C, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">")].contains(bytes[k]) { k += 1 }
            let name = String(decoding: bytes[nameStart..<k].map(lower), as: UTF8.self)
            // To the '>' that ends the tag, past quoted attribute values.
            var quote: UInt8?
            var afterEquals = false
            var closed = false
            while k < end {
                let b = bytes[k]
                if let q = quote {
                    if b == q { quote = nil }
                } else if b == UInt8(ascii: ">") {
                    closed = true
                    break
                } else if (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")) && afterEquals {
                    quote = b
                }
                if quote == nil { afterEquals = b == UInt8(ascii: "=") || (afterEquals && (b == 0x20 || b == 0x09 || b == 0x0A)) }
                k += 1
            }
            guard closed else { return [Overreach(what: "<\(closing ? "/" : "")\(name)> (not closed)", start: start, end: end)] }
            i = k + 1
            if !closing, rawTextElements.contains(name) {
                if name == "plaintext" { return [] }
                guard let close = find(Array("</\(name)".utf8), from: i, caseless: true) else { return [] }
                i = close
            }
        }
        return []
    }

    /// Every piece of raw HTML in the tree that reaches past its segment: a
    /// tag or comment that starts in a raw segment and ends after it, and
    /// an element removed with its content that no end tag closes and whose
    /// content holds anything from outside the raw segments (Markdown's own
    /// output).
    static func overreaching(_ root: UnsafeMutablePointer<GumboNode>, origin: UnsafeRawPointer, segments: [Segment]) -> [Overreach] {
        var found: [Overreach] = []
        func segment(at offset: Int) -> Segment? {
            var low = 0, high = segments.count - 1
            while low <= high {
                let mid = (low + high) / 2
                if offset < segments[mid].start { high = mid - 1 } else if offset >= segments[mid].end { low = mid + 1 } else { return segments[mid] }
            }
            return nil
        }
        func piece(_ piece: GumboStringPiece) -> Range<Int>? {
            guard let data = piece.data, piece.length > 0 else { return nil }
            let start = origin.distance(to: UnsafeRawPointer(data))
            return start..<(start + piece.length)
        }
        /// Whether a subtree holds something that Markdown wrote (not whitespace).
        func holdsMarkdown(_ node: UnsafeMutablePointer<GumboNode>) -> Bool {
            var stack = children(of: node)
            while let next = stack.popLast() {
                switch next.pointee.type {
                case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA:
                    guard let range = piece(next.pointee.v.text.original_text) else { continue }
                    if let owner = segment(at: range.lowerBound), range.upperBound <= owner.end { continue }
                    return true
                case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                    if let range = piece(next.pointee.v.element.original_tag), segment(at: range.lowerBound) == nil { return true }
                    stack += children(of: next)
                default:
                    continue
                }
            }
            return false
        }
        var stack = children(of: root)
        while let node = stack.popLast() {
            switch node.pointee.type {
            case GUMBO_NODE_COMMENT:
                if let range = piece(node.pointee.v.text.original_text), let owner = segment(at: range.lowerBound), range.upperBound > owner.end {
                    found.append(Overreach(what: "<!-- (not closed)", start: range.lowerBound, end: owner.end))
                }
            case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA:
                // Raw text (an unclosed `<textarea>`'s) is caught at its element.
                continue
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                let element = node.pointee.v.element
                if let range = piece(element.original_tag), let owner = segment(at: range.lowerBound) {
                    let name = tagName(element)
                    if range.upperBound > owner.end {
                        found.append(Overreach(what: "<\(name)> (not closed)", start: range.lowerBound, end: owner.end))
                        continue
                    }
                    // Closed by its own end tag in the same paragraph, or as HTML
                    // blocks around Markdown (<noscript>, text, </noscript>), its
                    // content is what the author put in it. Left open, or
                    // "closed" by an unrelated end tag further on, it took what follows.
                    let closed = piece(element.original_end_tag).map { end in
                        guard let closing = segment(at: end.lowerBound),
                              String(decoding: UnsafeRawBufferPointer(start: origin + end.lowerBound, count: min(end.count, name.utf8.count + 2)), as: UTF8.self)
                                .lowercased() == "</" + name else { return false }
                        if !owner.isBlock { return !closing.isBlock && owner.container == closing.container }
                        // HTML blocks around Markdown: the closing block opens no element of the name first.
                        guard closing.isBlock else { return false }
                        let before = String(decoding: UnsafeRawBufferPointer(start: origin + closing.start, count: end.lowerBound - closing.start), as: UTF8.self)
                        return !before.lowercased().contains("<" + name)
                    } ?? false
                    if !closed, element.tag_namespace != GUMBO_NAMESPACE_HTML || droppedWithContent.contains(name), holdsMarkdown(node) {
                        found.append(Overreach(what: "<\(name)>", start: range.lowerBound, end: range.upperBound))
                        continue
                    }
                }
                stack += children(of: node)
            default:
                continue
            }
        }
        return found
    }

    /// The text a reader sees in an element (tags contribute nothing).
    static func text(of node: UnsafeMutablePointer<GumboNode>) -> String {
        var out = ""
        var stack = children(of: node).reversed() as [UnsafeMutablePointer<GumboNode>]
        while let next = stack.popLast() {
            switch next.pointee.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                if let text = next.pointee.v.text.text { out += String(cString: text) }
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                stack += children(of: next).reversed()
            default:
                continue
            }
        }
        return out
    }

    private static func children(of node: UnsafeMutablePointer<GumboNode>) -> [UnsafeMutablePointer<GumboNode>] {
        let vector: GumboVector
        switch node.pointee.type {
        case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE: vector = node.pointee.v.element.children
        case GUMBO_NODE_DOCUMENT: vector = node.pointee.v.document.children
        default: return []
        }
        guard let data = vector.data else { return [] }
        return (0..<Int(vector.length)).compactMap { data[$0]?.assumingMemoryBound(to: GumboNode.self) }
    }

    private mutating func visit(_ node: UnsafeMutablePointer<GumboNode>, origin: UnsafeRawPointer, work: inout [Work]) {
        switch node.pointee.type {
        case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
            if serialize, let text = node.pointee.v.text.text { Self.appendEscaped(text, to: &output.html, attribute: false) }
        case GUMBO_NODE_COMMENT, GUMBO_NODE_DOCUMENT:
            return
        case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
            element(node, origin: origin, work: &work)
        default:
            return
        }
    }

    private mutating func element(_ node: UnsafeMutablePointer<GumboNode>, origin: UnsafeRawPointer, work: inout [Work]) {
        let element = node.pointee.v.element
        let name = Self.tagName(element)
        let implicit = element.original_tag.length == 0 || element.original_tag.data == nil
        let offset = implicit ? nil : origin.distance(to: UnsafeRawPointer(element.original_tag.data!))
        let segment = offset.flatMap(segmentIndex)
        let children = Self.children(of: node)

        if element.tag_namespace != GUMBO_NAMESPACE_HTML || Self.droppedWithContent.contains(name) {
            if let offset { remove("<\(name)>", at: offset) }
            return
        }
        guard Self.allowedElements.contains(name) else {
            // Unknown or disallowed: keep what it holds, drop the tag.
            if let offset { remove("<\(name)>", at: offset) }
            work += children.reversed().map { .node($0) }
            return
        }
        var attributes: [(String, String)] = []
        if implicit {
            // Inserted by the parser (a table's tbody): no attributes to keep.
        } else if segment == nil {
            // cmark's own element: safe by construction, kept as rendered.
            attributes = Self.attributes(of: element)
        } else {
            guard let kept = filter(name, element, offset: offset!) else {
                return // an input other than a checkbox
            }
            attributes = kept
            if name.count == 2, name.first == "h", ("1"..."6").contains(name.last!), !attributes.contains(where: { $0.0 == "id" }) {
                // A raw heading is a link target like a Markdown one: the anchor of its text.
                let anchor = anchorSet.claim(Anchor.slug(Self.text(of: node)))
                if !anchor.isEmpty, used.insert(anchor).inserted {
                    output.ids.append(anchor)
                    attributes.insert(("id", anchor), at: 0)
                }
            }
            if name == "img" && !attributes.contains(where: { $0.0 == "src" }) {
                return // a picture with no source to show
            }
            if name == "a" && attributes.isEmpty {
                // An anchor left with nothing to point at or be pointed at: its text only.
                work += children.reversed().map { .node($0) }
                return
            }
        }
        guard serialize else {
            // The checker needs what is removed and kept, not the markup.
            work += children.reversed().map { .node($0) }
            return
        }
        output.html.append(UInt8(ascii: "<"))
        output.html += name.utf8
        for (key, value) in attributes {
            output.html.append(UInt8(ascii: " "))
            output.html += key.utf8
            output.html += "=\"".utf8
            Self.appendEscaped(value, to: &output.html, attribute: true)
            output.html.append(UInt8(ascii: "\""))
        }
        if Self.voidElements.contains(name) {
            output.html += " />".utf8
            return
        }
        output.html.append(UInt8(ascii: ">"))
        // The parser drops one newline right after <pre>: keep a leading one.
        if name == "pre", let first = children.first, first.pointee.type == GUMBO_NODE_TEXT || first.pointee.type == GUMBO_NODE_WHITESPACE,
           let text = first.pointee.v.text.text, text.pointee == 0x0A {
            output.html.append(0x0A)
        }
        work.append(.close(Array("</\(name)>".utf8)))
        work += children.reversed().map { .node($0) }
    }

    /// The attributes of a raw element that the allowlist keeps; nil when the
    /// element itself goes (an `<input>` that is not a checkbox).
    private mutating func filter(_ name: String, _ element: GumboElement, offset: Int) -> [(String, String)]? {
        var kept: [(String, String)] = []
        let all = Self.attributes(of: element)
        if name == "input" {
            guard all.contains(where: { $0.0 == "type" && $0.1.lowercased() == "checkbox" }) else {
                remove("<input>", at: offset)
                return nil
            }
        }
        let allowed = Self.elementAttributes[name] ?? []
        var id: String?
        for (key, value) in all {
            guard Self.globalAttributes.contains(key) || allowed.contains(key) else {
                remove("<\(name) \(key)>", at: offset)
                continue
            }
            if let schemes = Self.urlAttributes[key] {
                guard URLPolicy.isAllowed(value, schemes: schemes) else {
                    remove("<\(name) \(key)=\"\(URLPolicy.scheme(of: value) ?? ""):…\">", at: offset)
                    continue
                }
                if (name == "a" && key == "href") || (name == "img" && key == "src") {
                    let (line, column) = position(of: offset)
                    output.links.append(MarkdownScan.Link(destination: value, line: line, column: column))
                }
                kept.append((key, key == "cite" ? value : rewrite(value)))
                continue
            }
            if key == "id" || key == "name" {
                // `<a name>` is an anchor like `id` (and obsolete in HTML5): it becomes the id.
                if id == nil { id = value } else if id != value { remove("<\(name) \(key)>", at: offset) }
                continue
            }
            kept.append((key, value))
        }
        if let id {
            if id.isEmpty || id.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                remove("<\(name) id>", at: offset)
            } else if used.insert(id).inserted {
                output.ids.append(id)
                kept.insert(("id", id), at: 0)
            }
            // An id the page already has (a heading's own anchor) adds nothing.
        }
        return kept
    }

    private mutating func remove(_ what: String, at offset: Int) {
        if let index = removalIndex[what] {
            output.removals[index].count += 1
            return
        }
        removalIndex[what] = output.removals.count
        let (line, column) = position(of: offset)
        output.removals.append(Removal(what: what, line: line, column: column, count: 1))
    }

    // MARK: Positions

    private func segmentIndex(containing offset: Int) -> Int? {
        var low = 0
        var high = segments.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if offset < segments[mid].start {
                high = mid - 1
            } else if offset >= segments[mid].end {
                low = mid + 1
            } else {
                return mid
            }
        }
        return nil
    }

    /// The last position asked, so that positions asked in document order
    /// cost the distance between them.
    private var memo: (segment: Int, offset: Int, line: Int, column: Int) = (-1, 0, 0, 0)

    /// The body position of a byte of a raw segment (the segment's own start
    /// when the byte lies outside every segment).
    mutating func position(of offset: Int) -> (line: Int, column: Int) {
        guard let index = segmentIndex(containing: offset) else {
            let before = segments.last { $0.start <= offset }
            return (before?.line ?? 1, before?.column ?? 1)
        }
        let segment = segments[index]
        var line = segment.line
        var column = segment.column
        var i = segment.start
        if memo.segment == index && memo.offset <= offset {
            (i, line, column) = (memo.offset, memo.line, memo.column)
        }
        defer { memo = (index, offset, line, column) }
        while i < offset {
            let byte = source[i]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    // MARK: Helpers

    static func tagName(_ element: GumboElement) -> String {
        if element.tag != GUMBO_TAG_UNKNOWN, let name = gumbo_normalized_tagname(element.tag), name.pointee != 0 {
            return String(cString: name)
        }
        var piece = element.original_tag
        guard piece.data != nil, piece.length > 0 else { return "unknown" }
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data else { return "unknown" }
        let bytes = UnsafeRawBufferPointer(start: data, count: piece.length)
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    static func attributes(of element: GumboElement) -> [(String, String)] {
        guard let data = element.attributes.data else { return [] }
        return (0..<Int(element.attributes.length)).compactMap { index in
            guard let attribute = data[index]?.assumingMemoryBound(to: GumboAttribute.self).pointee,
                  let name = attribute.name else { return nil }
            return (String(cString: name), attribute.value.map { String(cString: $0) } ?? "")
        }
    }

    /// cmark's escaping (`& < > "`), so that what cmark wrote comes out as it was.
    static func appendEscaped(_ text: UnsafePointer<CChar>, to out: inout [UInt8], attribute: Bool) {
        var pointer = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        while pointer.pointee != 0 {
            appendEscapedByte(pointer.pointee, to: &out)
            pointer += 1
        }
    }

    static func appendEscaped(_ text: String, to out: inout [UInt8], attribute: Bool) {
        for byte in text.utf8 { appendEscapedByte(byte, to: &out) }
    }

    @inline(__always)
    static func appendEscapedByte(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): out += "&amp;".utf8
        case UInt8(ascii: "<"): out += "&lt;".utf8
        case UInt8(ascii: ">"): out += "&gt;".utf8
        case UInt8(ascii: "\""): out += "&quot;".utf8
        default: out.append(byte)
        }
    }
}
