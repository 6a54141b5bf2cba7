import Foundation
import Testing

/// End-to-end runs of the built `handoff` binary (`swift build` first).
@Suite struct CLITests {
    let manyProblems = Paths.fixtures.appendingPathComponent("invalid/many-problems")

    @Test func checkOnTheExamplePrintsOnlyItsCleanSummary() throws {
        let run = try Run(["check"])
        #expect(run.status == 0)
        #expect(run.stdout == "0 errors, 0 warnings in 29 files\n")
        #expect(run.stderr == "")
    }

    @Test func checkWithErrorsExitsOneAndPrintsCompilerStyleText() throws {
        let run = try Run(["check"], in: manyProblems)
        let expected = try String(contentsOf: manyProblems.appendingPathComponent("expected-diagnostics.txt"), encoding: .utf8)
        #expect(run.status == 1)
        #expect(run.stdout == expected)
        #expect(!run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test func pathsAreRelativeToTheWorkingDirectory() throws {
        let run = try Run(["check", "--content", "./Tests/Fixtures/invalid/unreadable-role/content/"])
        #expect(run.status == 1)
        #expect(run.stdout == """
            Tests/Fixtures/invalid/unreadable-role/content/roles/architect.md:4:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence) [yaml-syntax]
            1 error, 0 warnings in 13 files

            """)
        let absolute = try Run(["check", "--content", Paths.packageRoot.appendingPathComponent("Tests/Fixtures/invalid/unreadable-role/content").path])
        #expect(absolute.stdout == run.stdout)
    }

    @Test func jsonOutputHasFormatsShape() throws {
        let run = try Run(["check", "--content", "content", "--format", "json"], in: Paths.fixtures.appendingPathComponent("invalid/format-diagnostics-example"))
        #expect(run.status == 1)
        #expect(run.stdout == """
            {"diagnostics": [
              {"rule": "vague-gate", "severity": "warning", "file": "content/contracts/brief.md", "line": 13, "column": 5, "message": "gate 'Provide good context' states a preference, not a checkable constraint", "notes": []},
              {"rule": "orphaned-context-in", "severity": "error", "file": "content/roles/engineer.md", "line": 6, "column": 14, "message": "'technical-constraint' is consumed from 'architect', but architect produces no such context", "notes": ["did you mean 'technical-constraints'?"]}
            ], "errors": 1, "warnings": 1, "files": 13}

            """)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 1)
        #expect((object?["diagnostics"] as? [[String: Any]])?.count == 2)
    }

    @Test func jsonForACleanHandbook() throws {
        let run = try Run(["check", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stdout == "{\"diagnostics\": [], \"errors\": 0, \"warnings\": 0, \"files\": 29}\n")
    }

    @Test func githubFormatEscapesPropertiesAndMessages() throws {
        let run = try Run(["check", "--format", "github"], in: Paths.fixtures.appendingPathComponent("invalid/format-diagnostics-example"))
        #expect(run.status == 1)
        #expect(run.stdout == """
            ::warning file=content/contracts/brief.md,line=13,col=5,title=vague-gate::gate 'Provide good context' states a preference, not a checkable constraint
            ::error file=content/roles/engineer.md,line=6,col=14,title=orphaned-context-in::'technical-constraint' is consumed from 'architect', but architect produces no such context%0Anote: did you mean 'technical-constraints'? (content/roles/architect.md:11:14)
            1 error, 1 warning in 13 files

            """)
    }

    @Test func strictTurnsWarningsIntoAFailure() throws {
        var handbook = TestHandbook(["pages/p.md": "---\nname: P\nsubtitle: x\n---\n"])
        let path = try handbook.write()
        let plain = try Run(["check", "--content", path])
        let strict = try Run(["check", "--content", path, "--strict"])
        #expect(plain.status == 0)
        #expect(strict.status == 1)
        #expect(plain.stdout == strict.stdout)
        #expect(plain.stdout.hasSuffix("0 errors, 1 warning in 7 files\n"))
    }

    @Test func aFolderWithoutHandbookYAMLExitsTwo() throws {
        let run = try Run(["check", "--content", "Sources"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "error: 'Sources' is not a handbook: it has no handbook.yaml\n")
        let missing = try Run(["check", "--content", "no-such-folder"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: 'no-such-folder' is not a folder\n")
    }

    @Test func badFlagsExitTwo() throws {
        let unknown = try Run(["check", "--colour"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("Error: Unknown option '--colour'"))
        let badFormat = try Run(["check", "--format", "xml"])
        #expect(badFormat.status == 2)
        let help = try Run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--strict"))
    }

    @Test func versionNamesTheLinkedCmark() throws {
        let run = try Run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("handoff 0.1.0 (cmark-gfm 0.29."))
    }

    @Test func checkIsDeterministicAcrossRuns() throws {
        // Different hash seeds each run: Dictionary order changes, output must not.
        let first = try Run(["check", "--format", "json"], in: manyProblems)
        let second = try Run(["check", "--format", "json"], in: manyProblems)
        let third = try Run(["check"], in: manyProblems, environment: ["SWIFT_DETERMINISTIC_HASHING": ""])
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.count > 1000)
        let expected = try String(contentsOf: manyProblems.appendingPathComponent("expected-diagnostics.txt"), encoding: .utf8)
        #expect(third.stdout == expected)
    }
}
