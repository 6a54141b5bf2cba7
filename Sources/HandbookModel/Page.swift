/// A page of `pages/`: free prose, at any depth (a team's existing docs).
public struct Page: Sendable {
    /// Its address without `.html` (`ops/On Call`, `ops/index`): see `PagePath`.
    public var id: String
    /// Its file, content-relative (`pages/ops/README.md`).
    public var file: String
    /// Its title: `name` (or `title`), else the body's first `#` heading,
    /// else the file's name (a folder's page: the folder's name).
    public var name: String
    /// The title is the body's own first `#` heading, so the page does not
    /// print it a second time.
    public var titleFromBody = false
    /// `order` (or `weight`): its position among its folder's pages.
    public var order: Double?
    /// `description` (or `summary`): the page's meta description.
    public var description: String?
    /// `draft: true`: read (its front matter is checked), never published;
    /// its links are not followed, and a link to it is `broken-link`.
    public var draft = false
    public var body: Body
    /// `aliases`: former ids (a page: former paths or site paths), kept as redirects.
    public var aliases: [Located<String>] = []

    public init(id: String, file: String, name: String, order: Double?, body: Body) {
        self.id = id
        self.file = file
        self.name = name
        self.order = order
        self.body = body
    }

    /// The folder it sits in ("" for `pages/` itself).
    public var folder: String { PagePath.folder(of: id) }

    /// The title a page has without `name`, `title` or a `#` heading.
    public static func fallbackTitle(id: String) -> String {
        let (folder, name) = PagePath.split(id)
        guard PagePath.isFolderPage(id) else { return name }
        return folder.isEmpty ? "Pages" : PagePath.split(folder).name
    }
}
