import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Markup
import Testing

/// Publishing conventions (FORMAT.md `url`; docs/format.md, The built site):
/// with `url`, a sitemap of every published page, robots.txt, canonical
/// links and og: tags; without it, nothing absolute and one note; always a
/// 404 page, a favicon, .nojekyll and a meta description of each page's own.
@Suite struct PublishingTests {
    static let url = "https://acme.github.io/handbook/"

    /// The example, with `url` and an alias for the Data PM.
    static func build(url: String?) throws -> (scratch: Scratch, run: Run, site: SiteTree) {
        let scratch = try Scratch()
        let content = try scratch.copy(Paths.exampleContent, as: "content")
        if let url {
            let settings = content.appendingPathComponent("handbook.yaml")
            try (try String(contentsOf: settings, encoding: .utf8) + "url: \(url)\n").write(to: settings, atomically: true, encoding: .utf8)
        }
        let pm = content.appendingPathComponent("roles/pm.md")
        try (try String(contentsOf: pm, encoding: .utf8)).patched("name: Data PM", with: "name: Data PM\naliases: [data-pm]")
            .write(to: pm, atomically: true, encoding: .utf8)
        let run = try Run(["build", "--content", "content", "--output", "public"], in: scratch.url)
        return (scratch, run, SiteTree(scratch.url.appendingPathComponent("public")))
    }

    /// The `<loc>`s of a sitemap, read by an XML parser.
    final class Locations: NSObject, XMLParserDelegate {
        var found: [String] = []
        var text: String?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "loc" { text = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "loc", let text { found.append(text) }
            text = nil
        }
    }

    @Test func withURLTheSitemapListsEveryPublishedPageAbsolutely() throws {
        let (_, run, site) = try Self.build(url: Self.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr == "")
        let parser = XMLParser(data: Data(try #require(site.files["sitemap.xml"])))
        let locations = Locations()
        parser.delegate = locations
        #expect(parser.parse())
        // Every HTML file but the 404 page, the printable handbook and the redirect, in reading order.
        let pages = Set(site.files.keys.filter { $0.hasSuffix(".html") }).subtracting(["404.html", "handbook.html", "roles/data-pm.html"])
        #expect(locations.found.count == pages.count)
        #expect(Set(locations.found) == Set(pages.map { Self.url + ($0 == "index.html" ? "" : $0) }))
        #expect(Array(locations.found.prefix(3)) == [Self.url, Self.url + "stages/discover.html", Self.url + "stages/decide.html"])
        #expect(site.text("robots.txt") == "User-agent: *\nAllow: /\nSitemap: \(Self.url)sitemap.xml\n")

        let role = site.text("roles/pm.html")
        let purpose = "Keep the team working on the problems that matter most to customers and the business."
        #expect(role.contains("""
            <meta name="description" content="\(purpose)">
            <link rel="canonical" href="\(Self.url)roles/pm.html">
            <meta property="og:type" content="website">
            <meta property="og:site_name" content="Data Product Team Handbook">
            <meta property="og:title" content="Data PM">
            <meta property="og:description" content="\(purpose)">
            <meta property="og:url" content="\(Self.url)roles/pm.html">
            """))
        #expect(site.text("pages/principles.html").contains("<meta name=\"description\" content=\"These are the ideas the rest of the handbook rests on.\">"))
        #expect(site.text("contracts/telemetry-handoff.html").contains("<meta name=\"description\" content=\"From Ship to Evaluate. Gates: "))
        // The redirect points search engines at the page's absolute address.
        #expect(site.text("roles/data-pm.html").contains("<link rel=\"canonical\" href=\"\(Self.url)roles/pm.html\">"))
        // The 404 page knows the site's root from url.
        #expect(site.text("404.html").contains("<base href=\"/handbook/\">"))
    }

    @Test func withoutURLNothingIsAbsoluteAndTheBuildSaysWhatURLWouldAdd() throws {
        let (_, run, site) = try Self.build(url: nil)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr == "note: set url: in handbook.yaml (where the site is published) to add sitemap.xml, robots.txt, canonical links and og: tags\n")
        #expect(site.files["sitemap.xml"] == nil && site.files["robots.txt"] == nil)
        for (path, bytes) in site.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.contains("rel=\"canonical\" href=\"http") && !html.contains("og:url"), "\(path)")
        }
        #expect(site.text("404.html").contains(HTMLAudit.notFoundBase))
    }

    @Test func alwaysA404PageAFaviconAndNoJekyll() throws {
        let (_, run, site) = try Self.build(url: nil)
        #expect(run.status == 0)
        #expect(site.files[".nojekyll"] == [])
        #expect(site.text("favicon.svg").hasPrefix("<svg"))
        #expect(site.text("roles/pm.html").contains("<link rel=\"icon\" href=\"../favicon.svg\" type=\"image/svg+xml\">"))
        let notFound = site.text("404.html")
        #expect(notFound.contains("<title>Page not found · Data Product Team Handbook</title>"))
        #expect(notFound.contains("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">"))
    }
}
