import Foundation
import Testing
@testable import HandbookSource

/// End-to-end runs of the built `handoff` binary (`swift build` first).
@Suite struct CLITests {
    let manyProblems = Paths.fixtures.appendingPathComponent("invalid/many-problems")

    @Test func checkOnTheExamplePrintsOnlyItsCleanSummary() throws {
        let run = try Run(["check"])
        #expect(run.status == 0)
        #expect(run.stdout == "0 errors, 0 warnings in 35 files\n")
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
            {
              "diagnostics": [
                {"rule": "vague-gate", "severity": "warning", "file": "content/contracts/brief.md", "line": 13, "column": 5, "message": "gate 'Provide good context' states a preference, not a checkable constraint", "notes": []},
                {"rule": "orphaned-context-in", "severity": "error", "file": "content/roles/engineer.md", "line": 6, "column": 14, "message": "'technical-constraint' is consumed from 'architect', but architect produces no such context", "notes": ["did you mean 'technical-constraints'?"]}
              ],
              "errors": 1,
              "warnings": 1,
              "files": 13
            }

            """)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 1)
        #expect((object?["diagnostics"] as? [[String: Any]])?.count == 2)
    }

    @Test func jsonForACleanHandbook() throws {
        let run = try Run(["check", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stdout == "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"files\": 35\n}\n")
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
        var handbook = TestHandbook(["contexts/p.md": "---\nname: P\nsubtitle: x\n---\n"])
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

/// The first hour: `handoff init`, `handoff theme export`, and the hints a
/// new user needs.
@Suite struct OnRampTests {
    @Test func initWritesAStarterThatChecksCleanAndBuilds() throws {
        let scratch = try Scratch()
        let created = try Run(["init", "team"], in: scratch.url)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("wrote a starter handbook of 13 files into team/\n"))
        let folder = scratch.url.appendingPathComponent("team")
        let check = try Run(["check"], in: folder)
        #expect(check.stdout == "0 errors, 0 warnings in 12 files\n")
        let build = try Run(["build"], in: folder)
        #expect(build.status == 0)
        #expect(build.stdout.hasPrefix("built 17 pages into public/ with 0 warnings"), "\(build.stdout)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/roles/engineer.html").path))
        #expect(try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8) == "public/\n")
        // The starter has 3 roles, 4 stages, 3 contracts (one per boundary), an agent and a page.
        let content = folder.appendingPathComponent("content")
        let count = { (kind: String) in try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent(kind).path).count }
        #expect(try [count("roles"), count("stages"), count("contracts"), count("pages")] == [3, 4, 3, 1])
        #expect(try String(contentsOf: content.appendingPathComponent("roles/engineer.md"), encoding: .utf8).contains("agents:"))
    }

    @Test func initRefusesAFolderThatIsNotEmpty() throws {
        let scratch = try Scratch()
        try "notes".write(to: scratch.url.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let run = try Run(["init"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == "error: '.' is not empty ('notes.txt'): handoff init writes a new handbook into an empty folder or a new repository (try: handoff init my-handbook)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["notes.txt"])
    }

    @Test func anExportedThemeBuildsTheSameSite() throws {
        let scratch = try Scratch()
        _ = try scratch.copy(Paths.exampleContent, as: "content")
        #expect(try Run(["build", "--output", "default"], in: scratch.url).status == 0)
        let export = try Run(["theme", "export"], in: scratch.url)
        #expect(export.status == 0)
        #expect(export.stdout.hasPrefix("wrote 19 theme files into templates/: actor.mustache, backlinks.mustache, body.mustache, context.mustache, contract.mustache, favicon.svg, highlight.css, highlight.min.js,"))
        #expect(try Run(["build", "--output", "themed"], in: scratch.url).status == 0)
        let plain = SiteTree(scratch.url.appendingPathComponent("default")), themed = SiteTree(scratch.url.appendingPathComponent("themed"))
        #expect(plain.files.keys.sorted() == themed.files.keys.sorted())
        #expect(plain.files.filter { $0.key != ".handoff-site" } == themed.files.filter { $0.key != ".handoff-site" })
        let again = try Run(["theme", "export"], in: scratch.url)
        #expect(again.status == 2)
        #expect(again.stderr.hasPrefix("error: 'templates' already has 'actor.mustache'"))
    }

    @Test func insideTheContentFolderTheErrorSaysWhatToRun() throws {
        let run = try Run(["check"], in: Paths.exampleContent)
        #expect(run.status == 2)
        #expect(run.stderr == "error: 'content' is not a folder, but this folder holds handbook.yaml: run with --content .\n")
    }

    @Test func everyFlagInTheReadmeExists() throws {
        // README's command summary and --help agree.
        let readme = try String(contentsOf: Paths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for command in ["init", "check", "build", "diff", "serve"] where readme.contains("handoff \(command) ") {
            guard let line = readme.split(separator: "\n").first(where: { $0.hasPrefix("handoff \(command) ") }) else { continue }
            let help = try Run([command, "--help"])
            for flag in line.split(separator: " ").filter({ $0.hasPrefix("[--") || $0.hasPrefix("--") }) {
                let name = flag.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: " ")[0]
                #expect(help.stdout.contains(String(name)), "README names \(name) for \(command), --help does not")
            }
        }
    }
}

/// The command line's first-hour traps: a mistyped command, a new
/// repository, a handbook in a subfolder, a CI step in the wrong folder,
/// limits with units, a preview on the network.
@Suite struct CommandLineTrapTests {
    @Test func aMistypedCommandGetsDidYouMean() throws {
        let run = try Run(["biuld"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: unknown command 'biuld'\n  note: did you mean 'handoff build'?\n  note: 'handoff --help' lists the commands\n")
        let flag = try Run(["build", "--contnet", "x"])
        #expect(flag.status == 2 && flag.stderr.contains("Did you mean '--content'?"))
    }

    @Test func initWritesIntoANewRepositoryWithoutOverwriting() throws {
        let scratch = try Scratch()
        try Data("# Our handbook\n".utf8).write(to: scratch.url.appendingPathComponent("README.md"))
        try Data("MIT\n".utf8).write(to: scratch.url.appendingPathComponent("LICENSE"))
        try Data("node_modules/".utf8).write(to: scratch.url.appendingPathComponent(".gitignore"))
        let created = try Run(["init"], in: scratch.url)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("README.md"), encoding: .utf8) == "# Our handbook\n")
        #expect(try String(contentsOf: scratch.url.appendingPathComponent(".gitignore"), encoding: .utf8) == "node_modules/\npublic/\n")
        #expect(try Run(["check"], in: scratch.url).status == 0)
        // A folder with anything else is still refused.
        let other = try Scratch()
        try Data("x".utf8).write(to: other.url.appendingPathComponent("notes.txt"))
        let refused = try Run(["init"], in: other.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("error: '.' is not empty ('notes.txt'): handoff init writes a new handbook into an empty folder or a new repository"))
    }

    @Test func templatesAndOutputDefaultToTheContentFoldersSiblings() throws {
        let scratch = try Scratch()
        _ = try scratch.copy(Paths.exampleContent, as: "site/content")
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("site/templates"), withIntermediateDirectories: true)
        try Data("/* the team's own */\n".utf8).write(to: scratch.url.appendingPathComponent("site/templates/team.css"))
        let run = try Run(["build", "--content", "site/content"], in: scratch.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("into site/public/"))
        #expect(FileManager.default.fileExists(atPath: scratch.path("site/public/team.css")))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("public")))
    }

    @Test func diffInTheWrongFolderIsAnErrorNotNoChanges() throws {
        let scratch = try Scratch()
        _ = try scratch.copy(Paths.exampleContent, as: "content")
        for command in [["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "x"]] {
            #expect(try Run(command, in: scratch.url, tool: "git").status == 0)
        }
        let run = try Run(["diff", "HEAD", "--content", "contnet"], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == "error: neither 'HEAD' nor the working tree holds a handbook in 'contnet' (no handbook.yaml): check --content\n")
        #expect(try Run(["diff", "HEAD"], in: scratch.url).status == 0)
    }

    @Test(arguments: [("2MB", 2_097_152), ("512KB", 524_288), ("3 MiB", 3_145_728), ("1G", 1_073_741_824), ("2000", 2_000), ("2XB", nil), ("MB", nil)] as [(String, Int?)])
    func limitsTakeUnits(text: String, bytes: Int?) {
        #expect(LoadLimits.number(text) == bytes)
    }
}
