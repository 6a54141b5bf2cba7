import Foundation
import Markup
import Testing

/// A portfolio of handbooks (FORMAT.md): the example portfolio (the example
/// handbook and examples/portfolio/claims) checks and builds; its rules
/// report at exact places; portfolio.yaml's own problems are diagnostics.
@Suite struct PortfolioTests {
    /// The example portfolio in a scratch folder, assembled as scripts/example does.
    static func example() throws -> Scratch {
        let scratch = try Scratch()
        let source = Paths.packageRoot.appendingPathComponent("examples/portfolio")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: scratch.url.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("clinical-data"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Paths.exampleContent, to: scratch.url.appendingPathComponent("clinical-data/content"))
        return scratch
    }

    static func patch(_ scratch: Scratch, _ path: String, _ target: String, _ replacement: String) throws {
        let url = scratch.url.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(target), "\(path): \(target)")
        try text.replacingOccurrences(of: target, with: replacement).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func theExamplePortfolioChecksCleanInItsFolder() throws {
        let scratch = try Self.example()
        let run = try Run(["check"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stdout == "0 errors, 0 warnings in 48 files\n")
        // From elsewhere, with --portfolio: paths from the working folder.
        let parent = scratch.url.deletingLastPathComponent()
        let named = try Run(["check", "--portfolio", scratch.url.lastPathComponent + "/portfolio.yaml"], in: parent)
        #expect(named.stdout == "0 errors, 0 warnings in 48 files\n", "\(named.stderr)")
    }

    @Test func eachPortfolioRuleReportsAtItsPlace() throws {
        let scratch = try Self.example()
        try Self.patch(scratch, "claims/content/objects/claim.md", "definition: A bill sent to a payer", "definition: A bill we send to a payer")
        try Self.patch(scratch, "claims/content/handbook.yaml", "  ethical: analyst\n", "")
        try Self.patch(scratch, "claims/content/contracts/review-handoff.md", "The review states each success criterion with its number", "The review lists the numbers")
        try Self.patch(scratch, "clinical-data/content/contracts/telemetry-handoff.md", "boundary: ship -> evaluate", "boundary: ship -> ship")
        let run = try Run(["check"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stdout == """
            claims/content/contracts/review-handoff.md:7:1: error: contract 'review-handoff' leads into 'evaluate' without a gate matching '(?i)success criteri' [portfolio-gate]
              note: the portfolio requires it here (portfolio.yaml:8:17)
            claims/content/handbook.yaml:1:1: error: 'claims' names no owner for the ethical risk, which the portfolio requires [portfolio-risk]
              note: add 'ethical: <role id>' under risks: in its handbook.yaml
            claims/content/handbook.yaml:9:1: warning: no role owns the ethical risk (ethical data risk) [unowned-risk]
              note: add 'ethical: <role id>' under risks: one role, never a list
            claims/content/objects/claim.md:3:13: error: governed object 'claim' is defined differently in 'clinical-data' and 'claims' [conflicting-definition]
              note: 'clinical-data' defines it here (clinical-data/content/objects/claim.md:3:13)
            clinical-data/content/contracts/telemetry-handoff.md:4:5: warning: 'analyst' receives the handoff for 'ship' but is not engaged in it [contract-not-engaged]
            clinical-data/content/contracts/telemetry-handoff.md:5:11: warning: boundary 'ship -> ship' stays in one stage: a handoff crosses from one stage to a later one [backward-handoff]
            clinical-data/content/handbook.yaml:1:1: error: 'clinical-data' has no contract into 'evaluate', where the portfolio requires a gate matching '(?i)success criteri' [portfolio-gate]
              note: the constraint is declared here (portfolio.yaml:7:13)
            clinical-data/content/handbook.yaml:3:50: warning: no contract covers the handoff from 'ship' to 'evaluate' [boundary-without-contract]
              note: add a contract with 'boundary: ship -> evaluate'
            4 errors, 4 warnings in 48 files

            """)
        // A handbook's severity: applies to the portfolio's rules in its files.
        try Self.patch(scratch, "claims/content/handbook.yaml", "risks:", "severity:\n  portfolio-risk: warning\n  conflicting-definition: off\nrisks:")
        let softened = try Run(["check"], in: scratch.url)
        #expect(softened.stdout.contains("claims/content/handbook.yaml:1:1: warning: 'claims' names no owner for the ethical risk, which the portfolio requires [portfolio-risk]"))
        #expect(!softened.stdout.contains("[conflicting-definition]"))
        // A build with errors writes nothing.
        #expect(try Run(["build"], in: scratch.url).status == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("public")))
    }

    @Test func theBuildHoldsTheOverviewAndEachHandbooksSite() throws {
        let scratch = try Self.example()
        let run = try Run(["build"], in: scratch.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("built 66 pages of 2 handbooks into public/ with 0 warnings in "))
        let site = SiteTree(scratch.url.appendingPathComponent("public"))
        for path in ["index.html", "style.css", "clinical-data/index.html", "clinical-data/roles/pm.html", "claims/index.html",
                     "claims/roles/analyst.html", "claims/heatmap.svg", "clinical-data/heatmap.svg"] {
            #expect(site.files[path] != nil, "\(path)")
        }
        let overview = site.text("index.html")
        #expect(overview.contains("<h3><a href=\"claims/index.html\">Claims Team Handbook</a></h3>"))
        #expect(overview.contains("<p class=\"meta\">3 roles · 4 stages · 3 contracts · 5 contexts · 1 governed object</p>"))
        #expect(overview.contains("<img class=\"heatmap-small\" src=\"claims/heatmap.svg\""))
        #expect(overview.contains("<tr><th scope=\"row\">Claim <code>claim</code></th><td><a href=\"clinical-data/objects/claim.html\">Data Product Team Handbook</a>, <a href=\"claims/objects/claim.html\">Claims Team Handbook</a></td></tr>"))
        #expect(HTMLAudit.problem(in: overview) == nil)
        // Each handbook's site is the one it would build alone.
        let alone = try Scratch()
        #expect(try Run(["build", "--content", scratch.path("claims/content"), "--output", alone.path("public")], in: alone.url).status == 0)
        let single = SiteTree(alone.url.appendingPathComponent("public"))
        #expect(single.files["roles/analyst.html"] == site.files["claims/roles/analyst.html"])
    }

    @Test func portfolioYAMLProblemsAreDiagnosticsAndAMissingHandbookIsExitTwo() throws {
        let scratch = try Self.example()
        try "handbooks: [clinical-data, claims, claims]\nconstraints:\n  objects_agre: true\n  gates:\n    - into: last\n      matching: \"(unclosed\"\n"
            .write(to: scratch.url.appendingPathComponent("portfolio.yaml"), atomically: true, encoding: .utf8)
        let run = try Run(["check"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("""
            portfolio.yaml:1:1: error: missing required field 'title' [missing-field]
            portfolio.yaml:1:36: error: handbook 'claims' is listed twice [invalid-value]
              note: first listed here (portfolio.yaml:1:28)
            portfolio.yaml:3:3: warning: unknown field 'objects_agre' [unknown-field]
              note: did you mean 'objects_agree'?
            portfolio.yaml:6:17: error: '(unclosed' is not a valid regular expression:
            """), "\(run.stdout)")
        try "title: P\nhandbooks: [claims, nowhere]\n".write(to: scratch.url.appendingPathComponent("portfolio.yaml"), atomically: true, encoding: .utf8)
        let missing = try Run(["check"], in: scratch.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: handbook 'nowhere' (portfolio.yaml:2:21): 'nowhere/content' is not a folder"), "\(missing.stderr)")
        let none = try Run(["check", "--portfolio", "nope.yaml"], in: scratch.url)
        #expect(none.status == 2)
        #expect(none.stderr == "error: portfolio file 'nope.yaml' does not exist\n")
    }

    /// `handoff diff` in a portfolio's repository: one review per handbook
    /// that changed, under its folder's name; JSON lists every handbook.
    @Test func aPortfolioChangeIsReviewedPerHandbook() throws {
        let scratch = try Self.example()
        try DiffTests.git(["init", "-q", "-b", "main"], in: scratch.url)
        try DiffTests.git(["add", "-A"], in: scratch.url)
        try DiffTests.git(["commit", "-q", "-m", "The portfolio"], in: scratch.url)
        try Self.patch(scratch, "claims/content/handbook.yaml", "  ethical: analyst", "  ethical: lead")
        try Self.patch(scratch, "clinical-data/content/roles/qa.md", "  decide: consult\n", "")
        let run = try Run(["diff", "HEAD"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("## Handbook changes: clinical-data\n\n**1 role changed · 1 engagement cell changed · 1 new warning**\n"), "\(run.stdout)")
        #expect(run.stdout.contains("""
            ## Handbook changes: claims

            **1 risk owner changed**

            ### Risks and the extended team

            - Ethical data risk: owner Claims Analyst → Claims Product Lead

            """), "\(run.stdout)")
        let json = try Run(["diff", "HEAD", "--format", "json"], in: scratch.url)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let handbooks = object["handbooks"] as! [[String: Any]]
        #expect(handbooks.map { $0["folder"] as! String } == ["clinical-data", "claims"])
        #expect((handbooks[1]["diff"] as! [String: Any])["risk_owners"] as! [[String: String]] == [["risk": "ethical", "from": "analyst", "to": "lead"]])
        try DiffTests.git(["checkout", "--", "."], in: scratch.url)
        #expect(try Run(["diff", "HEAD"], in: scratch.url).stdout == "No changes to the portfolio's handbooks.\n")
    }
}
