import Foundation
import Testing

/// `handoff diff` on a real two-commit repository built by the test, and on
/// two folders. Golden files: Tests/Fixtures/diff/expected.{md,json}.
@Suite struct DiffTests {
    let fixture = Paths.fixtures.appendingPathComponent("diff")

    @discardableResult
    static func git(_ arguments: [String], in directory: URL) throws -> String {
        let run = try Run(["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"] + arguments,
                          in: directory, tool: "git")
        #expect(run.status == 0, "git \(arguments): \(run.stdout)\(run.stderr)")
        return run.stdout
    }

    /// A repository with the base handbook committed, then the head handbook.
    func repository(_ fixture: URL? = nil) throws -> Scratch {
        let fixture = fixture ?? self.fixture
        let scratch = try Scratch()
        try Self.git(["init", "-q", "-b", "main"], in: scratch.url)
        try "# A team handbook\n".write(to: scratch.url.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try Self.git(["add", "-A"], in: scratch.url)
        try Self.git(["commit", "-q", "-m", "Start"], in: scratch.url)
        _ = try scratch.copy(fixture.appendingPathComponent("base/content"), as: "content")
        try Self.git(["add", "-A"], in: scratch.url)
        try Self.git(["commit", "-q", "-m", "Base handbook"], in: scratch.url)
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("content"))
        _ = try scratch.copy(fixture.appendingPathComponent("head/content"), as: "content")
        try Self.git(["add", "-A"], in: scratch.url)
        try Self.git(["commit", "-q", "-m", "Change the handbook"], in: scratch.url)
        return scratch
    }

    func golden(_ name: String, _ actual: String, in folder: URL? = nil) throws {
        let file = (folder ?? fixture).appendingPathComponent(name)
        if Paths.recording {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(file.path); run again without HANDOFF_RECORD")
            return
        }
        #expect(actual == (try String(contentsOf: file, encoding: .utf8)))
    }

