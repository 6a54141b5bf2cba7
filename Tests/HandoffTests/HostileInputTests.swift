import Diagnostics
import Foundation
import HandbookSource
import Testing

/// Every file in a handbook may be wrong; none may crash or hang the tool.
/// Each case gets a diagnostic with a position, and the rest of the handbook
/// is still checked.
@Suite struct HostileInputTests {
    let role = "---\nname: R\npurpose: P\nengagement: {decide: consult}\n"

    @Test func invalidYAMLDoesNotStopTheRest() throws {
        var handbook = TestHandbook([
            "pages/a.md": "---\nname: A\n1️⃣- item\n---\n",
            "pages/b.md": "---\nname: B\n2️⃣nmae: x\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.yamlSyntax, .error, handbook.at("1️⃣"), "invalid YAML: did not find expected key (while parsing a block mapping)",
                     notes: ["a list item ('- ') cannot stand at the column of this mapping's keys (column 1): put it under the key whose list it is, indented (key:, then   - item)"]),
            Reported(.unknownField, .warning, handbook.at("2️⃣"), "unknown field 'nmae'", notes: ["did you mean 'name'?"]),
        ])
    }

    @Test func noFrontMatterAndUnterminatedFrontMatter() throws {
        // Pages may go without front matter (an opening '---' that nothing closes is a thematic break);
        // every other kind needs it.
        var handbook = TestHandbook(["contexts/plain.md": "# Just Markdown\n", "contexts/open.md": "---\nname: Open\n\nbody\n", "contexts/empty.md": "",
                                     "pages/plain.md": "# Just Markdown\n", "pages/open.md": "---\nname: Open\n\nbody\n", "pages/empty.md": ""])
        let start = { (file: String) in Diagnostics.SourceLocation(file: "content/contexts/\(file)", line: 1, column: 1) }
        expectSame(try handbook.check().reported, [
            Reported(.yamlSyntax, .error, start("empty.md"), "file has no front matter: it must start with a '---' line"),
            Reported(.yamlSyntax, .error, start("open.md"), "front matter is not closed: no '---' line ends it"),
            Reported(.yamlSyntax, .error, start("plain.md"), "file has no front matter: it must start with a '---' line"),
        ])
    }

    @Test func invalidUTF8NamesTheLine() throws {
        // In front matter an error; in the body a warning (bad-encoding), and the page is built.
        var handbook = TestHandbook()
        handbook.setBytes("pages/latin1.md", Array("---\nname: Caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        handbook.setBytes("pages/body.md", Array("---\nname: Body\n---\nline 4\nline 5 😀 ".utf8) + [0xC0, 0x80])
        expectSame(try handbook.check().reported, [
            Reported(.badEncoding, .warning, .init(file: "content/pages/body.md", line: 5, column: 10),
                     "body is not valid UTF-8: byte 0xC0 on line 5 is shown as U+FFFD (and 1 more bad byte)"),
            Reported(.yamlSyntax, .error, .init(file: "content/pages/latin1.md", line: 2, column: 10), "file is not valid UTF-8: byte 0xE9 on line 2"),
        ])
    }

    @Test func aliasBombIsRefusedByTheNodeBudget() throws {
        var levels = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            levels.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        var handbook = TestHandbook(["pages/bomb.md": "---\nname: Bomb\n" + levels.joined(separator: "\n") + "\n---\n"])
        let diagnostics = try handbook.check().reported
        // 9^5 nodes at level e: the budget trips at the alias that crosses 10,000.
        expectSame(diagnostics, [
            Reported(.yamlSyntax, .error, .init(file: "content/pages/bomb.md", line: 7, column: 8), "YAML expands beyond 10000 nodes (check aliases)"),
        ])
    }

    @Test func aliasesWithinTheBudgetExpand() throws {
        var handbook = TestHandbook(["roles/pm.md": TestHandbook.base["roles/pm.md"]!.patched("context_in:\n  - context: strategy\n    from: leadership",
                                                                                              with: "context_in:\n  - &lead\n    context: strategy\n    from: leadership\n  - *lead")])
        expectSame(try handbook.check().reported, [])
    }

    @Test(arguments: ["[", "{a: ", "- "])
    func deepNestingIsAnErrorNotACrash(opener: String) throws {
        var handbook = TestHandbook(["pages/deep.md": "---\nname: " + String(repeating: opener, count: 100_000) + "\n---\n"])
        let diagnostics = try handbook.check()
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.rule == .yamlSyntax)
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML:") == true)
        #expect(diagnostics.first?.location.file == "content/pages/deep.md")
    }

    @Test func deepMarkdownBodyDoesNotCrash() throws {
        let body = String(repeating: ">", count: 100_000) + " x\n\n" + String(repeating: "[", count: 100_000) + "\n\n"
            + String(repeating: "- ", count: 20_000) + "x\n\n" + String(repeating: "*a ", count: 50_000) + "\n"
        var handbook = TestHandbook(["pages/deep.md": "---\nname: Deep\n---\n" + body])
        // The guard refuses it before cmark sees it...
        expectSame(try handbook.check().reported, [
            Reported(.unsafeInput, .error, .init(file: "content/pages/deep.md", line: 4, column: 1),
                     "100000 nested block quotes or list items on one line, over the limit of 64 (raise it with --limit nesting=N)"),
        ])
        // ...and with the limits raised, cmark (walked with its iterator) still does not crash.
        var raised = LoadLimits()
        _ = raised.apply(["nesting=1000000", "inline-markers=1000000"])
        expectSame(try handbook.check(limits: raised).reported, [])
    }

    @Test func duplicateKeysAreReportedAtTheSecond() throws {
        var handbook = TestHandbook(["stages/decide.md": "---\n1️⃣name: Decide\nquestion: Which?\n2️⃣name: Again\noutput: A pitch.\n---\n"])
        expectSame(try handbook.check().reported, [
            Reported(.yamlSyntax, .error, handbook.at("2️⃣"), "duplicate key 'name'", notes: ["'name' first defined here (\(handbook.at("1️⃣")))"]),
        ])
    }

    @Test func aListWhereTextBelongs() throws {
        var handbook = TestHandbook(["stages/decide.md": "---\nname: 1️⃣[Decide, Choose]\nquestion: Which?\noutput:\n  2️⃣key: value\n---\n"])
        expectSame(try handbook.check().reported, [
            Reported(.invalidValue, .error, handbook.at("1️⃣"), "'name' must be text, not a list"),
            Reported(.invalidValue, .error, handbook.at("2️⃣"), "'output' must be text, not a mapping"),
        ])
    }

    @Test func frontMatterThatIsNotAMapping() throws {
        var handbook = TestHandbook(["pages/list.md": "---\n1️⃣- name\n- order\n---\n"])
        expectSame(try handbook.check().reported, [
            Reported(.invalidValue, .error, handbook.at("1️⃣"), "front matter must be a mapping of fields, not a list"),
        ])
    }

    @Test func idsWithPathsCapitalsAndNUL() throws {
        let message = "is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters"
        var handbook = TestHandbook(["roles/eng.md": """
            ---
            name: Engineer
            purpose: Build.
            engagement:
              decide: support
            context_in:
              - context: brief
                from: pm
              - context: 1️⃣../etc/passwd
                from: pm
              - context: x
                from: 2️⃣a/b
              - context: x
                from: 3️⃣'a\\b'
              - context: x
                from: 4️⃣Leadership
              - context: x
                from: 5️⃣"a\\0b"
            context_out:
              - context: estimate
                to: [pm]
            ---
            """])
        handbook.setBytes("roles/a\\b.md", Array("---\nname: x\n---\n".utf8))
        handbook.setBytes("roles/...md", Array("---\nname: x\n---\n".utf8))
        handbook.setBytes("roles/Upper.md", Array("---\nname: x\n---\n".utf8))
        let start = { (file: String) in Diagnostics.SourceLocation(file: "content/roles/\(file)", line: 1, column: 1) }
        // Each file under an invalid name is still read for its own problems.
        let missing = { (file: String) in
            ["engagement", "purpose"].map { Reported(.missingField, .error, .init(file: "content/roles/\(file)", line: 2, column: 1), "missing required field '\($0)'") }
        }
        expectSame(try handbook.check().reported, [
            Reported(.invalidID, .error, start("...md"), "file name '...md' \(message)")] + missing("...md") + [
            Reported(.invalidID, .error, start("Upper.md"), "file name 'Upper.md' \(message)", notes: ["did you mean 'upper'?"])] + missing("Upper.md") + [
            Reported(.invalidID, .error, start("a\\b.md"), "file name 'a\\b.md' \(message)", notes: ["did you mean 'ab'?"])] + missing("a\\b.md") + [
            Reported(.invalidID, .error, handbook.at("1️⃣"), "'../etc/passwd' \(message)", notes: ["did you mean 'etcpasswd'?"]),
            Reported(.invalidID, .error, handbook.at("2️⃣"), "'a/b' \(message)", notes: ["did you mean 'ab'?"]),
            Reported(.invalidID, .error, handbook.at("3️⃣"), "'a\\b' \(message)", notes: ["did you mean 'ab'?"]),
            Reported(.invalidID, .error, handbook.at("4️⃣"), "'Leadership' \(message)", notes: ["did you mean 'leadership'?"]),
            Reported(.invalidID, .error, handbook.at("5️⃣"), "'a\\u{0}b' \(message)", notes: ["did you mean 'ab'?"]),
        ])
    }

    @Test func nulByteInFrontMatter() throws {
        var handbook = TestHandbook()
        handbook.setBytes("pages/nul.md", Array("---\nname: a".utf8) + [0] + Array("b\n---\n".utf8))
        expectSame(try handbook.check().reported, [
            Reported(.yamlSyntax, .error, .init(file: "content/pages/nul.md", line: 2, column: 8),
                     "invalid YAML: control characters are not allowed (character U+0000)"),
        ])
    }

    @Test func bomCRLFAndLoneCRKeepPositions() throws {
        var handbook = TestHandbook()
        handbook.setBytes("pages/crlf.md", [0xEF, 0xBB, 0xBF] + Array("---\r\nname: CRLF\r\nnmae: 1\r\n---\r\n\r\nSee [x](gone.md).\r\n".utf8))
        handbook.setBytes("pages/cr.md", Array("---\rname: CR\rnmae: 1\r---\r\rSee [x](gone.md).\r".utf8))
        var expected: [Reported] = []
        for file in ["cr.md", "crlf.md"] {
            expected.append(Reported(.unknownField, .warning, .init(file: "content/pages/\(file)", line: 3, column: 1), "unknown field 'nmae'",
                                     notes: ["did you mean 'name'?"]))
            expected.append(Reported(.brokenLink, .error, .init(file: "content/pages/\(file)", line: 6, column: 5),
                                     "link 'gone.md' names no content file: 'pages/gone.md' does not exist"))
        }
        expectSame(try handbook.check().reported, expected)
    }

    @Test func yamlBooleansAndNumbersStayText() throws {
        var handbook = TestHandbook(["stages/decide.md": "---\nname: no\nquestion: off\noutput: 1.10\n---\n"])
        let path = try handbook.write()
        let loaded = try HandbookSourceProbe.load(path)
        #expect(loaded.handbook.stages["decide"]?.name == "no")
        #expect(loaded.handbook.stages["decide"]?.question == "off")
        #expect(loaded.handbook.stages["decide"]?.output == "1.10")
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func subfolderFilesAreInvalidIDsAndFoldersNamedMdAreIgnored() throws {
        // A folder named like Markdown is no content file; the file in it is an asset.
        var handbook = TestHandbook(["roles/old/pm.md": "---\nname: Old\n---\n"])
        handbook.setBytes("pages/folder.md/inner.txt", Array("x".utf8))
        expectSame(try handbook.check().reported, [
            Reported(.invalidID, .error, .init(file: "content/roles/old/pm.md", line: 1, column: 1),
                     "'roles/old/pm.md' is in a subfolder: ids are flat, so content files sit directly in 'roles/'"),
            Reported(.missingField, .error, .init(file: "content/roles/old/pm.md", line: 2, column: 1), "missing required field 'engagement'"),
            Reported(.missingField, .error, .init(file: "content/roles/old/pm.md", line: 2, column: 1), "missing required field 'purpose'"),
        ])
    }
}
