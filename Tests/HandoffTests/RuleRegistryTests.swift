import Diagnostics
import Foundation
import HandbookCheck
import HandbookSource
import Testing

/// Every rule is described in its own file with examples; the examples run
/// here (SwiftLint's `verifyRule`), so a rule cannot ship without them.
@Suite struct RuleRegistryTests {
    static let descriptors = RuleRegistry.descriptors
    static var ids: [String] { RuleRegistry.ids.map(\.rawValue) }

    /// Writes an example's handbook, loads and checks it.
    static func check(_ example: RuleExample) throws -> (diagnostics: [Diagnostic], markers: [(line: Int, column: Int, file: String)]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-example-\(UUID().uuidString)/content")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        var markers: [(Character, Int, Int, String)] = []
        for (path, marked) in example.handbook {
            let text = MarkedText(marked)
            for (marker, position) in text.positions { markers.append((marker, position.line, position.column, "content/" + path)) }
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(RuleExample.bytes(of: text.text)).write(to: url)
        }
        let loaded = try HandbookLoader.load(path: root.path, displayRoot: "content")
        let ordered = markers.sorted { MarkedText.markers.firstIndex(of: $0.0)! < MarkedText.markers.firstIndex(of: $1.0)! }
        return (HandbookChecker.finish(loaded.handbook, loadDiagnostics: loaded.diagnostics).map { $0.shown(under: "content") },
                ordered.map { ($0.1, $0.2, $0.3) })
    }

    @Test(arguments: descriptors.map(\.rule.rawValue))
    func everyExampleBehavesAsItSays(rule: String) throws {
        let descriptor = try #require(RuleRegistry.descriptor(named: rule))
        #expect(!descriptor.triggering.isEmpty && !descriptor.nonTriggering.isEmpty, "\(rule) needs examples of both kinds")
        for example in descriptor.triggering {
            let (diagnostics, markers) = try Self.check(example)
            let reported = diagnostics.filter { $0.rule == descriptor.rule }
            #expect(!markers.isEmpty, "\(rule): a triggering example marks where it reports")
            #expect(reported.map { "\($0.location)" } == markers.map { "\($0.file):\($0.line):\($0.column)" },
                    "\(rule): \(diagnostics.map { "\($0.location): \($0.message) [\($0.rule)]" })")
        }
        for example in descriptor.nonTriggering {
            let (diagnostics, _) = try Self.check(example)
            #expect(diagnostics.isEmpty, "\(rule): a non-triggering example is a clean handbook: \(diagnostics.map { "\($0.location): \($0.message) [\($0.rule)]" })")
        }
    }

    @Test func theExamplesBaseHandbookIsClean() throws {
        #expect(try Self.check(RuleExample([:])).diagnostics.isEmpty)
    }

    @Test func idsAreUniqueAndDefaultsAsInFormat() {
        #expect(Set(Self.ids).count == Self.ids.count)
        #expect(Self.ids.first == "yaml-syntax")
        #expect(Self.ids.last == "unsafe-input")
    }

    /// FORMAT.md's rule table (kept beside the repository, in ../shared) names
    /// every registered rule with its default severity, and no other.
    @Test func formatsRuleTableMatchesTheRegistry() throws {
        let format = Paths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/FORMAT.md")
        guard let text = try? String(contentsOf: format, encoding: .utf8) else { return } // outside the workspace
        var table: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            table[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1]
        }
        // handoff's own additions to the binding table (docs/format.md lists them with the rest).
        let extensions: Set<String> = ["repeated-entry"]
        for id in RuleRegistry.ids where !extensions.contains(id.rawValue) {
            #expect(table[id.rawValue] == id.defaultSeverity.rawValue, "\(id.rawValue) in FORMAT.md")
        }
        // The kernel's and the portfolio's rules (FORMAT.md's newest sections) are not built yet.
        #expect(Set(table.keys).subtracting(Self.ids) == ["unowned-risk", "risk-by-committee", "absent-risk-owner", "late-extended-team",
                                                        "unchecked-synthesis", "conflicting-definition", "portfolio-risk", "portfolio-gate"])
    }

    /// README's rule table is generated from the registry (HANDOFF_RECORD=1 rewrites it).
    @Test func readmesRuleTableIsTheRegistry() throws {
        let url = Paths.packageRoot.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let table = "| rule id | default | when |\n|---|---|---|\n" + RuleRegistry.ids.map {
            "| `\($0.rawValue)` | \($0.defaultSeverity.rawValue)\($0.isConfigurable ? "" : " (fixed)") | \($0.summary) |"
        }.joined(separator: "\n") + "\n"
        let start = try #require(readme.range(of: "<!-- rules: generated from RuleRegistry -->\n"))
        let end = try #require(readme.range(of: "<!-- /rules -->"))
        if Paths.recording {
            try (String(readme[..<start.upperBound]) + table + String(readme[end.lowerBound...])).write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded README's rule table; run again without HANDOFF_RECORD")
            return
        }
        #expect(String(readme[start.upperBound..<end.lowerBound]) == table)
    }

    @Test func theCLIListsAndExplainsEveryRule() throws {
        let list = try Run(["explain"])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").map { String($0.split(separator: " ")[0]) } == Self.ids)
        let vague = try Run(["explain", "vague-gate"])
        #expect(vague.status == 0)
        #expect(vague.stdout.hasPrefix("""
            vague-gate: a gate that states a preference instead of a checkable constraint
            default severity: warning (handbook.yaml's severity: may change it)

            A gate is checked by a reviewer before work crosses the boundary, so it must
            """))
        #expect(vague.stdout.contains("""
               9 |   - Provide good context
                 |     ^ reported here
            """))
        let unknown = try Run(["explain", "vage-gate"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: 'vage-gate' is not a rule id\n  note: did you mean 'vague-gate'?\n  note: 'handoff explain' lists every rule\n")
    }
}