    @Test func annotationsForWhatTheChangeIntroduces() throws {
        let repo = try repository()
        let github = try Run(["diff", "HEAD~1", "--format", "github"], in: repo.url)
        #expect(github.status == 0, "\(github.stderr)")
        #expect(github.stdout == """
            ::warning file=content/contracts/notes.md,line=5,col=11,title=boundary-skips-stage::boundary 'build -> ship' skips 'test': it covers no seam of the lifecycle%0Anote: a contract covers one step: 'build -> test', or one contract per seam up to 'ship'
            ::warning file=content/roles/engineer.md,line=11,col=14,title=unconsumed-context-out::'runbook' is sent to 'platform-architect', but platform-architect does not consume it from 'engineer'
            0 errors, 2 warnings in 17 files

            """)
        let sarif = try Run(["diff", "HEAD~1", "--format", "sarif"], in: repo.url)
        #expect(sarif.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        let results = ((object?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        #expect(results.map { $0["ruleId"] as? String } == ["boundary-skips-stage", "unconsumed-context-out"])
    }

    @Test func markdownAndJSONOfATwoCommitRepository() throws {
        let repo = try repository()
        let markdown = try Run(["diff", "HEAD~1"], in: repo.url)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        try golden("expected.md", markdown.stdout)
        let json = try Run(["diff", "HEAD~1", "--format", "json"], in: repo.url)
        #expect(json.status == 0)
        try golden("expected.json", json.stdout)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil)
        // Two revisions give the same as a revision and the working tree.
        #expect(try Run(["diff", "HEAD~1", "HEAD"], in: repo.url).stdout == markdown.stdout)
        // Reading revisions touched neither the working tree nor the index.
        #expect(try Self.git(["status", "--porcelain"], in: repo.url) == "")
    }

    /// The accountability layer's changes: objects added, removed and changed,
    /// an agent that stopped being a specialist, a boundary that lost its last
    /// contract, and the cycle's time (Tests/Fixtures/diff-governance).
    @Test func governanceAndTimingChanges() throws {
        let folder = Paths.fixtures.appendingPathComponent("diff-governance")
        let repo = try repository(folder)
        let markdown = try Run(["diff", "HEAD~1"], in: repo.url)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("""
            ### Objects

            - Added: **Lab Result** `lab-result`
            - Removed: **Claim** `claim`
            - ⚠️ Saved links to `objects/claim.html` will break: add `aliases: [claim]` to the file that replaces it
            - Changed: **Encounter** `encounter`: steward, contract, weekly job
            """))
        #expect(markdown.stdout.contains("""
            - ⚠️ **Feedback Analyzer** (PM) **is now a copilot** (was a specialist): it names no audit\\_trail

            ### Timing

            - ⚠️ Decide → Build **lost its last contract**
            - Cycle: 5w 5d → unbounded (budget 6w)
            """))
        try golden("expected.md", markdown.stdout, in: folder)
        let json = try Run(["diff", "HEAD~1", "--format", "json"], in: repo.url)
        try golden("expected.json", json.stdout, in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let timing = object?["timing"] as? [String: Any]
        #expect(timing?["cycle"] as? [String: String] == ["field": "cycle", "from": "5w 5d", "to": "unbounded"])
        #expect(timing?["uncovered_boundaries"] as? [[String: String]] == [["from": "decide", "to": "build"]])
        let agents = object?["agents"] as? [[String: Any]]
        #expect(agents?.first?["becomes_copilot"] as? Bool == true)
    }

    @Test func twoFoldersGiveTheSameReview() throws {
        let scratch = try Scratch()
        _ = try scratch.copy(fixture.appendingPathComponent("base"), as: "base")
        let head = try scratch.copy(fixture.appendingPathComponent("head"), as: "head")
        let run = try Run(["diff", "../base/content", "content"], in: head)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == (try String(contentsOf: fixture.appendingPathComponent("expected.md"), encoding: .utf8)))
        // A folder holding content/ works too.
        #expect(try Run(["diff", "../base", "."], in: head).stdout == run.stdout)
    }

    /// A rename that keeps the old id as an alias keeps saved links working:
    /// no warning; the same rename without it is flagged.
    @Test func aRenameWithoutAnAliasIsFlagged() throws {
        let scratch = try Scratch()
        _ = try scratch.copy(fixture.appendingPathComponent("base"), as: "base")
        let head = try scratch.copy(fixture.appendingPathComponent("head"), as: "head")
        let renamed = head.appendingPathComponent("content/roles/platform-architect.md")
        let flagged = try Run(["diff", "../base/content", "content", "--format", "json"], in: head)
        #expect(flagged.stdout.contains("\"lost_addresses\": [{\"id\": \"analyst\", \"address\": \"roles/analyst.html\", \"renamed_to\": null, \"file\": null}, {\"id\": \"architect\", \"address\": \"roles/architect.html\", \"renamed_to\": \"platform-architect\", \"file\": \"roles/platform-architect.md\"}]"), "\(flagged.stdout)")
        let text = try String(contentsOf: renamed, encoding: .utf8)
        try text.replacingOccurrences(of: "\nname: ", with: "\naliases: [architect]\nname: ").write(to: renamed, atomically: true, encoding: .utf8)
        let kept = try Run(["diff", "../base/content", "content"], in: head)
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(!kept.stdout.contains("roles/architect.html"))
        #expect(kept.stdout.contains("- ⚠️ Saved links to `roles/analyst.html` will break: add `aliases: [analyst]` to the file that replaces it\n"))
    }

    /// The kernel (FORMAT.md): a risk's new owner and an external's new
    /// stages are said in the review, in Markdown and JSON.
    @Test func riskOwnersAndTheExtendedTeamChanges() throws {
        let scratch = try Scratch()
        _ = try scratch.copy(Paths.exampleContent, as: "base")
        let head = try scratch.copy(Paths.exampleContent, as: "head")
        let settings = head.appendingPathComponent("handbook.yaml")
        try (try String(contentsOf: settings, encoding: .utf8)).replacingOccurrences(of: "  ethical: steward\n", with: "  ethical: pm\n")
            .replacingOccurrences(of: "  usability: analyst\n", with: "")
            .replacingOccurrences(of: "engaged: [discover, decide]", with: "engaged: [decide]")
            .write(to: settings, atomically: true, encoding: .utf8)
        let run = try Run(["diff", "base", "head"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let section = try #require(run.stdout.range(of: "### Risks and the extended team\n\n"))
        #expect(run.stdout[section.upperBound...].hasPrefix("""
            - Usability risk: owner Designer / Analyst → nobody ⚠️
            - Ethical data risk: owner Data Steward → Data PM
            - Clinicians (outside the team): engaged in Discover, Decide → Decide

            """), "\(run.stdout)")
        let json = try Run(["diff", "base", "head", "--format", "json"], in: scratch.url)
        #expect(json.stdout.contains("""
            "risk_owners": [
                {"risk": "usability", "from": "analyst", "to": null},
                {"risk": "ethical", "from": "steward", "to": "pm"}
              ],
              "extended_team": [
                {"external": "clinicians", "from": ["discover", "decide"], "to": ["decide"]}
              ],
            """), "\(json.stdout)")
    }

    @Test func aBaseWithoutTheHandbookCountsAsEmpty() throws {
        let repo = try repository()
        let run = try Run(["diff", "HEAD~2", "HEAD~1"], in: repo.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("## Handbook changes\n\n**6 stages added · 4 roles added · 4 contexts added · 2 contracts added · 1 page added · "))
        #expect(run.stdout.contains("- Added: **Data PM** `pm`\n"))
    }

    @Test func noChangeSaysSoInOneLine() throws {
        let repo = try repository()
        let run = try Run(["diff", "HEAD"], in: repo.url)
        #expect(run.status == 0)
        #expect(run.stdout == "No changes to the handbook.\n")
        let json = try Run(["diff", "HEAD", "--format", "json"], in: repo.url)
        #expect(json.stdout.hasPrefix("{\n  \"changed\": false,\n"))
    }

    @Test func aRevisionThatDoesNotExistExitsTwo() throws {
        let repo = try repository()
        let run = try Run(["diff", "no-such-branch"], in: repo.url)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "error: 'no-such-branch' is neither a folder nor a git revision\n")
        let option = try Run(["diff", "--output=/tmp/x"], in: repo.url)
        #expect(option.status == 2)
    }

    @Test func failOnNewErrorsAndWarnings() throws {
        let repo = try repository()
        // The change introduces one warning and no error.
        #expect(try Run(["diff", "HEAD~1", "--fail-on", "new-errors"], in: repo.url).status == 0)
        #expect(try Run(["diff", "HEAD~1", "--fail-on", "new-warnings"], in: repo.url).status == 1)
        // Reversed, it introduces nothing new but the resolved vague gate comes back.
        let reverse = try Run(["diff", "HEAD", "HEAD~1", "--fail-on", "new-warnings"], in: repo.url)
        #expect(reverse.status == 1)
        #expect(reverse.stdout.contains("gate 'Provide good context' states a preference"))
    }
}
