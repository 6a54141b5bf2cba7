import Foundation
import Testing

/// `handoff export` and `handoff schema`: every fixture's export is valid
/// against the schema (PyPI's jsonschema, Draft 2020-12), and the example's
/// export says what its site says.
@Suite struct ExportTests {
    /// Every content folder the tests keep.
    static var fixtures: [URL] {
        var out = [Paths.exampleContent, Paths.packageRoot.appendingPathComponent("examples/portfolio/claims/content")]
        for group in ["valid", "invalid", "site", "diff"] {
            let folder = Paths.fixtures.appendingPathComponent(group)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? [] {
                for candidate in ["content", "base/content", "head/content"] {
                    let content = folder.appendingPathComponent(name).appendingPathComponent(candidate)
                    if FileManager.default.fileExists(atPath: content.appendingPathComponent("handbook.yaml").path) { out.append(content) }
                }
            }
        }
        return out
    }

    @Test(.enabled(if: ExternalTools.jsonSchema, "PyPI's jsonschema is not installed (scripts/setup --test)"))
    func everyFixturesExportIsValidAgainstTheSchema() throws {
        let scratch = try Scratch()
        let schema = try Run(["schema"], in: scratch.url)
        #expect(schema.status == 0)
        try schema.stdout.write(to: scratch.url.appendingPathComponent("schema.json"), atomically: true, encoding: .utf8)
        var exported: [String] = []
        for (index, content) in Self.fixtures.enumerated() {
            let run = try Run(["export", "--content", content.path], in: scratch.url)
            #expect(run.status == 0, "\(content.path): \(run.stderr)")
            let file = "export-\(index).json"
            try run.stdout.write(to: scratch.url.appendingPathComponent(file), atomically: true, encoding: .utf8)
            exported.append(file)
        }
        #expect(exported.count >= 10)
        let check = try Run(["-c", """
            import json, sys, jsonschema
            schema = json.load(open("schema.json"))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            for name in sys.argv[1:]:
                for error in validator.iter_errors(json.load(open(name))):
                    print(name, "/".join(map(str, error.absolute_path)), error.message)
            print("checked", len(sys.argv) - 1)
            """] + exported, in: scratch.url, tool: "python3")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "checked \(exported.count)\n")
    }

    /// The small site fixture's export, pinned (HANDOFF_RECORD=1 rewrites it).
    @Test func theSmallFixturesExportIsPinned() throws {
        let fixture = Paths.fixtures.appendingPathComponent("site/small")
        let scratch = try Scratch()
        _ = try scratch.copy(fixture.appendingPathComponent("content"), as: "content")
        let run = try Run(["export"], in: scratch.url)
        #expect(run.status == 0)
        let golden = fixture.appendingPathComponent("expected-export.json")
        if Paths.recording {
            try run.stdout.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(golden.path); run again without HANDOFF_RECORD")
            return
        }
        #expect(run.stdout == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func theExamplesExportAgreesWithItsSite() throws {
        let scratch = try Scratch()
        _ = try scratch.copy(Paths.exampleContent, as: "content")
        let run = try Run(["export"], in: scratch.url)
        #expect(run.status == 0)
        #expect(try Run(["build"], in: scratch.url).status == 0)
        let site = SiteTree(scratch.url.appendingPathComponent("public"))
        let export = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(export["handoff_export"] as? Int == 1)
        #expect(export["errors"] as? Int == 0)
        let roles = export["roles"] as! [[String: Any]]
        #expect(roles.map { $0["id"] as! String } == ["analyst", "architect", "devops", "engineer", "pm", "qa", "steward"])
        for role in roles {
            let address = role["address"] as! String
            let page = site.text(address)
            #expect(page.contains("<h1>\(role["name"] as! String)</h1>"), "\(address)")
            // Each engagement the export lists is a cell of the role's page, and nothing else is.
            let engagement = role["engagement"] as! [[String: String]]
            let twin = site.text(String(address.dropLast(5)) + ".md")
            for cell in engagement {
                let stage = (export["stages"] as! [[String: Any]]).first { $0["id"] as? String == cell["stage"] }!["name"] as! String
                #expect(twin.contains("| [\(stage)](../stages/\(cell["stage"]!).md) | \(cell["level"]!.capitalized) |"), "\(address) \(cell)")
            }
            #expect(twin.components(separatedBy: "](../stages/").count - 1 >= engagement.count)
        }
        // Every contract's gates are on its page; every context the export has has a page.
        for contract in export["contracts"] as! [[String: Any]] {
            let page = site.text(contract["address"] as! String)
            for gate in contract["gates"] as! [String] { #expect(page.contains(gate.replacingOccurrences(of: "'", with: "&#39;")), "\(gate)") }
        }
        let contexts = export["contexts"] as! [[String: Any]]
        #expect(Set(contexts.map { $0["address"] as! String }) == Set(site.files.keys.filter { $0.hasPrefix("contexts/") && $0.hasSuffix(".html") }))
        let schema = try Run(["schema"], in: scratch.url)
        #expect(schema.stdout.hasPrefix("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"))
    }
}
