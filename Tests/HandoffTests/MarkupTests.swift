import HandbookModel
import Markup
import Testing
@testable import HandbookSite

@Suite struct MarkupTests {
    @Test(arguments: [
        ("https://example.com", true), ("HTTP://x", true), ("mailto:a@b.c", true), ("../roles/pm.md#x", true),
        ("#anchor", true), ("page.html?x=1:2", true), ("/abs/path", true),
        ("javascript:alert(1)", false), ("JavaScript:alert(1)", false), ("java\tscript:alert(1)", false),
        (" javascript:x", false), ("vbscript:x", false), ("data:text/html,x", false), ("file:///etc/passwd", false),
    ])
    func urlPolicy(url: String, allowed: Bool) {
        #expect(URLPolicy.isAllowed(url) == allowed)
    }

    @Test func refusedLinksBecomeTextAndRawHTMLIsSanitized() {
        let html = MarkdownHTML.render("[a](JaVa&#9;ScRiPt:alert(1)) <img src=x onerror=alert(1)> [b](ok.md#x)\n\n<script>alert(1)</script>\n",
                                       rewrite: { ViewFactory.rewrite($0) })
        #expect(html == "<p>a <img src=\"x\" /> <a href=\"ok.html#x\">b</a></p>\n\n\n")
    }

    @Test(arguments: [
        ("<a href=\"https://x.org\">x</a>", nil), ("<a href=\"%04https://x\">x</a>", nil), ("<img src=\"../a.png\" />", nil),
        ("<a href=\"java\tscript:x\">x</a>", "a javascript: URL"), ("<a href=\" JavaScript:x\">", "a javascript: URL"),
        ("<img src=\"data:image/png,x\" />", "a data: URL"), ("<p onclick=\"x\">", "an on…= attribute"), ("<script>", "<script"),
    ] as [(String, String?)])
    func auditFindsWhatABrowserWouldRun(html: String, problem: String?) {
        // `%04https:` is no scheme to a browser (a relative URL): found by the fuzzer as a false alarm.
        #expect(HTMLAudit.problem(in: html) == problem)
    }

    @Test func rawHTMLDropped() {
        let html = MarkdownHTML.render("a <kbd>b</kbd> c\n\n<table><tr><td>x</td></tr></table>\n", rawHTML: .drop, rewrite: { $0 })
        #expect(html == "<p>a b c</p>\n")
    }

