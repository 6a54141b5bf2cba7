import CCmarkGFM

/// What the checker needs of a Markdown body: its links with positions and
/// its headings' anchors.
public struct MarkdownScan: Sendable {
    public struct Link: Sendable, Hashable {
        public var destination: String
        /// 1-based line within the body.
        public var line: Int
        /// 1-based column in Unicode scalars.
        public var column: Int
    }

    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var anchor: String
    }

    public var links: [Link] = []
    public var headings: [Heading] = []

    public init(_ markdown: String) {
        let document = CmarkDocument(markdown, sourcePositions: true)
        let lines = LineIndex(markdown)
        var anchors = AnchorSet()
        document.forEachNode { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let line = Int(cmark_node_get_start_line(node))
                let byteColumn = Int(cmark_node_get_start_column(node))
                links.append(Link(destination: url, line: line, column: lines.scalarColumn(line: line, byteColumn: byteColumn)))
            case CMARK_NODE_HEADING:
                let text = CmarkDocument.plainText(of: node)
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text,
                                        anchor: anchors.claim(Anchor.slug(text))))
            default:
                break
            }
        }
    }
}
