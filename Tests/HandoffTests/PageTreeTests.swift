import Diagnostics
import Foundation
import HandbookPipeline
import HandbookModel
import Testing
@testable import HandbookCheck
@testable import HandbookSource

/// pages/ as a tree (FORMAT.md, *Pages*): ids mirror paths, folder pages,
/// optional front matter, titles, drafts, SUMMARY.md order, other tools'
/// fields, and what the loader reports about docs moved in whole.
@Suite struct PageTreeTests {
    static func load(_ files: [String: String?]) throws -> (handbook: Handbook, reported: [Reported]) {
        var handbook = TestHandbook(files)
        let path = try handbook.write()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let checked = try HandbookPipeline(content: path, contentDisplay: "content").run(theme: .none)
        return (checked.handbook, checked.diagnostics.reported)
    }

    @Test func idsMirrorPathsAndFoldersHaveTheirOwnPage() throws {
        let (handbook, reported) = try Self.load([
            "pages/ops/README.md": "# Operations\n\nHow we run things.\n",
            "pages/ops/On Call.md": "---\norder: 2\n---\nText.\n",
            "pages/ops/runbooks/_index.md": "---\ntitle: Runbooks\n---\n",
            "pages/guide/index.markdown": "No heading, no front matter.\n",
            "pages/my_page.md": "---\nname: Mine\n---\n",
            "pages/stateFMLA.md": "# State FMLA\n",
        ])
        expectSame(reported, [])
        #expect(handbook.pages.keys.sorted() == ["guide/index", "my_page", "ops/On Call", "ops/index", "ops/runbooks/index", "stateFMLA"])
        // A title: name or title, else the first # heading (not shown twice), else the file's or folder's name.
        #expect(handbook.pages["ops/index"]?.name == "Operations")
        #expect(handbook.pages["ops/index"]?.titleFromBody == true)
        #expect(handbook.pages["ops/On Call"]?.name == "On Call")
        #expect(handbook.pages["ops/On Call"]?.order == 2)
        #expect(handbook.pages["ops/runbooks/index"]?.name == "Runbooks")
        #expect(handbook.pages["guide/index"]?.name == "guide")
        #expect(handbook.pages["guide/index"]?.file == "pages/guide/index.markdown")
        #expect(handbook.sourcePath(.pages, "ops/index") == "pages/ops/README.md")
    }

    @Test func aSecondPageForOneAddressIsAnInvalidID() throws {
        let (_, reported) = try Self.load([
            "pages/ops/README.md": "# Ops\n", "pages/ops/index.md": "# Ops again\n",
            "pages/a.md": "# A\n", "pages/a.markdown": "# A again\n",
        ])
        expectSame(reported, [
            Reported(.invalidID, .error, .start(of: "content/pages/a.md"), "'pages/a.md' is a second file for the page 'pages/a.html'",
                     notes: ["'pages/a.markdown' is that page (content/pages/a.markdown:1:1)"]),
            Reported(.invalidID, .error, .start(of: "content/pages/ops/index.md"), "'pages/ops/index.md' is a second page for the folder 'pages/ops/'",
                     notes: ["'pages/ops/README.md' is that page (content/pages/ops/README.md:1:1)"]),
        ])
    }

    @Test func draftsAreReadButNotPublishedAndLinksToThemAreBroken() throws {
        let files: [String: String?] = [
            "pages/plan.md": "---\ndraft: true\nname: Plan\n---\nSee [nowhere](missing.md).\n",
            "pages/index.md": "# Home\n\nRead 1️⃣[the plan](plan.md).\n",
            "pages/odd.md": "---\ndraft: maybe\n---\n",
        ]
        let (handbook, _) = try Self.load(files)
        var marked = TestHandbook(files)
        let reported = try marked.check().reported
        #expect(handbook.pages["plan"] == nil)
        #expect(handbook.drafts == ["pages/plan.md"])
        expectSame(reported, [
            Reported(.brokenLink, .error, marked.at("1️⃣"), "link 'plan.md' names a draft: 'pages/plan.md' has draft: true, so it is not published"),
            Reported(.invalidValue, .error, .init(file: "content/pages/odd.md", line: 2, column: 8), "'maybe' is not a valid draft; expected true or false"),
            // A draft's own links are not checked: it is work in progress, and nothing links out of it in the site.
        ])
    }

