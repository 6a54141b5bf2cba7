import Diagnostics
import HandbookModel
import Markup

/// A sink that writes one handbook's site under a folder of the portfolio's
/// site (`claims/` + `roles/pm.html`): its links are relative, so it works there.
public final class PrefixedSink: SiteSink, @unchecked Sendable {
    let inner: any SiteSink
    let prefix: String

    public init(_ inner: any SiteSink, folder: String) {
        self.inner = inner
        prefix = folder.hasSuffix("/") ? folder : folder + "/"
    }

    public func makeFolders(_ relative: [String]) throws {
        // The handbook's own folder and its parents, then its folders inside it.
        var parents: [String] = []
        var path = ""
        for segment in prefix.split(separator: "/") {
            path += (path.isEmpty ? "" : "/") + segment
            parents.append(path)
        }
        try inner.makeFolders(parents + relative.map { prefix + $0 })
    }

    public func write(_ relative: String, _ bytes: [UInt8]) throws {
        try inner.write(prefix + relative, bytes)
    }
}

/// The portfolio's overview (FORMAT.md, A portfolio of handbooks): each
/// product with its counts and its heatmap in small, and the governed
/// objects two or more products define, with which.
public enum PortfolioSite {
    public struct Product {
        public var folder: String
        public var builder: SiteBuilder
        public init(folder: String, builder: SiteBuilder) {
            self.folder = folder
            self.builder = builder
        }
    }

    /// `index.html` and the theme's `style.css` at the portfolio site's root.
    public static func files(title: String, products: [Product], generator: String) -> [(path: String, bytes: [UInt8])] {
        let e = HTMLText.escape
        func href(_ folder: String, _ path: String) -> String { e(PercentEncoding.encode(folder + "/" + path, keeping: PercentEncoding.pathCharacters + "#")) }
        var body = "<h1>\(e(title))</h1>\n<p class=\"lead\">\(products.count) \(products.count == 1 ? "product" : "products"), each with its own handbook.</p>\n"
        body += "<section aria-labelledby=\"products\">\n<h2 id=\"products\">Products</h2>\n<ul class=\"products\">\n"
        for product in products {
            let graph = product.builder.graph
            let counts = [(graph.roles.count, "role"), (graph.stages.count, "stage"), (graph.contracts.count, "contract"),
                          (graph.contextIDs.count, "context"), (graph.objects.count, "governed object")]
                .map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.1 + "s")" }.joined(separator: " · ")
            body += "<li class=\"product card\"><h3><a href=\"\(href(product.folder, "index.html"))\">\(e(graph.settings.title))</a></h3>\n"
            if let description = graph.settings.description { body += "<p>\(e(description))</p>\n" }
            body += "<p class=\"meta\">\(counts)</p>\n"
            body += "<a href=\"\(href(product.folder, "index.html#engagement"))\"><img class=\"heatmap-small\" src=\"\(href(product.folder, SiteLayout.heatmap))\" "
                + "alt=\"Who engages where in \(e(graph.settings.title)): the Role × Lifecycle heatmap\" loading=\"lazy\"></a></li>\n"
        }
        body += "</ul>\n</section>\n"
        // Governed objects defined by two or more products.
        var definers: [String: [(product: Product, name: String)]] = [:]
        for product in products {
            for object in product.builder.graph.objects { definers[object.id, default: []].append((product, object.name)) }
        }
        let shared = definers.filter { $0.value.count >= 2 }.sorted { $0.key < $1.key }
        body += "<section aria-labelledby=\"shared-objects\">\n<h2 id=\"shared-objects\">Shared governed objects</h2>\n"
        if shared.isEmpty {
            body += "<p class=\"empty\">No governed object is defined by more than one product.</p>\n"
        } else {
            body += "<div class=\"table-scroll\"><table>\n<thead><tr><th scope=\"col\">Object</th><th scope=\"col\">Defined by</th></tr></thead>\n<tbody>\n"
            for (id, users) in shared {
                let links = users.map { "<a href=\"\(href($0.product.folder, SiteLayout.page(.objects, id)))\">\(e($0.product.builder.graph.settings.title))</a>" }
                body += "<tr><th scope=\"row\">\(e(users[0].name)) <code>\(e(id))</code></th><td>\(links.joined(separator: ", "))</td></tr>\n"
            }
            body += "</tbody>\n</table></div>\n"
        }
        body += "</section>\n"
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(e(generator))">
            <title>\(e(title))</title>
            <link rel="stylesheet" href="style.css">
            </head>
            <body class="kind-portfolio">
            <a class="skip" href="#main">Skip to content</a>
            <header class="site-header"><a class="site-title" href="index.html">\(e(title))</a></header>
            <main id="main" class="portfolio">
            \(body)</main>
            </body>
            </html>

            """
        var files: [(path: String, bytes: [UInt8])] = [("index.html", Array(html.utf8))]
        if let style = products.first?.builder.themeAssets.first(where: { $0.path == "style.css" }) { files.append(("style.css", style.bytes)) }
        return files
    }
}
