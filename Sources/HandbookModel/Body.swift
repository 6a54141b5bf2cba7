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
        /// The content-relative path the link names from `documentPath`.
        private let resolvedFrom: String?
        private let resolvedPath: String?

        /// - Parameter documentPath: the body's file (`roles/pm.md`), to resolve the link once.
        public init(destination: String, location: SourceLocation, documentPath: String? = nil) {
            self.destination = destination
            self.location = location
            let target = ContentLink(destination)
            self.target = target
            resolvedFrom = documentPath
            resolvedPath = documentPath.flatMap { path in target?.resolved(from: path) }
        }

        /// The content-relative path the link names from `documentPath`,
        /// or nil when it is no content link or climbs out of the folder.
        public func resolved(from documentPath: String) -> String? {
            if documentPath == resolvedFrom { return resolvedPath }
            return target?.resolved(from: documentPath)
        }
    }

    public var markdown: String
    /// 1-based line of the body's first line in its file.
    public var firstLine: Int
    public var links: [Link]
    /// Every anchor a link may name in the body: the headings' GitHub-style
    /// anchors in order (duplicates suffixed), then ids kept in raw HTML.
    public var anchors: [String]
    /// The level of the body's first heading (a page opening with `# Title`
    /// shows no second title).
    public var firstHeadingLevel: Int?
    /// The body's HTML for its page, when the loader was asked to render
    /// (`build`): the same pass that found the links and anchors, so each
    /// body is parsed once.
    public var html: String?
    /// Pieces of raw HTML in the body (bodies with none skip the sanitizer).
    public var rawHTMLPieces = 0

    public init(markdown: String, firstLine: Int, links: [Link], anchors: [String], firstHeadingLevel: Int? = nil, html: String? = nil) {
        self.markdown = markdown
        self.firstLine = firstLine
        self.links = links
        self.anchors = anchors
        self.firstHeadingLevel = firstHeadingLevel
        self.html = html
    }

    public static let empty = Body(markdown: "", firstLine: 1, links: [], anchors: [])
}
