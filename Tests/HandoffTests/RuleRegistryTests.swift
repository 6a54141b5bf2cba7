import Diagnostics
import Foundation
import HandbookPipeline
import HandbookCheck
import HandbookSource
import HandbookModel
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
        let ordered = markers.sorted { MarkedText.markers.firstIndex(of: $0.0)! < MarkedText.markers.firstIndex(of: $1.0)! }
        if example.isPortfolio {
            // The files are the portfolio's folder: diagnostics are shown from it.
            let checked = try PortfolioPipeline(file: root.appendingPathComponent("portfolio.yaml").path).run(theme: .none)
            let prefix = PortfolioPipeline(file: root.appendingPathComponent("portfolio.yaml").path).pipeline(for: "x").contentDisplay.dropLast("x/content".count)
            let relative = checked.report.diagnostics.map { diagnostic in
                var out = diagnostic
                out.location = SourceLocation(file: String(diagnostic.location.file.dropFirst(prefix.count)), line: diagnostic.location.line, column: diagnostic.location.column)
                return out
            }
            return (relative, ordered.map { ($0.1, $0.2, String($0.3.dropFirst("content/".count))) })
        }
        let checked = try HandbookPipeline(content: root.path, contentDisplay: "content").run(theme: .none)
        return (checked.diagnostics,
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
        #expect(Self.ids.last == "portfolio-gate")
    }

    /// FORMAT.md's rule table (kept beside the repository, in ../shared) names
    /// every registered rule with its default severity, and no other.
    /// The binding FORMAT.md beside the repository (the project's own workspace
    /// only; a clone has docs/format.md, checked below).
    static let bindingFormat = Paths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/FORMAT.md")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: bindingFormat.path), "../shared/FORMAT.md is outside this clone"))
    func bindingFormatsRuleTableMatchesTheRegistry() throws {
        let text = try String(contentsOf: Self.bindingFormat, encoding: .utf8)
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
        #expect(Set(table.keys).subtracting(Self.ids) == [])
    }

    /// docs/format.md's tables of rules and fields are generated from the
    /// registry and the field reference (HANDOFF_RECORD=1 rewrites them).
    @Test func docsFormatIsTheCode() throws {
        let url = Paths.packageRoot.appendingPathComponent("docs/format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let (regenerated, unknown) = FormatReference.regenerate(text)
        #expect(unknown == [])
        // Every rule and every group of fields has its block.
        #expect(text.contains("<!-- generated: rules -->"))
        for group in FieldReference.groups { #expect(text.contains("<!-- generated: fields \(group.id) -->"), "\(group.id)") }
        if Paths.recording, regenerated != text {
            try regenerated.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded docs/format.md's generated tables; run again without HANDOFF_RECORD")
            return
        }
        #expect(regenerated == text, "docs/format.md's generated tables differ from the code: HANDOFF_RECORD=1 swift test --filter docsFormatIsTheCode")
        // Every rule id appears in the prose or the table; every field's explain entry exists.
        for id in RuleRegistry.ids { #expect(regenerated.contains("`\(id.rawValue)`")) }
        for group in FieldReference.groups {
            for field in group.fields {
                // A field that is a mapping of its own (role.agents) explains as its group of fields.
                let found = FieldReference.lookup(group.id + "." + field.name)
                #expect(found?.field?.name == field.name || found?.group.id == group.id + "." + field.name, "\(group.id).\(field.name)")
            }
        }
    }

    @Test func theCLIExplainsFields() throws {
        let field = try Run(["explain", "contract.trigger.acknowledge_within"])
        #expect(field.status == 0)
        #expect(field.stdout == """
            contract.trigger.acknowledge_within: How soon the receiver acknowledges.
            in: a contract's trigger
            type: a duration: <n>h, <n>d or <n>w
            optional; when absent: untimed (untimed-contract)

            example:
              acknowledge_within: 24h

            """)
        let kind = try Run(["explain", "trigger"])
        #expect(kind.stdout.hasPrefix("contract.trigger: the fields of a contract's trigger\n\n  acknowledge_within  optional  a duration"))
        let typo = try Run(["explain", "role.enagement"])
        #expect(typo.status == 2)
        #expect(typo.stderr == "error: 'role.enagement' is not a rule id or a field\n  note: did you mean 'role.engagement'?\n  note: 'handoff explain' lists every rule; 'handoff explain role' lists a role's fields\n")
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
        #expect(unknown.stderr == "error: 'vage-gate' is not a rule id or a field\n  note: did you mean 'vague-gate'?\n  note: 'handoff explain' lists every rule; 'handoff explain role' lists a role's fields\n")
    }
}
