import HandbookModel

/// What a published site carries besides its pages (FORMAT.md: `url`,
/// *Renames*): with `url`, `sitemap.xml` and `robots.txt` naming it, and
/// absolute canonical addresses; always `404.html`, `.nojekyll` (GitHub
/// Pages would otherwise drop folders starting with `_`) and a redirect page
/// at each former address an `aliases` entry keeps alive.
struct Publishing {
    let graph: SiteGraph

    /// `url` with its trailing slash, or nil.
    var base: String? { graph.settings.url }

    /// The site's path on its host (`/handbook/`), or nil without `url`.
    var basePath: String? {
        guard let base else { return nil }
        // After "scheme://host", the rest is the path.
        let parts = base.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        return parts.count > 3 ? "/" + parts[3] : "/"
    }

    /// A page's absolute address, or nil without `url`.
    func absolute(_ path: String) -> String? {
        guard let base else { return nil }
        return path == SiteLayout.overview ? base : base + PageRef.encoded(path)
    }

    /// Every published page (the generated list and folder pages too; no
    /// redirect, no 404), absolute, in page order.
    func sitemap(_ pages: [PageRef]) -> [UInt8]? {
        guard base != nil else { return nil }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages { out += "<url><loc>\(Self.xml(absolute(page.path)!))</loc></url>\n" }
        out += "<url><loc>\(Self.xml(absolute(SiteLayout.glossary)!))</loc></url>\n"
        out += "</urlset>\n"
        return Array(out.utf8)
    }

    func robots() -> [UInt8]? {
        guard let base else { return nil }
        return Array("User-agent: *\nAllow: /\nSitemap: \(base)sitemap.xml\n".utf8)
    }

    /// A redirect page at each alias's address: a meta refresh (no script),
    /// a canonical link to the page, and a plain link for anyone who stops it.
    func redirects() -> [(path: String, bytes: [UInt8])] {
        var out: [(path: String, bytes: [UInt8])] = []
        for kind in EntityKind.allCases {
            for (id, aliases) in graph.handbook.aliases(kind) {
                let target = PageRef(kind, id)
                for alias in aliases {
                    let path = kind == .pages ? PagePath.aliasAddress(alias.value) : SiteLayout.page(kind, alias.value)
                    out.append((path, redirect(from: path, to: target)))
                }
            }
        }
        return out.sorted { $0.path < $1.path }
    }

    func redirect(from path: String, to target: PageRef) -> [UInt8] {
        let depth = path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        let relative = String(repeating: "../", count: depth) + target.urlPath
        let canonical = absolute(target.path) ?? relative
        let title = Self.html(graph.title(of: target))
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Moved: \(title)</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(Self.html(canonical))">
            <meta http-equiv="refresh" content="0; url=\(Self.html(relative))">
            </head>
            <body>
            <p>This page has moved to <a href="\(Self.html(relative))">\(title)</a>.</p>
            </body>
            </html>

            """
        return Array(html.utf8)
    }

    /// Where each redirect stands, for the link rule and the output's folders.
    var redirectPaths: [String] { redirects().map(\.path) }

    static func html(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    static func xml(_ text: String) -> String { html(text).split(separator: "'", omittingEmptySubsequences: false).joined(separator: "&apos;") }

    // MARK: Descriptions

    /// The page's own meta description: a role's purpose, a stage's
    /// question, a contract's boundary and gates, a page's `description` or
    /// first paragraph...; the site's description where a page has none.
    func description(of page: PageRef) -> String {
        let handbook = graph.handbook
        var text: String?
        switch page.kind {
        case .index, .list, .folder: text = nil
        case .entity(.roles): text = handbook.roles[page.id]?.purpose
        case .entity(.stages): text = handbook.stages[page.id]?.question
        case .entity(.contracts):
            if let contract = handbook.contracts[page.id] {
                var parts: [String] = []
                if let boundary = contract.boundary {
                    parts.append("From \(graph.title(of: PageRef(.stages, boundary.from))) to \(graph.title(of: PageRef(.stages, boundary.to))).")
                }
                if !contract.gates.isEmpty { parts.append("Gates: " + contract.gates.map(\.value).joined(separator: "; ") + ".") }
                text = parts.joined(separator: " ")
            }
        case .entity(.contexts): text = handbook.contexts[page.id]?.description
        case .entity(.objects): text = handbook.objects[page.id]?.definition
        case .entity(.pages):
            if let entity = handbook.pages[page.id] {
                text = entity.description ?? Self.firstParagraph(entity.body)
            }
        }
        let chosen = (text?.isEmpty ?? true) ? graph.settings.description ?? "" : text!
        return Self.shortened(chosen, to: 200)
    }

    /// The text of a body's first paragraph (not a heading, list, table or code).
    static func firstParagraph(_ body: Body) -> String? {
        var paragraph: [Substring] = []
        var fence = false
        for line in body.markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fence.toggle(); if !paragraph.isEmpty { break }; continue }
            if fence { continue }
            if trimmed.isEmpty {
                if !paragraph.isEmpty { break }
                continue
            }
            let first = trimmed.first!
            if paragraph.isEmpty && ("#|<>-*+!:[".contains(first) || first.isNumber && trimmed.contains(". ")) { continue }
            paragraph.append(Substring(trimmed))
        }
        guard !paragraph.isEmpty else { return nil }
        let plain = SearchIndex.plainText(paragraph.joined(separator: " "), budget: 400)
        return plain.isEmpty ? nil : plain
    }

    /// At most `limit` characters, cut at a space, with "…" when cut.
    static func shortened(_ text: String, to limit: Int) -> String {
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard words.count > limit else { return words }
        let cut = words.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
