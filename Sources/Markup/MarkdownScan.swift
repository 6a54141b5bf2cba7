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

    /// The facts without the HTML (see `MarkdownRendering`).
    public init(_ markdown: String) {
        let rendering = MarkdownRendering(markdown, html: false)
        links = rendering.links
        headings = rendering.headings
    }
}
