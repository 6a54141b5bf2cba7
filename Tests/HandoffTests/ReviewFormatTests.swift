import Foundation
import Testing

/// `--format github` and `--format sarif` for check and build, and the CI
/// workflow in docs/.
@Suite struct ReviewFormatTests {
    @Test func githubWorkflowCommandsEscapeDataAndProperties() throws {
        var handbook = TestHandbook()
        // A file name with a comma, a colon and a percent sign; a message with a line break (its note).
        handbook.setBytes("contexts/50%,a:b.md", Array("---\nname: X\n---\n".utf8))
        let path = try handbook.write()
        let scratch = URL(fileURLWithPath: path).deletingLastPathComponent()
        let run = try Run(["check", "--format", "github"], in: scratch)
        #expect(run.status == 1)
        #expect(run.stdout == """
            ::error file=content/contexts/50%25%2Ca%3Ab.md,line=1,col=1,title=invalid-id::file name '50%25,a:b.md' is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters%0Anote: did you mean '50ab'?
            1 error, 0 warnings in 7 files

            """)
        // build prints the same annotations and builds nothing.
        let build = try Run(["build", "--format", "github"], in: scratch)
        #expect(build.status == 1)
        #expect(build.stdout == run.stdout)
    }

    @Test func sarifIsValidAgainstTheSARIF210SchemaAndCarriesLocations() throws {
        let folder = Paths.fixtures.appendingPathComponent("invalid/many-problems")
        let run = try Run(["check", "--format", "sarif"], in: folder)
        #expect(run.status == 1)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-\(UUID().uuidString).sarif")
        try run.stdout.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let validation = try python("""
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER).validate(json.load(open(sys.argv[2])))
            print("valid")
            """, arguments: [Paths.packageRoot.appendingPathComponent("Tests/Schemas/sarif-schema-2.1.0.json").path, file.path])
        #expect(validation == "valid\n")

        let sarif = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let runs = sarif["runs"] as! [[String: Any]]
        let driver = (runs[0]["tool"] as! [String: Any])["driver"] as! [String: Any]
        let rules = driver["rules"] as! [[String: Any]]
        #expect(rules.count == 46) // the format's 45 rules and the theme's `template`
        #expect(rules.first { $0["id"] as? String == "vague-gate" }?["defaultConfiguration"] as? [String: String] == ["level": "warning"])
        let results = runs[0]["results"] as! [[String: Any]]
        #expect(results.count == 17)
        let first = results[0]
        #expect(first["ruleId"] as? String == "unknown-role")
        #expect(first["level"] as? String == "error")
        let location = ((first["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])
        // Relative to the repository root, not to the working folder.
        #expect((location["artifactLocation"] as! [String: Any])["uri"] as? String
                == "Tests/Fixtures/invalid/many-problems/content/contracts/deployment-plan-handoff.md")
        #expect(location["region"] as? [String: Int] == ["startLine": 4, "startColumn": 5])
    }

    @Test func theDocumentedWorkflowIsValidYAMLWithPublicActionsOnly() throws {
        let doc = try String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        guard let start = doc.range(of: "```yaml\n"), let end = doc.range(of: "\n```", range: start.upperBound..<doc.endIndex) else {
            Issue.record("docs/ci.md has no yaml block")
            return
        }
        let workflow = String(doc[start.upperBound..<end.lowerBound])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-\(UUID().uuidString).yml")
        try workflow.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let summary = try python("""
            import sys, yaml
            w = yaml.safe_load(open(sys.argv[1]))
            on = w.get("on", w.get(True))
            steps = [s for job in w["jobs"].values() for s in job["steps"]]
            print("triggers:", sorted(on))
            print("uses:", sorted({s["uses"] for s in steps if "uses" in s}))
            runs = " ".join(s.get("run", "") for s in steps)
            for needle in ["check --format github", "check --format sarif", "handoff diff", "handoff build"]:
                print(needle + ":", needle in runs)
            """, arguments: [file.path])
        #expect(summary == """
            triggers: ['pull_request', 'push']
            uses: ['actions/checkout@v4', 'actions/github-script@v7', 'actions/upload-artifact@v4', 'github/codeql-action/upload-sarif@v3', 'swift-actions/setup-swift@v2']
            check --format github: True
            check --format sarif: True
            handoff diff: True
            handoff build: True

            """)
    }

    func python(_ script: String, arguments: [String]) throws -> String {
        let run = try Run(["-c", script] + arguments, tool: "python3")
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }
}
