import Foundation
import HandbookCheck
import HandbookSource
import HandoffCLI
import Testing
@testable import HandbookSite

/// The live preview's library call: a rebuild renders only pages whose views
/// changed and reports the paths whose bytes changed.
@Suite struct IncrementalSiteTests {
    @Test func aRebuildReportsOnlyWhatChanged() throws {
        let loaded = try HandbookLoader.load(path: Paths.exampleContent.path, displayRoot: "content", renderHTML: true)
        let warnings = HandbookChecker.finish(loaded.handbook, loadDiagnostics: loaded.diagnostics)
        let theme = try #require(Theme.load(overrides: nil, displayPath: "templates").theme)
        let site = IncrementalSite(theme: theme, options: .init(contentRoot: "content", repositoryPath: "content", generator: "handoff \(Handoff.version)"))

        let first = site.update(handbook: loaded.handbook, warnings: warnings)
        #expect(first.reused == 0 && first.removed.isEmpty)
        #expect(first.changed.count == site.files.count)
        #expect(site.files["roles/pm.html"] != nil && site.files["heatmap.svg"] != nil && site.files["style.css"] != nil)
        #expect(site.files["pages/img/review-flow.svg"] != nil)

        // The same bytes as the build writes.
        let scratch = try Scratch()
        let built = try Run(["build", "--content", Paths.exampleContent.path, "--output", scratch.path("public")], in: scratch.url)
        #expect(built.status == 0)
        let tree = SiteTree(scratch.url.appendingPathComponent("public"))
        #expect(Set(site.files.keys) == Set(tree.files.keys).subtracting([".handoff-site"]))
        for (path, bytes) in site.files { #expect(String(decoding: bytes, as: UTF8.self) == tree.text(path), "\(path)") }

        let again = site.update(handbook: loaded.handbook, warnings: warnings)
        #expect(again == .init(changed: [], removed: [], reused: 47))

        // A role's purpose shows on its page and the overview, nowhere else.
        var edited = loaded.handbook
        edited.roles["pm"]!.purpose = "Keep the team on the problems that matter most, this quarter."
        let purpose = site.update(handbook: edited, warnings: warnings)
        #expect(purpose == .init(changed: ["index.html", "roles/pm.html"], removed: [], reused: 45))

        // A page removed is reported as removed; the pages that linked it change.
        edited.pages["principles"] = nil
        let removal = site.update(handbook: edited, warnings: warnings)
        #expect(removal.removed == ["pages/principles.html"])
        #expect(removal.changed.contains("index.html"))
    }
}
