@testable import Markup
import Testing

/// The raw-HTML sanitizer: what a body's raw HTML becomes, what is reported
/// as removed (at which body line and column), and which ids it adds.
@Suite struct SanitizerTests {
    struct Case: CustomStringConvertible, Sendable {
        var markdown: String
        var html: String
        var removals: [String] = []
        var ids: [String] = []
        var description: String { markdown }
    }

    static let cases: [Case] = [
        Case(markdown: "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <ins>new</ins> <del>old</del>\n",
             html: "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <ins>new</ins> <del>old</del></p>\n"),
        Case(markdown: "<table>\n<tr><td>a<br>b</td><td colspan=2 style=\"x\">c</td></tr>\n</table>\n",
             html: "<table>\n<tbody><tr><td>a<br />b</td><td colspan=\"2\">c</td></tr>\n</tbody></table>\n\n",
             removals: ["<td style>@2:20"]),
        Case(markdown: "<details open>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n",
             html: "<details open=\"\">\n<summary>More</summary>\n\n<p>Hidden <em>text</em>.</p>\n</details>\n\n"),
        Case(markdown: "<p align=\"center\"><img src=\"img/x.png\" alt=\"X\" width=\"200\" onerror=\"alert(1)\"></p>\n",
             html: "<p align=\"center\"><img src=\"img/x.png\" alt=\"X\" width=\"200\" /></p>\n\n",
             removals: ["<img onerror>@1:19"]),
        // Mutation XSS shapes: foreign content, raw text elements, comments.
        Case(markdown: "<svg><style><img src=x onerror=alert(1)></style></svg> and <math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>\n",
             html: "<p> and </p>\n", removals: ["<svg>@1:1", "<math>@1:60"]),
        Case(markdown: "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>\n",
             html: "<p></p><p title=\"&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;\"></p>\n", removals: ["<noscript>@1:1"]),
        Case(markdown: "a <!-- <script>alert(1)</script> --> b <!--> c\n",
             html: "<p>a  b &lt;!--&gt; c</p>\n"),
        Case(markdown: "<a href=\"jav&#x61;script:alert(1)\">x</a> <a href=\" JAVA\tSCRIPT:alert(1)\">y</a> <img src=\"data:image/png;base64,AA\">\n",
             html: "<p>x y </p>\n", removals: ["<a href=\"javascript:…\">@1:1 (2×)", "<img src=\"data:…\">@1:80"]),
        Case(markdown: "<div>unclosed <b>bold\n\nnext\n",
             html: "<div>unclosed <b>bold\n\n<p>next</p>\n</b></div>"),
        Case(markdown: "<iframe src=\"https://x\"></iframe><form action=\"/x\"><input type=\"text\"><input type=\"checkbox\" checked> ok</form>\n",
             html: "<input type=\"checkbox\" checked=\"\" /> ok\n\n", removals: ["<iframe>@1:1", "<form>@1:34", "<input>@1:52"]),
        Case(markdown: "<center><font color=red>old</font></center> <span class=\"x\" style=\"y\" onclick=\"z\">s</span>\n",
             html: "old <span>s</span>\n\n", removals: ["<center>@1:1", "<font>@1:9", "<span class>@1:45", "<span style>@1:45", "<span onclick>@1:45"]),
        // Anchors: <a name> becomes an id; a duplicate of a heading's anchor adds nothing.
        // (A <div> inside a paragraph closes it, as in a browser: hence the empty <p></p>.)
        Case(markdown: "## <a name=\"setup\"></a>Setup\n\n<a id=\"x-y\"></a><div id=\"setup\">z</div> <span id=\"two words\">w</span>\n",
             html: "<h2><a class=\"anchor\" id=\"setup\" href=\"#setup\" aria-label=\"Link to this section\"></a>Setup</h2>\n<p><a id=\"x-y\"></a></p><div>z</div> <span>w</span><p></p>\n",
             removals: ["<span id>@3:41"], ids: ["x-y"]),
        Case(markdown: "<pre>\n\ncode</pre>\n\n<blockquote cite=\"javascript:x\">q</blockquote>\n",
             html: "<pre>\n\ncode</pre>\n\n<blockquote>q</blockquote>\n\n", removals: ["<blockquote cite=\"javascript:…\">@5:1"]),
        // Raw links are rewritten like Markdown ones.
        Case(markdown: "<a href=\"../roles/pm.md#agents\">PM</a> <img src=\"/pages/img/a.png\">\n",
             html: "<p><a href=\"../roles/pm.html#agents\">PM</a> <img src=\"../pages/img/a.png\" /></p>\n"),
    ]

    @Test(arguments: cases)
    func sanitizes(_ item: Case) {
        let rendering = MarkdownRendering(item.markdown, reserved: ["main"], rewrite: { RewriteForTests.rewrite($0) })
        #expect(rendering.html == item.html)
        #expect(rendering.removals.map { "\($0.what)@\($0.line):\($0.column)" + ($0.count > 1 ? " (\($0.count)×)" : "") } == item.removals)
        #expect(rendering.rawIDs == item.ids)
    }

