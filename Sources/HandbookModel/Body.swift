import Diagnostics

/// The Markdown body of a content file, with what the checker needs of it.
public struct Body: Sendable {
    /// A link found in the body, with the position of its `[`.
    public struct Link: Sendable, Hashable {
        public var destination: String
        public var location: SourceLocation
        /// The destination read as a content link (nil: a URL with a scheme,
        /// a network path...), parsed once when the body is.
        public let target: ContentLink?
        /// The content-relative path the link names, resolved against the
        /// handbook's files once they are all known (`Handbook.resolveLinks()`);
        /// nil when it is no content link, names only an anchor, or climbs
        /// out of the content folder.
        public var resolved: String?

        public init(destination: String, location: SourceLocation) {
            self.destination = destination
            self.location = location
            target = ContentLink(destination)
        }
    }

    public var markdown: String
    /// 1-based line of the body's first line in its file.
    public var firstLine: Int
    public var links: [Link]
    /// Every anchor a link may name in the body: the headings' GitHub-style
    /// anchors in order (duplicates suffixed), then ids kept in raw HTML.
    public var anchors: [String]
    /// The text of the body's first `#` heading (a page without `name` takes
    /// it as its title).
    public var title: String?
    /// The body's first block is a `#` heading: its page shows no second title.
    public var opensWithTitle = false
    /// Its HTML depends on which files exist (a link from the root, to a
    /// folder...): made again when files come or go.
    public var dependsOnFiles = false
    /// The body's HTML for its page, when the loader was asked to render
    /// (`build`): the same pass that found the links and anchors, so each
    /// body is parsed once.
    public var html: String?
    /// Pieces of raw HTML in the body (bodies with none skip the sanitizer).
    public var rawHTMLPieces = 0

    public init(markdown: String, firstLine: Int, links: [Link], anchors: [String], html: String? = nil) {
        self.markdown = markdown
        self.firstLine = firstLine
        self.links = links
        self.anchors = anchors
        self.html = html
    }

    public static let empty = Body(markdown: "", firstLine: 1, links: [], anchors: [])
}
