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
             html: "<h2><a class=\"anchor\" id=\"setup\" href=\"#setup\" aria-hidden=\"true\"></a>Setup</h2>\n<p><a id=\"x-y\"></a></p><div>z</div> <span>w</span><p></p>\n",
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

    @Test func rawLinksAreFoundWithTheirPositions() {
        let rendering = MarkdownRendering("Text [a](a.md)\n\n<p>\n  <img src=\"img/x.png\"> <a href=\"b.md\">b</a>\n</p>\n", html: false)
        #expect(rendering.links.map { "\($0.destination)@\($0.line):\($0.column)" } == ["a.md@1:6", "img/x.png@4:3", "b.md@4:25"])
    }

    @Test func plainBodiesAreByteIdenticalToCmark() {
        // No raw HTML: the sanitizer is not involved at all.
        let markdown = "# T\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n- [x] done\n\n\"q\" & <not html\n"
        #expect(MarkdownRendering(markdown, rewrite: { $0 }).html == """
            <h1><a class="anchor" id="t" href="#t" aria-hidden="true"></a>T</h1>
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
            <li><input type="checkbox" checked="" disabled="" /> done</li>
            </ul>
            <p>&quot;q&quot; &amp; &lt;not html</p>

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
