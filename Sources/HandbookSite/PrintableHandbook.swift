import Foundation
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

    var graph: SiteGraph { builder.graph }

    /// Chapters in reading order.
    var chapters: [(group: String, pages: [PageRef])] {
        [("Stages", graph.stages.map { PageRef(.stages, $0.id) }),
         ("Roles", graph.roles.map { PageRef(.roles, $0.id) }),
         ("Contracts", graph.contracts.map { PageRef(.contracts, $0.id) }),
         ("Contexts", graph.contextIDs.map { PageRef(.contexts, $0) }),
         ("Governed objects", graph.objects.map { PageRef(.objects, $0.id) }),
         ("Pages", graph.pages.map { PageRef(.pages, $0.id) })].filter { !$0.pages.isEmpty }
    }

    static func anchor(_ page: PageRef) -> String {
        (page.entityKind?.rawValue ?? "page") + "-" + page.id
    }

    /// One chapter: the page's content, rewritten to live inside the document.
    func chapter(_ page: PageRef) -> String {
        let content = builder.content(page)
        let inner = builder.theme.render(content.view, template: content.template)
        return "<section class=\"chapter\" id=\"\(Self.anchor(page))\" aria-label=\"\(HTMLText.escape(graph.title(of: page)))\">\n"
            + Self.rewrite(inner, chapter: Self.anchor(page), kind: page.entityKind?.rawValue ?? "") + "</section>\n"
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
        let layout = LayoutView(
            siteTitle: graph.settings.title, pageTitle: "Printable handbook",
            documentTitle: "Printable handbook · \(graph.settings.title)",
            description: graph.settings.description ?? "", hasDescription: graph.settings.description != nil,
            root: "", homeHref: "index.html", isHome: false,
            nav: [], navHTML: builder.navFragments[""]?.joined() ?? "", contentHTML: html,
            editURL: "", hasEditURL: false, lastChanged: "", hasLastChanged: false, pageKind: "handbook", generator: builder.options.generator)
        var out: [UInt8] = []
        builder.theme.render(layout, template: "layout", into: &out)
        return out
    }

    static let entityLink = try! NSRegularExpression(
        pattern: ##"(href|xlink:href)="\.\./(stages|roles|contracts|contexts|pages|objects)/([^"#/]+)\.html(?:#([^"]*))?""##)
    static let idAttribute = try! NSRegularExpression(pattern: #" (id|aria-labelledby|aria-describedby|aria-controls)="([^"]*)""#)
    static let localLink = try! NSRegularExpression(pattern: ##"(href|xlink:href)="#([^"]*)""##)
    static let localURL = try! NSRegularExpression(pattern: ##"url\(#([^)]*)\)"##)
    static let upLink = try! NSRegularExpression(pattern: #"(href|src|xlink:href)="\.\./"#)
    /// A path relative to the chapter's folder (`img/flow.svg` in a page's body).
    static let folderRelative = try! NSRegularExpression(pattern: ##"(href|src|xlink:href)="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\.\./)([^"]+)""##)
    /// A body's link to a page of its own kind (`analyst.html` from a role).
    static let siblingLink = try! NSRegularExpression(pattern: ##"(href|xlink:href)="([a-z0-9][a-z0-9-]*)\.html(?:#([^"]*))?""##)

    /// A page's content made a chapter: ids prefixed, links between pages made links inside the document.
    static func rewrite(_ html: String, chapter: String, kind: String) -> String {
        var out = html
        out = replace(idAttribute, in: out) { groups in
            " \(groups[1])=\"" + groups[2].split(separator: " ").map { "\(chapter)--\($0)" }.joined(separator: " ") + "\""
        }
        out = replace(localLink, in: out) { groups in "\(groups[1])=\"#\(chapter)--\(groups[2])\"" }
        out = replace(localURL, in: out) { groups in "url(#\(chapter)--\(groups[1]))" }
        out = replace(entityLink, in: out) { groups in
            let target = "\(groups[2])-\(groups[3])"
            return "\(groups[1])=\"#\(target)" + (groups[4].isEmpty ? "" : "--\(groups[4])") + "\""
        }
        out = replace(siblingLink, in: out) { groups in
            "\(groups[1])=\"#\(kind)-\(groups[2])" + (groups[3].isEmpty ? "" : "--\(groups[3])") + "\""
        }
        out = replace(folderRelative, in: out) { groups in "\(groups[1])=\"\(kind)/\(groups[2])\"" }
        // What is left going up a folder is an asset or a site file: handbook.html sits at the root.
        out = replace(upLink, in: out) { groups in "\(groups[1])=\"" }
        return out
    }

    static func replace(_ expression: NSRegularExpression, in text: String, with make: ([String]) -> String) -> String {
        let ns = text as NSString
        var out = ""
        var cursor = 0
        for match in expression.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            let groups = (0..<match.numberOfRanges).map { index -> String in
                let range = match.range(at: index)
                return range.location == NSNotFound ? "" : ns.substring(with: range)
            }
            out += make(groups)
            cursor = NSMaxRange(match.range)
        }
        return out + ns.substring(from: cursor)
    }
}