    // MARK: Malformed raw HTML never takes the Markdown after it

    @Test func anElementLeftOpenDoesNotSwallowTheRestOfThePage() {
        // The shape of the issue: </noscript> inside an attribute, the real one ignored after a <p>.
        let rendering = MarkdownRendering("""
            Before.

            <div>
            <noscript><p title="</noscript><img src=x.svg onerror=alert(8)>"></noscript>
            <a href="https://example.com/">ok link</a>

            After.

            ## More

            """, reserved: ["main"])
        #expect(rendering.html.contains("<a href=\"https://example.com/\">ok link</a>"))
        #expect(rendering.html.contains("<p>After.</p>"))
        #expect(rendering.headings.map(\.anchor) == ["more"])
        #expect(rendering.html.contains("id=\"more\""))
        #expect(rendering.removals.map { "\($0.what)@\($0.line):\($0.column)" } == ["<noscript>@4:1"])
        #expect(HTMLAudit.problem(in: rendering.html) == nil)
    }

    @Test(arguments: [
        // (Markdown, text that must survive, removals)
        ("<div><a title=\"oops\n\nNext para.\n", "<p>Next para.</p>", ["<a> (not closed)@1:6"]),
        ("Intro.\n\n<!-- never closed\n\nStill here.\n", "<p>Still here.</p>", ["<!-- (not closed)@3:1"]),
        ("<div><textarea>\n\nKept.\n", "<p>Kept.</p>", ["<textarea>@1:6"]),
        ("<svg><text>x\n\nAfter svg.\n", "<p>After svg.</p>", ["<svg>@1:1", "<text>@1:6"]),
        ("<script>\nlet x = 1\n\n# Heading\n", "Heading</h1>", ["<script> (not closed)@1:1"]),
        ("<plaintext>\n\nPlain *text*.\n", "<em>text</em>", ["<plaintext>@1:1"]),
        ("<select><option>a\n\nChosen.\n", "<p>Chosen.</p>", ["<select>@1:1", "<option>@1:9"]),
    ] as [(String, String, [String])])
    func malformedShapesKeepWhatFollows(markdown: String, survivor: String, removals: [String]) {
        let rendering = MarkdownRendering(markdown, reserved: ["main"])
        #expect(rendering.html.contains(survivor), "\(rendering.html)")
        #expect(rendering.removals.map { "\($0.what)@\($0.line):\($0.column)" } == removals)
        #expect(HTMLAudit.problem(in: rendering.html) == nil)
    }

    @Test func unknownElementsAreUnwrappedAndFallbacksGoWithTheirContent() {
        let listing = MarkdownRendering("<Listing number=\"1-1\" file-name=\"main.rs\">\n\n```rust\nfn main() {}\n```\n\n</Listing>\n")
        #expect(listing.html.contains("<pre><code class=\"language-rust\">fn main() {}\n</code></pre>"))
        #expect(listing.removals.map(\.what) == ["<listing>"])
        let picture = MarkdownRendering("<picture><source srcset=\"a.webp\"><img src=\"a.png\" alt=\"A\"></picture>\n")
        #expect(picture.html == "<p><img src=\"a.png\" alt=\"A\" /></p>\n")
        #expect(picture.removals.map(\.what) == ["<picture>", "<source>"])
        // Closed by its own end tag, a fallback element goes with what the author put in it.
        let video = MarkdownRendering("<video src=\"a.mp4\">\n\nYour browser cannot play this.\n\n</video>\n\nAfter.\n")
        #expect(!video.html.contains("Your browser"))
        #expect(video.html.contains("<p>After.</p>"))
    }

    @Test func rawHeadingsAreLinkTargets() {
        let rendering = MarkdownRendering("<h2>Raw Heading</h2>\n\n## Raw Heading\n\n<h3 id=\"own\">Own id</h3>\n\n[a](#raw-heading-1)\n", reserved: ["main"])
        #expect(rendering.rawIDs == ["raw-heading-1", "own"])
        #expect(rendering.html.hasPrefix("<h2 id=\"raw-heading-1\">Raw Heading</h2>"))
    }

