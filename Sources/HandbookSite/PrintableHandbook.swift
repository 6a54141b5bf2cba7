import HandbookModel
import Markup

/// `handbook.html`: the whole handbook on one page, to print or save as
/// PDF: a table of contents, then every stage (in lifecycle order), role,
/// contract, context, governed object and page, each a chapter that starts
/// on a new printed page. Each chapter is the entity's own page content,
/// rendered by its own template, with its ids prefixed by the chapter's
/// (`roles-pm--context-in`) and its links to other pages turned into links
/// inside the document (`#roles-pm`), so nothing points out of the file
/// but assets and the web.
///
/// Past `maxChapters` chapters a printout stops being something a person
/// reads (and the file grows past 100 MB at 10,000 pages): the page then
/// says so and points to the overview and the stage pages.
struct PrintableHandbook {
    static let maxChapters = 1_000
    let builder: SiteBuilder
    /// The pages that are chapters, by site path (to turn links to them into `#anchor`s).
    let chapterPaths: [String: PageRef]

    init(builder: SiteBuilder) {
        self.builder = builder
        var paths: [String: PageRef] = [:]
        let graph = builder.graph
        for page in Self.chapters(graph).flatMap(\.pages) { paths[page.path] = page }
        chapterPaths = paths
    }

    var graph: SiteGraph { builder.graph }

    /// Chapters in reading order.
    var chapters: [(group: String, pages: [PageRef])] { Self.chapters(graph) }

    static func chapters(_ graph: SiteGraph) -> [(group: String, pages: [PageRef])] {
        [("Stages", graph.stages.map { PageRef(.stages, $0.id) }),
         ("Roles", graph.roles.map { PageRef(.roles, $0.id) }),
         ("Contracts", graph.contracts.map { PageRef(.contracts, $0.id) }),
         ("Contexts", graph.contextIDs.map { PageRef(.contexts, $0) }),
         ("Governed objects", graph.objects.map { PageRef(.objects, $0.id) }),
         ("Pages", graph.pages.map { PageRef(.pages, $0.id) })].filter { !$0.pages.isEmpty }
    }

