import Diagnostics
import Foundation
import HandbookCheck
import HandbookModel
import HandbookPipeline
import HandbookSource
import Testing

/// The live preview's check: after an edit, only the rules that read the
/// edited kinds run again, and broken-link only over the edited files and
/// those linking to them. After each of hundreds of random edits (ids and
/// levels swapped, links and headings added, front matter broken, pages
/// turned draft, files put back) its diagnostics must equal a full check's.
@Suite struct IncrementalCheckTests {
    @Test(arguments: ["content", "Tests/Fixtures/invalid/accountability/content"])
    func incrementalChecksEqualAFullCheckAfterRandomEdits(folder: String) throws {
        let scratch = try Scratch()
        let content = try scratch.copy(Paths.packageRoot.appendingPathComponent(folder), as: "content")
        let pipeline = HandbookPipeline(content: content.path, contentDisplay: "content")
        let cache = LoadCache()
        let incremental = IncrementalCheck()
        let first = try pipeline.run(theme: .none, cache: cache, incremental: incremental)
        let roles = first.handbook.roles.keys.sorted()
        let contexts = first.handbook.referencedContexts.sorted()
        let stages = first.handbook.settings?.lifecycle.map(\.value) ?? []
        let files = first.handbook.contentFiles.keys.sorted()
        var originals: [String: String] = [:]
        for file in files { originals[file] = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8) }
        var random = TemplateDifferentialTests.Random(state: folder.utf8.count == 7 ? 23 : 41)
        var reusedRules = 0, narrowedLinks = 0, errorSteps = 0
        for step in 0..<150 {
            let file = files[random.below(files.count)]
            let url = content.appendingPathComponent(file)
            var text = try String(contentsOf: url, encoding: .utf8)
            let depth = file.split(separator: "/").count - 1
            let up = String(repeating: "../", count: depth)
            switch random.below(10) {
            case 0: text = IncrementalSiteTests.replacingToken(in: text, among: Set(roles), with: random.pick(roles + ["nobody"]), random: &random)
            case 1: text = IncrementalSiteTests.replacingToken(in: text, among: Set(contexts), with: random.pick(contexts + ["new-context"]), random: &random)
            case 2: text = IncrementalSiteTests.replacingToken(in: text, among: ["lead", "support", "consult", "none"], with: random.pick(["lead", "support", "consult", "none"]), random: &random)
            case 3: text = IncrementalSiteTests.replacingToken(in: text, among: Set(stages), with: random.pick(stages + ["launch"]), random: &random)
            case 4:
                let target = random.pick(files)
                text += "\nSee [step \(step)](\(up)\(target)\(random.pick(["", "#how-it-works", "#nope", "#context-in", "#step-\(step - 1)"]))).\n"
            case 5: text += "\n## Step \(step)\n\nA heading of its own.\n"
            case 6:
                // Remove a heading: links to its anchor break.
                if let range = text.range(of: "\n## ") { text.replaceSubrange(range, with: "\nA line about ") }
            case 7: text = text.replacingOccurrences(of: "\nname: ", with: "\n  broken: [\nname: ")
            case 8: if file.hasPrefix("pages/") { text = text.replacingOccurrences(of: "---\n", with: "---\ndraft: true\n", options: [], range: text.startIndex..<text.index(after: text.startIndex)) }
            default: text = originals[file]!
            }
            try text.write(to: url, atomically: false, encoding: .utf8)
            let edited = try pipeline.run(theme: .none, cache: cache, changes: .files([file]), incremental: incremental)
            let full = try pipeline.run(theme: .none)
            #expect(edited.report.text(color: false) == full.report.text(color: false), "step \(step), \(file)")
            if full.report.errors > 0 { errorSteps += 1 }
            reusedRules += incremental.lastRun.reused
            if incremental.lastRun.linkDocuments != nil { narrowedLinks += 1 }
        }
        // The narrow paths were taken, and compared, many times; errors came and went.
        #expect(reusedRules > 500 && narrowedLinks > 60 && errorSteps > 10, "reused \(reusedRules), narrowed \(narrowedLinks), error steps \(errorSteps)")
    }
}