    /// Random raw HTML between Markdown paragraphs: tags left open, quotes
    /// left open, comments, foreign content, raw text elements, fallbacks.
    /// Every paragraph's text survives; nothing a browser would run is written.
    @Test func fuzzedRawHTMLNeverRemovesAParagraph() {
        var random = SeededRandom(seed: 0x5eed)
        let elements = ["div", "span", "b", "a", "p", "details", "table", "td", "ul", "li", "pre", "code", "h2", "blockquote",
                        "script", "style", "noscript", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
                        "template", "select", "option", "object", "video", "audio", "canvas", "svg", "math", "mtext", "foreignObject",
                        "Listing", "company", "picture", "source", "form", "button", "img", "input", "br"]
        let attributes = ["", " title=\"x\"", " title=\"</noscript><img src=x onerror=alert(1)>\"", " onclick=\"alert(1)\"",
                          " href=\"javascript:alert(1)\"", " src=\"data:text/html,x\"", " title=\"open", " title='a>b'", " id=\"x y\""]
        func token() -> String {
            let element = elements[random.next(elements.count)]
            switch random.next(9) {
            case 0, 1, 2: return "<\(element)\(attributes[random.next(attributes.count)])>"
            case 3: return HTMLSanitizer.droppedWithContent.contains(element.lowercased()) ? "<\(element)>t</\(element)>" : "</\(element)>"
            case 4: return ["<!-- c -->", "<!-- open", "<!-->", "<![CDATA[x", "<?php x", "<!DOCTYPE html>", "--!>"][random.next(7)]
            case 5: return ["&lt;", "&amp;", "&#x3c;script&#x3e;", "\"", "'", ">"][random.next(6)]
            default: return "<\(element)>word</\(element)>"
            }
        }
        var checked = 0
        for document in 0..<1_000 {
            var markdown = ""
            var words: [String] = []
            for paragraph in 0..<5 {
                let snippet = (0..<(1 + random.next(4))).map { _ in token() }.joined()
                markdown += random.next(2) == 0 ? snippet + "\n\n" : "Lead " + snippet + "\n\n"
                let word = "zq\(document)x\(paragraph)"
                words.append(word)
                markdown += "Paragraph \(word) ends here.\n\n"
            }
            let rendering = MarkdownRendering(markdown, reserved: ["main"])
            let text = Self.visibleText(rendering.html)
            for word in words where !text.contains(word) {
                Issue.record("document \(document): '\(word)' lost\n\(markdown)\n--\n\(rendering.html)")
            }
            #expect(HTMLAudit.problem(in: rendering.html) == nil, "\(markdown)")
            checked += words.count
        }
        #expect(checked == 5_000)
    }

    /// The page's text with tags removed (what a reader can find, hidden details included).
    static func visibleText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return out
    }

    @Test func rawLinksAreFoundWithTheirPositions() {
        let rendering = MarkdownRendering("Text [a](a.md)\n\n<p>\n  <img src=\"img/x.png\"> <a href=\"b.md\">b</a>\n</p>\n", html: false)
        #expect(rendering.links.map { "\($0.destination)@\($0.line):\($0.column)" } == ["a.md@1:6", "img/x.png@4:3", "b.md@4:25"])
    }

    @Test func plainBodiesAreByteIdenticalToCmark() {
        // No raw HTML: the sanitizer is not involved at all.
        let markdown = "# T\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n- [x] done\n\n\"q\" & <not html\n"
        #expect(MarkdownRendering(markdown, rewrite: { $0 }).html == """
            <h1><a class="anchor" id="t" href="#t" aria-label="Link to this section"></a>T</h1>
            <table>
            <thead>
            <tr>
            <th>a</th>
            <th align="center">b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>1</td>
            <td align="center">2</td>
            </tr>
            </tbody>
            </table>
            <ul>
            <li><input type="checkbox" checked="" disabled="" aria-label="Done" /> done</li>
            </ul>
            <p>&quot;q&quot; &amp; &lt;not html</p>

            """)
    }

    /// Task items' checkboxes carry a name for screen readers, with raw HTML
    /// on the page or without; a checkbox typed as raw HTML is left as written.
    @Test(arguments: ["", "<b>raw</b>\n\n"])
    func taskItemsAreLabelled(prefix: String) {
        let rendering = MarkdownRendering(prefix + "- [x] done\n- [ ] next <input type=\"checkbox\" disabled>\n")
        #expect(rendering.html == (prefix.isEmpty ? "" : "<p><b>raw</b></p>\n") + """
            <ul>
            <li><input type="checkbox" checked="" disabled="" aria-label="Done" /> done</li>
            <li><input type="checkbox" disabled="" aria-label="To do" /> next <input type="checkbox" disabled="" /></li>
            </ul>

            """)
    }

    @Test func dropPolicyReportsOnePieceCount() {
        let rendering = MarkdownRendering("a <b>x</b>\n\n<div>y</div>\n", rawHTML: .drop)
        #expect(rendering.html == "<p>a x</p>\n")
        #expect(rendering.removals == [RawHTMLRemoval(what: "raw HTML", line: 1, column: 3, count: 3)])
    }
}

/// The site's rewrite without importing the site into every test file.
enum RewriteForTests {
    static func rewrite(_ destination: String) -> String {
        var path = Substring(destination)
        var fragment = ""
        if let hash = path.firstIndex(of: "#") { fragment = String(path[hash...]); path = path[..<hash] }
        if path.hasPrefix("/") { path = "../" + path.dropFirst() }
        return path.hasSuffix(".md") ? String(path.dropLast(3)) + ".html" + fragment : String(path) + fragment
    }
}

/// A small deterministic generator (SplitMix64), so fuzz cases repeat.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
