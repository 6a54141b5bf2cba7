import Foundation
import HandbookSite
import Testing

/// Templates are checked like content: `check` and `build` compile the theme,
/// and every problem is a `template` diagnostic in the command's format.
@Suite struct TemplateCheckTests {
    /// A scratch folder with the example handbook and one overriding template.
    static func scratch(role: String) throws -> Scratch {
        let scratch = try Scratch()
        _ = try scratch.copy(Paths.exampleContent, as: "content")
        try FileManager.default.createDirectory(atPath: scratch.path("templates"), withIntermediateDirectories: true)
        try role.write(toFile: scratch.path("templates/role.mustache"), atomically: true, encoding: .utf8)
        return scratch
    }

    static let misspelt = "<h1>{{name}}</h1>\n<p>{{purpose}}</p>\n{{#agents}}<p>  {{nmae}}</p>{{/agents}}\n{{> footer}}\n"

    @Test func checkReportsAnUnknownNameInAnOverride() throws {
        let scratch = try Self.scratch(role: Self.misspelt)
        let run = try Run(["check"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stdout == """
            templates/role.mustache:3:17: error: 'nmae' is not a field of an agent; did you mean 'name'? [template]
              note: an agent offers: name, input, output, oversight, blastRadius, access, isWrite, delegation, traits, confirmation, staging, winterTear, isSpecialist, winterTearMissing, sourceOfTruth, serviceLevel, auditTrail, reads, logs
            templates/role.mustache:4:1: error: partial 'footer' does not exist [template]
              note: templates: actor, backlinks, body, context, contract, index, layout, list, nav, object, page, role, stage
            2 errors, 0 warnings in 35 files

            """)
        // build stops at the same report and writes nothing.
        let build = try Run(["build"], in: scratch.url)
        #expect(build.status == 1)
        #expect(build.stdout == run.stdout)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("public")))
    }

    @Test func templateProblemsInEveryFormat() throws {
        let scratch = try Self.scratch(role: "{{#purpose}}x{{/purpose}}\n")
        let message = "'purpose' is text: a section needs a condition or a list (a field named 'has...' often is one)"
        let json = try Run(["check", "--format", "json"], in: scratch.url)
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["rule"] as? String == "template")
        #expect(diagnostics.first?["file"] as? String == "templates/role.mustache")
        #expect(diagnostics.first?["line"] as? Int == 1 && diagnostics.first?["column"] as? Int == 1)
        #expect(diagnostics.first?["message"] as? String == message)
        let github = try Run(["check", "--format", "github"], in: scratch.url)
        #expect(github.stdout.hasPrefix("::error file=templates/role.mustache,line=1,col=1,title=template::\(message)\n"))
        let sarif = try Run(["check", "--format", "sarif"], in: scratch.url)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require((run["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let index = try #require(results.first?["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == "template")
        let explain = try Run(["explain", "template"])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("template: a theme template that does not parse, names a field its view does not have, or includes a missing partial\n"))
    }

    @Test func theBuiltInThemeChecksClean() throws {
        let loaded = Theme.load(overrides: nil, displayPath: "templates")
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.theme != nil)
    }

    /// docs/themes.md lists every field each template can use (HANDOFF_RECORD=1 rewrites it).
    @Test func docsListTheTemplateFields() throws {
        let url = Paths.packageRoot.appendingPathComponent("docs/themes.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let reference = Theme.fieldReference()
        let start = try #require(readme.range(of: "<!-- template fields: generated from ViewSchemas -->\n"))
        let end = try #require(readme.range(of: "<!-- /template fields -->"))
        if Paths.recording {
            try (String(readme[..<start.upperBound]) + reference + String(readme[end.lowerBound...])).write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded docs/themes.md's template fields; run again without HANDOFF_RECORD")
            return
        }
        #expect(String(readme[start.upperBound..<end.lowerBound]) == reference)
    }
}