    /// A chapter's id: the kind and id (`roles-pm`), a nested page's path
    /// with what may not stand in an id escaped (`pages-ops_2FOn_20Call`).
    static func anchor(_ page: PageRef) -> String {
        var out = (page.entityKind?.rawValue ?? "page") + "-"
        for byte in page.id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "_" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// One chapter: the page's content, rewritten to live inside the document.
    func chapter(_ page: PageRef) -> String {
        let content = builder.content(page)
        let inner = builder.theme.render(content.view, template: content.template)
        return "<section class=\"chapter\" id=\"\(Self.anchor(page))\" aria-label=\"\(HTMLText.escape(graph.title(of: page)))\">\n"
            + rewrite(inner, page: page) + "</section>\n"
    }

    /// The overview's three drawings, printed first: who engages where, who
    /// feeds whom, and the time at the seams.
    func glance() -> String {
        let views = builder.views
        let heatmap = HeatmapSVG(graph: graph, page: .index).render(standalone: false)
        let flowMap = FlowMap(graph: graph, flows: views.flows, page: .index).render()
        let timing = graph.stages.isEmpty ? "" : TimingSVG(graph: graph, timing: graph.handbook.timing, page: .index).render()
        var html = "<section class=\"chapter glance\" aria-labelledby=\"glance\">\n<h2 id=\"glance\">At a glance</h2>\n"
        html += "<h3>Who engages where</h3>\n<div class=\"heatmap\">\(heatmap)</div>\n"
        if !flowMap.isEmpty { html += "<h3>Who feeds whom</h3>\n<div class=\"flowmap\">\(flowMap)</div>\n" }
        if !timing.isEmpty { html += "<h3>Time at the seams</h3>\n<div class=\"timing\">\(timing)</div>\n" }
        return html + "</section>\n"
    }

    /// Whether the handbook is small enough to print whole (else the page says so).
    var printsWhole: Bool { chapters.map(\.pages.count).reduce(0, +) <= Self.maxChapters }

    /// The page; `chapter` gives each chapter's HTML (the live preview passes the ones it kept).
    func render(chapter: (@Sendable (PageRef) -> String)? = nil) -> [UInt8] {
        let e = HTMLText.escape
        let chapters = self.chapters
        let count = chapters.map(\.pages.count).reduce(0, +)
        var html = "<p class=\"kind\">Printable handbook</p>\n<h1>\(e(graph.settings.title))</h1>\n"
        if let description = graph.settings.description { html += "<p class=\"lead\">\(e(description))</p>\n" }
        if count > Self.maxChapters {
            html += "<p>This handbook has \(count) pages: too many to print as one document. "
            html += "Print the <a href=\"index.html\">overview</a> and the pages of the stages you need instead.</p>\n"
            html += "<ul>" + graph.stages.map { "<li><a href=\"\(e(PageRef(.stages, $0.id).path))\">\(e($0.name))</a></li>" }.joined() + "</ul>\n"
        } else {
            html += glance()
            html += "<nav class=\"toc\" aria-labelledby=\"toc\">\n<h2 id=\"toc\">Contents</h2>\n<ol>\n"
            for chapter in chapters {
                html += "<li>\(e(chapter.group))<ol>"
                for page in chapter.pages {
                    html += "<li><a href=\"#\(Self.anchor(page))\">\(e(graph.title(of: page)))</a></li>"
                }
                html += "</ol></li>\n"
            }
            html += "</ol>\n</nav>\n"
            let make = chapter ?? self.chapter
            html += chapters.flatMap(\.pages).concurrentMap { make($0) }.joined()
        }
        var layout = LayoutView(
            siteTitle: graph.settings.title, pageTitle: "Printable handbook",
            documentTitle: "Printable handbook · \(graph.settings.title)",
            description: graph.settings.description ?? "",
            root: "", homeHref: "index.html", isHome: false,
            nav: [], navHTML: builder.navFragments[""]?.joined() ?? "", contentHTML: html,
            editURL: "", lastChanged: "", pageKind: "handbook", generator: builder.options.generator)
        layout.canonicalURL = builder.publishing.absolute(SiteLayout.printable) ?? ""
        layout.faviconHref = SiteLayout.favicon
        var out: [UInt8] = []
        builder.theme.render(layout, template: "layout", into: &out)
        return out
    }

    /// A page's content made a chapter: its ids prefixed with the chapter's,
    /// links inside it and to other chapters made links inside the document,
    /// and every other relative link made relative to the site's root (where
    /// `handbook.html` sits).
    func rewrite(_ html: String, page: PageRef) -> String {
        Self.rewrite(html, chapter: Self.anchor(page), folder: page.folder, chapters: chapterPaths)
    }

    static let idAttributes: Set<String> = ["id", "aria-labelledby", "aria-describedby", "aria-controls"]
    static let urlAttributes: Set<String> = ["href", "src", "xlink:href"]

    /// Rewrites the attributes of rendered HTML (which the theme and cmark
    /// write with double quotes, and whose values never hold one).
    static func rewrite(_ html: String, chapter: String, folder: String, chapters: [String: PageRef]) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var i = 0
        while i < bytes.count {
            // ` name="` with name among the attributes to rewrite.
            if bytes[i] == UInt8(ascii: "="), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                var start = i
                while start > 0, bytes[start - 1] != UInt8(ascii: " ") && bytes[start - 1] != UInt8(ascii: "<") && bytes[start - 1] != 0x0A { start -= 1 }
                let name = String(decoding: bytes[start..<i], as: UTF8.self)
                if idAttributes.contains(name) || urlAttributes.contains(name), let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: "\"")) {
                    let value = String(decoding: bytes[(i + 2)..<close], as: UTF8.self)
                    let rewritten = idAttributes.contains(name)
                        ? value.split(separator: " ").map { "\(chapter)--\($0)" }.joined(separator: " ")
                        : url(value, chapter: chapter, folder: folder, chapters: chapters)
                    out += bytes[i...(i + 1)]
                    out += rewritten.utf8
                    out.append(UInt8(ascii: "\""))
                    i = close + 1
                    continue
                }
            }
            // `url(#x)` in inline SVG.
            if bytes[i] == UInt8(ascii: "u"), bytes[i...].starts(with: "url(#".utf8), let close = bytes[(i + 5)...].firstIndex(of: UInt8(ascii: ")")) {
                out += "url(#\(chapter)--".utf8
                out += bytes[(i + 5)...close]
                i = close + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One URL of a chapter: `#x` → `#chapter--x`; a link to a chapter's page
    /// → `#that-chapter(--fragment)`; any other relative URL → from the root.
    static func url(_ value: String, chapter: String, folder: String, chapters: [String: PageRef]) -> String {
        if value.hasPrefix("#") { return "#\(chapter)--" + value.dropFirst() }
        if value.isEmpty || value.hasPrefix("/") || URLPolicy.scheme(of: value) != nil { return value }
        var path = Substring(value)
        var fragment: Substring?
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        var query = Substring("")
        if let mark = path.firstIndex(of: "?") {
            query = path[mark...]
            path = path[..<mark]
        }
        let decoded = ContentLink.percentDecodedPath(String(path))
        guard let resolved = ContentLink.resolve(decoded, from: folder.isEmpty ? "x" : folder + "/x") else { return value }
        if let target = chapters[resolved] {
            return "#" + anchor(target) + (fragment.map { $0.isEmpty ? "" : "--" + $0 } ?? "")
        }
        return PageRef.encoded(resolved) + query + (fragment.map { "#" + $0 } ?? "")
    }
}
