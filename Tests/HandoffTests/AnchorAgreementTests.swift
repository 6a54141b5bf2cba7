import Diagnostics
import Foundation
import HandbookModel
import HandbookSource
import Testing
@testable import HandbookSite

/// `check` and the built page compute a heading's anchor in one pass over
/// the body (`MarkdownRendering`): the link rule accepts exactly the ids the
/// page carries, and both follow GitHub's rule (the heading's text as the
/// reader sees it, lowercased; everything but letters, marks, decimal digits,
/// `_`, `-` and spaces dropped; spaces to hyphens; repeats numbered).
@Suite struct AnchorAgreementTests {
    /// (heading as written, the anchor GitHub gives it)
    static let headings: [(String, String)] = [
        ("# How we work", "how-we-work"),
        ("## Café & Co.", "café--co"),
        ("## Press <kbd>Ctrl</kbd>+<kbd>C</kbd>", "press-ctrlc"),
        ("## <a name=\"setup\"></a>Setup", "setup"),
        ("## Setup", "setup-1"),
        ("## Setup", "setup-2"),
        ("## 🚀 Launch", "-launch"),
        ("## Launch 🚀", "launch-"),
        ("## 日本語の見出し", "日本語の見出し"),
        ("## 中文 标题", "中文-标题"),
        ("## Ünïcödé Straße", "ünïcödé-straße"),
        ("## ΑΒΓ Greek", "αβγ-greek"),
        ("## Code `foo_bar()`", "code-foo_bar"),
        ("## `--flag` option", "--flag-option"),
        ("Setext One\n==========", "setext-one"),
        ("Setext Two\n----------", "setext-two"),
        ("## Hello, World!", "hello-world"),
        ("## What's new?", "whats-new"),
        ("## 1.2.3 Release", "123-release"),
        ("## A -- B", "a----b"),
        ("## A/B testing", "ab-testing"),
        ("## Emphasis *inside* **here**", "emphasis-inside-here"),
        ("## [Link text](https://example.com) after", "link-text-after"),
        ("## ![logo](img/logo.png) Brand", "-brand"),
        ("## Trailing #####", "trailing"),
        ("## Escaped \\*star\\*", "escaped-star"),
        ("## &amp; entity &copy;", "-entity-"),
        ("## Snake_case_name", "snake_case_name"),
        ("## ~~Struck~~ text", "struck-text"),
        ("## UPPER lower", "upper-lower"),
        ("## 100% sure", "100-sure"),
        ("## Q&A", "qa"),
        ("## <span>Wrapped</span> words", "wrapped-words"),
        ("## <img src=\"img/logo.png\" alt=\"alt\"> Icon", "-icon"),
        ("## Line<br>break", "linebreak"),
        ("## Über <sub>2</sub>", "über-2"),
        ("## ² superscript", "-superscript"),
        ("## Ⅷ roman", "-roman"),
        ("## Math α+β=γ", "math-αβγ"),
        ("## Quotes \"double\" 'single'", "quotes-double-single"),
        ("## Mixed 中文 and English", "mixed-中文-and-english"),
        ("## ❤️ Love", "\u{FE0F}-love"),
        ("## Tab\tinside", "tabinside"),
        ("## Agents", "agents"),
        ("### How we work", "how-we-work-1"),
    ]

    @Test func checkAndPageAgreeWithGitHubsRule() throws {
        #expect(Self.headings.count >= 40)
        let body = Self.headings.map(\.0).joined(separator: "\n\nText.\n\n") + "\n"
        var handbook = TestHandbook(["pages/anchors.md": "---\nname: Anchors\n---\n" + body])
        let path = try handbook.write()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let loaded = try HandbookLoader.load(path: path, displayRoot: "content")
        let expected = Self.headings.map(\.1)

        // What check uses: the body's anchors (headings, then raw ids: none here but the duplicate 'setup').
        let checked = try #require(loaded.handbook.pages["anchors"]).body.anchors
        #expect(checked == expected)

        // What the page carries.
        let theme = try #require(Theme.load(overrides: nil, displayPath: "templates").theme)
        let site = SiteBuilder(handbook: loaded.handbook, warnings: [], theme: theme,
                               options: .init(contentRoot: "content", repositoryPath: "content", generator: "test"))
        let html = try #require(site.renderedPages().first { $0.path == "pages/anchors.html" }).html
        #expect(Self.values(after: "<a class=\"anchor\" id=\"", in: html) == expected)
        // Every id on the page is unique (the raw <a name="setup"> added no second 'setup').
        let ids = Self.values(after: " id=\"", in: html)
        #expect(Set(ids).count == ids.count)
    }

    /// Attribute values after `prefix`, read byte-wise (an id may start with
    /// a combining mark, which would join the quote into one Character).
    static func values(after prefix: String, in html: String) -> [String] {
        let bytes = Array(html.utf8)
        let needle = Array(prefix.utf8)
        var out: [String] = []
        var i = 0
        while i + needle.count <= bytes.count {
            if Array(bytes[i..<(i + needle.count)]) == needle {
                var j = i + needle.count
                while j < bytes.count && bytes[j] != UInt8(ascii: "\"") { j += 1 }
                out.append(String(decoding: bytes[(i + needle.count)..<j], as: UTF8.self))
                i = j
            } else {
                i += 1
            }
        }
        return out
    }

    @Test func linksToHTMLAnchorsPassAndDeadOnesFail() throws {
        var handbook = TestHandbook([
            "pages/guide.md": """
                ---
                name: Guide
                ---
                ## <a name="setup"></a>Setup

                ## Press <kbd>Ctrl</kbd>+<kbd>C</kbd>

                <div id="faq">Questions</div>

                [ok](#setup) [ok](#press-ctrlc) [ok](#faq) [dead](1️⃣#a-namesetupasetup) [dead](2️⃣#press-kbdctrlkbdckbd)
                """,
        ])
        expectSame(try handbook.check().reported, [
            Reported(.brokenLink, .error, handbook.at("1️⃣").shifted(-7), "link '#a-namesetupasetup' names no heading in this file",
                     notes: []),
            Reported(.brokenLink, .error, handbook.at("2️⃣").shifted(-7), "link '#press-kbdctrlkbdckbd' names no heading in this file"),
        ])
    }
}

extension Diagnostics.SourceLocation {
    /// The same place, `columns` further along the line.
    func shifted(_ columns: Int) -> Diagnostics.SourceLocation {
        Diagnostics.SourceLocation(file: file, line: line, column: column + columns)
    }
}
