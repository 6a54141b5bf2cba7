import Diagnostics
import Foundation
import HandbookPipeline
import HandbookCheck
import HandbookModel
import HandbookSource
import HandoffCLI
import Testing
@testable import HandbookSite

/// The live preview's library call: a rebuild renders only pages whose views
/// changed and reports the paths whose bytes changed.
@Suite struct IncrementalSiteTests {
    @Test func aRebuildReportsOnlyWhatChanged() throws {
        let checked = try HandbookPipeline(content: Paths.exampleContent.path, contentDisplay: "content", renderHTML: true).run()
        let loaded = checked, warnings = checked.diagnostics
        let theme = try #require(checked.theme)
        let site = IncrementalSite(theme: theme, options: .init(contentRoot: "content", repositoryPath: "content", generator: "handoff \(Handoff.version)"))

        let first = site.update(handbook: loaded.handbook, warnings: warnings)
        #expect(first.reused == 0 && first.removed.isEmpty)
        #expect(first.changed.count == site.files.count)
        #expect(site.files["roles/pm.html"] != nil && site.files["heatmap.svg"] != nil && site.files["style.css"] != nil)
        #expect(site.files["pages/img/review-flow.svg"] != nil)

        // The same bytes as the build writes.
        // (A copy outside the repository: the CLI adds git's last-change dates, which this site is not given.)
        let scratch = try Scratch()
        let copy = try scratch.copy(Paths.exampleContent, as: "content")
        let built = try Run(["build", "--content", copy.path, "--output", scratch.path("public")], in: scratch.url)
        #expect(built.status == 0)
        let tree = SiteTree(scratch.url.appendingPathComponent("public"))
        #expect(Set(site.files.keys) == Set(tree.files.keys).subtracting([".handoff-site"]))
        for (path, bytes) in site.files { #expect(String(decoding: bytes, as: UTF8.self) == tree.text(path), "\(path)") }

        let again = site.update(handbook: loaded.handbook, warnings: warnings)
        #expect(again == .init(changed: [], removed: [], reused: 48, considered: 48))

        // A role's purpose shows on its page, the overview, the printable handbook and the search index, and
        // in their Markdown twins, llms.txt, llms-full.txt and the role's skill; nowhere else.
        var edited = loaded.handbook
        edited.roles["pm"]!.purpose = "Keep the team on the problems that matter most, this quarter."
        let purpose = site.update(handbook: edited, warnings: warnings)
        #expect(purpose == .init(changed: ["agents/pm/SKILL.md", "handbook.html", "index.html", "index.md", "llms-full.txt", "llms.txt",
                                           "roles/pm.html", "roles/pm.md", "search-index.js"], removed: [], reused: 46, considered: 48))

        // A page removed is reported as removed; the pages that linked it change.
        edited.pages["principles"] = nil
        let removal = site.update(handbook: edited, warnings: warnings)
        #expect(removal.removed == ["pages/principles.html", "pages/principles.md"])
        #expect(removal.changed.contains("index.html"))
    }

    /// Told which files changed, a rebuild looks only at the pages an edit
    /// can reach; after each of many random edits (ids swapped, engagement
    /// changed, links and names added) the site must equal a full build's.
    /// "generated": 400 files from Benchmarks/generate.py (40 roles, 160
    /// contracts, 114 pages: groups too long for the navigation to list, so
    /// a rename is narrowed too).
    @Test(arguments: ["example", "generated"])
    func narrowedRebuildsEqualAFullBuildAfterRandomEdits(source: String) throws {
        let scratch = try Scratch()
        let content: URL
        if source == "generated" {
            let made = try Run([Paths.packageRoot.appendingPathComponent("Benchmarks/generate.py").path, "400", scratch.path("gen")], tool: "python3")
            try #require(made.status == 0, "\(made.stderr)")
            content = scratch.url.appendingPathComponent("gen/content")
        } else {
            content = try scratch.copy(Paths.exampleContent, as: "content")
        }
        let theme = try #require(Theme.load(overrides: nil, displayPath: "templates").theme)
        let options = SiteBuilder.Options(contentRoot: "content", repositoryPath: "content", generator: "handoff")
        let cache = LoadCache()
        let pipeline = HandbookPipeline(content: content.path, contentDisplay: "content", renderHTML: true)
        func load(_ changed: ChangeSet, cache: LoadCache?) throws -> (CheckedHandbook, [Diagnostic]) {
            let checked = try pipeline.run(theme: .none, cache: cache, changes: changed)
            return (checked, checked.diagnostics)
        }
        let (first, firstWarnings) = try load(.unknown, cache: cache)
        let site = IncrementalSite(theme: theme, options: options)
        _ = site.update(handbook: first.handbook, warnings: firstWarnings)

        let roles = first.handbook.roles.keys.sorted()
        let contexts = first.handbook.referencedContexts.sorted()
        let files = first.handbook.contentFiles.keys.sorted()
        var random = TemplateDifferentialTests.Random(state: 12)
        var pending = ChangeSet.none
        var narrowed = 0, checked = 0, narrowedRenames = 0
        let steps = source == "generated" ? 40 : 80
        for step in 0..<steps {
            let file = files[random.below(files.count)]
            let url = content.appendingPathComponent(file)
            var text = try String(contentsOf: url, encoding: .utf8)
            let edit = random.below(5)
            switch edit {
            case 0: text = Self.replacingToken(in: text, among: Set(roles), with: roles[random.below(roles.count)], random: &random)
            case 1: text = Self.replacingToken(in: text, among: Set(contexts), with: contexts[random.below(contexts.count)], random: &random)
            case 2: text = Self.replacingToken(in: text, among: ["lead", "support", "consult", "none"], with: ["lead", "support", "consult"][random.below(3)], random: &random)
            case 3: text += "\nSee [the \(step)](../\(files[random.below(files.count)])).\n"
            default: text = text.replacingOccurrences(of: "\nname: ", with: "\nname: Renamed \(step) ")
            }
            let before = try String(contentsOf: url, encoding: .utf8)
            try text.write(to: url, atomically: false, encoding: .utf8)
            var (loaded, warnings) = try load(.files([file]), cache: cache)
            pending = pending.union(loaded.reparsed)
            if warnings.contains(where: { $0.severity == .error }) {
                // A writer fixes the error: the file's edit stays pending across the failed rebuild.
                try before.write(to: url, atomically: false, encoding: .utf8)
                (loaded, warnings) = try load(.files([file]), cache: cache)
                pending = pending.union(loaded.reparsed)
                try #require(!warnings.contains { $0.severity == .error })
            }
            let update = site.update(handbook: loaded.handbook, warnings: warnings, changed: pending)
            if update.considered < site.files.keys.filter({ $0.hasSuffix(".html") }).count {
                narrowed += 1
                if edit == 4 && text != before { narrowedRenames += 1 }
            }
            pending = .none
            let (full, fullWarnings) = try load(.unknown, cache: nil)
            let reference = IncrementalSite(theme: theme, options: options)
            _ = reference.update(handbook: full.handbook, warnings: fullWarnings)
            let differing = Set(site.files.keys).union(reference.files.keys).filter { site.files[$0] != reference.files[$0] }.sorted()
            #expect(differing.isEmpty, "step \(step), \(file): \(differing)")

            checked += 1
        }
        // The narrowed path was taken, and compared, many times.
        #expect(checked == steps && narrowed >= steps / 2, "checked \(checked), narrowed \(narrowed)")
        // Where the navigation does not list every role, a rename reaches only the pages that show it.
        if source == "generated" { #expect(narrowedRenames >= 3, "narrowed renames \(narrowedRenames)") }
    }

    /// `text` with one occurrence of a whole token from `among` (picked at random) replaced.
    static func replacingToken(in text: String, among: Set<String>, with replacement: String, random: inout TemplateDifferentialTests.Random) -> String {
        let isToken: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        var ranges: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard isToken(text[index]) else { index = text.index(after: index); continue }
            let start = index
            while index < text.endIndex, isToken(text[index]) { index = text.index(after: index) }
            if among.contains(String(text[start..<index])) { ranges.append(start..<index) }
        }
        guard !ranges.isEmpty else { return text }
        var out = text
        out.replaceSubrange(ranges[random.below(ranges.count)], with: replacement)
        return out
    }
}