    @Test func otherToolsFieldsAreAcceptedUnlessNearMisses() throws {
        let (handbook, reported) = try Self.load([
            "pages/hugo.md": "---\ntitle: From Hugo\ndate: 2024-01-01\ntags: [a]\nlayout: post\nslug: x\nsidebar_position: 3\nweight: 4\nsummary: Short.\n---\n",
            "pages/typo.md": "---\nname: T\nordr: 1\ndrfat: true\ndesc: x\n---\n",
        ])
        #expect(handbook.pages["hugo"]?.name == "From Hugo")
        #expect(handbook.pages["hugo"]?.order == 4)
        #expect(handbook.pages["hugo"]?.description == "Short.")
        expectSame(reported, [
            Reported(.unknownField, .warning, .init(file: "content/pages/typo.md", line: 3, column: 1), "unknown field 'ordr'", notes: ["did you mean 'order'?"]),
            Reported(.unknownField, .warning, .init(file: "content/pages/typo.md", line: 4, column: 1), "unknown field 'drfat'", notes: ["did you mean 'draft'?"]),
            Reported(.unknownField, .warning, .init(file: "content/pages/typo.md", line: 5, column: 1), "unknown field 'desc'", notes: ["did you mean 'description'?"]),
        ])
    }

    @Test func summaryOrdersThePagesItLists() throws {
        let (handbook, reported) = try Self.load([
            "pages/book/SUMMARY.md": "# Summary\n\n- [Intro](intro.md)\n- [Zeta](zeta.md)\n  - [Alpha](ch/alpha.md)\n- [Draft chapter]()\n",
            "pages/book/alpha.md": "# Alpha\n", "pages/book/intro.md": "# Intro\n", "pages/book/zeta.md": "# Zeta\n", "pages/book/ch/alpha.md": "# Alpha 2\n",
        ])
        expectSame(reported, [])
        #expect(handbook.pages["book/SUMMARY"] == nil)
        #expect(handbook.summaryOrder == ["book/intro": 0, "book/zeta": 1, "book/ch/alpha": 2])
    }

    @Test func markdownOutsideTheKindFoldersIsReportedOncePerFolder() throws {
        let (_, reported) = try Self.load([
            "docs/notes.md": "# Notes\n", "docs/more.md": "# More\n", "docs/deep/x.md": "# X\n",
            "README.md": "# This folder\n", "TODO.md": "- things\n",
        ])
        expectSame(reported, [
            Reported(.strayMarkdown, .warning, .start(of: "content/TODO.md"), "the content folder holds 1 Markdown file that is not read: pages go under pages/",
                     notes: ["move it into pages/ (content/pages/)"]),
            Reported(.strayMarkdown, .warning, .start(of: "content/docs/deep/x.md"), "'docs/deep/' holds 1 Markdown file that is not read: pages go under pages/",
                     notes: ["move the folder into pages/ (content/pages/docs/deep/) to publish it as pages"]),
            Reported(.strayMarkdown, .warning, .start(of: "content/docs/more.md"), "'docs/' holds 2 Markdown files that are not read: pages go under pages/",
                     notes: ["move the folder into pages/ (content/pages/docs/) to publish them as pages"]),
        ])
    }

    @Test func foreignTemplateSyntaxIsReportedOncePerPage() throws {
        var handbook = TestHandbook([
            "pages/jekyll.md": "---\nname: J\n---\nOur office: 1️⃣{% include address.html %} and {{< ref \"x\" >}}.\n\n`{% not this %}`\n\n```rust\n{{#include ../x.rs}}\n```\n",
            "pages/clean.md": "# Clean\n\n```liquid\n{% for x in y %}{% endfor %}\n```\n",
            "roles/eng.md": RuleFixtures.engWithFlows + "\n{% include x.html %}\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.foreignSyntax, .warning, handbook.at("1️⃣"),
                     "Liquid, Hugo shortcode and mdBook include syntax is shown as written: handoff runs no other tool's templates (3 places in this file, first '{% include address.html %}')",
                     notes: ["paste the included file's text in place of {{#include}}, or link to it"]),
        ])
    }

    @Test func aFileOutsidePagesWithoutFrontMatterIsStillAnError() throws {
        var handbook = TestHandbook(["roles/qa.markdown": "---\nname: QA\n---\n"])
        expectSame(try handbook.check().reported, [
            Reported(.invalidID, .error, .start(of: "content/roles/qa.markdown"), "file name 'qa.markdown' ends in '.markdown': content files end in '.md'",
                     notes: ["rename it to 'qa.md'"]),
            Reported(.missingField, .error, .init(file: "content/roles/qa.markdown", line: 2, column: 1), "missing required field 'engagement'"),
            Reported(.missingField, .error, .init(file: "content/roles/qa.markdown", line: 2, column: 1), "missing required field 'purpose'"),
        ])
    }

    @Test func aBadByteInAPageWithoutFrontMatterIsAWarning() throws {
        var handbook = TestHandbook()
        handbook.setBytes("pages/latin.md", Array("# Caf".utf8) + [0xE9] + Array("\n".utf8))
        expectSame(try handbook.check().reported, [
            Reported(.badEncoding, .warning, .init(file: "content/pages/latin.md", line: 1, column: 6), "body is not valid UTF-8: byte 0xE9 on line 1 is shown as U+FFFD"),
        ])
    }
}
