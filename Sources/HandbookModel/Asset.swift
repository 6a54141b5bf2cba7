/// A non-Markdown file under the content folder (an image, a PDF, an SVG
/// diagram, a CSV), published at the same relative path in the site.
public struct Asset: Sendable, Hashable {
    /// Content-relative path ("pages/img/flow.svg"), also its path in the site.
    public var relativePath: String
    /// How diagnostics name it ("content/pages/img/flow.svg").
    public var file: String
    /// Where its bytes are read from (symlinks resolved, inside the content folder).
    public var path: String
    public var size: Int

    public init(relativePath: String, file: String, path: String, size: Int) {
        self.relativePath = relativePath
        self.file = file
        self.path = path
        self.size = size
    }
}