    @Test func headingsGetGitHubAnchorsExceptReservedOnes() {
        let html = MarkdownHTML.render("# How we work\n\n## Agents\n\n## How we work\n\n## Café & Co.\n", reserved: ["agents"], rewrite: { $0 })
        #expect(html == """
            <h1><a class="anchor" id="how-we-work" href="#how-we-work" aria-label="Link to this section"></a>How we work</h1>
            <h2>Agents</h2>
            <h2><a class="anchor" id="how-we-work-1" href="#how-we-work-1" aria-label="Link to this section"></a>How we work</h2>
            <h2><a class="anchor" id="café--co" href="#caf%C3%A9--co" aria-label="Link to this section"></a>Café &amp; Co.</h2>

            """)
    }

    static let files = ContentFiles(
        paths: ["roles/pm.md", "pages/img/a.png", "pages/ops/README.md", "pages/ops/On Call.md", "pages/community/sig-node/README.md",
                "pages/community/guide/x.md", "pages/notes.markdown", "pages/100%.md"],
        folders: ["roles", "pages", "pages/img", "pages/ops", "pages/community", "pages/community/sig-node", "pages/community/guide"])

    /// (the linking file, the destination as written, what the page links to)
    @Test(arguments: [
        ("roles/x.md", "pm.md", "pm.html"), ("roles/x.md", "../roles/pm.md#agents", "../roles/pm.html#agents"), ("roles/x.md", "#top", "#top"),
        ("roles/x.md", "https://x.org/a.md", "https://x.org/a.md"), ("roles/x.md", "notes.txt", "notes.txt"), ("roles/x.md", "a.md?x=1#y", "a.html#y"),
        ("roles/x.md", "/roles/pm.md#agents", "pm.html#agents"), ("roles/x.md", "/pages/img/a.png?v=2", "../pages/img/a.png?v=2"),
        ("roles/x.md", "//cdn.example.org/x.png", "//cdn.example.org/x.png"), ("roles/x.md", "img/a b.png", "img/a b.png"),
        // A path from the root is looked up in the page's folder, then each folder above it.
        ("pages/community/guide/x.md", "/sig-node/README.md#Owners", "../sig-node/index.html#Owners"),
        ("pages/community/guide/x.md", "/roles/pm.md", "../../../roles/pm.html"),
        // A folder's README is its page; a folder is its page; .markdown reads like .md.
        ("pages/x.md", "ops/", "ops/index.html"), ("pages/x.md", "ops", "ops/index.html"), ("pages/x.md", "ops/README.md#a", "ops/index.html#a"),
        ("pages/x.md", "notes.markdown", "notes.html"), ("pages/x.md", "ops/On Call.md", "ops/On Call.html"),
        ("pages/ops/README.md", "On%20Call.md#x", "On%20Call.html#x"), ("pages/x.md", "/100%25.md", "100%25.html"),
    ])
    func contentLinksBecomePageLinks(file: String, destination: String, expected: String) {
        #expect(ViewFactory.rewrite(destination, file: file, files: Self.files) == expected)
    }

    @Test func aFragmentInAnotherCaseTakesTheAnchorsSpelling() {
        #expect(Self.files.href(for: "ops/README.md#Requirements", from: "pages/x.md", fragment: "requirements") == "ops/index.html#requirements")
        #expect(Self.files.href(for: "#Setup", from: "pages/x.md", fragment: "setup") == "#setup")
        #expect(AnchorCase.match("Requirements", in: ["requirements", "other"]) == "requirements")
        #expect(AnchorCase.match("nope", in: ["requirements"]) == nil)
    }

    @Test func alertsAndFootnotesAsGitHubShowsThem() {
        let html = MarkdownHTML.render("""
            Text[^a].

            > [!note]
            > Read *this*.

            > [!CAUTION]
            > Careful.
            >
            > More.

            > [!TIP] on the same line stays a quote

            > [!UNKNOWN]
            > Stays a quote.

            [^a]: The note.
            """, rewrite: { $0 })
        #expect(html == """
            <p>Text<sup class="footnote-ref"><a href="#fn-a" id="fnref-a" data-footnote-ref>1</a></sup>.</p>
            <div class="markdown-alert markdown-alert-note">
            <p class="markdown-alert-title">Note</p>
            <p>Read <em>this</em>.</p>
            </div>
            <div class="markdown-alert markdown-alert-caution">
            <p class="markdown-alert-title">Caution</p>
            <p>Careful.</p>
            <p>More.</p>
            </div>
            <blockquote>
            <p>[!TIP] on the same line stays a quote</p>
            </blockquote>
            <blockquote>
            <p>[!UNKNOWN]
            Stays a quote.</p>
            </blockquote>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="fn-a">
            <p>The note. <a href="#fnref-a" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
            </li>
            </ol>
            </section>

            """)
        #expect(MarkdownRendering("Text[^a].\n\n[^a]: N.\n", html: false).anchors == ["fn-a", "fnref-a"])
    }

    @Test(arguments: [("24h", "24 hours"), ("1d", "1 day"), ("2w", "2 weeks"), ("1h", "1 hour")])
    func durationsInWords(text: String, words: String) {
        #expect(Duration(text)?.words == words)
    }

    @Test(arguments: ["", "h", "0h", "24", "1.5d", "-1d", "24H", "1m", "1234567h"])
    func invalidDurations(text: String) {
        #expect(Duration(text) == nil)
    }
}
