import Diagnostics
import Foundation
import HandbookModel
import HandbookPipeline
import HandbookSite
import Testing

/// `aliases` (FORMAT.md, Renames): the conflicts are invalid-id at the
/// alias, a former id used in YAML says what it was renamed to, and the site
/// keeps every former address as a redirect page.
@Suite struct AliasesTests {
    static let renamedEngineer = TestHandbook.base["roles/eng.md"]!.patched("name: Engineer", with: "name: Engineer\naliases: [1️⃣developer, 2️⃣pm]")

    @Test func anAliasThatIsALiveIdOrListedTwiceIsInvalidID() throws {
        var handbook = TestHandbook([
            "roles/eng.md": Self.renamedEngineer,
            "stages/decide.md": "---\nname: Decide\nquestion: Which?\noutput: A pitch.\naliases: [choose, 3️⃣choose]\n---\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.invalidID, .error, handbook.at("2️⃣"), "alias 'pm' is the id of another role: an alias names a former id, which no file of this kind has now",
                     notes: ["'pm' is read from here (content/roles/pm.md:1:1)"]),
            Reported(.invalidID, .error, handbook.at("3️⃣"), "alias 'choose' is listed twice", notes: ["first listed here (content/stages/decide.md:5:11)"]),
        ])
    }

    @Test func aFormerIdInYAMLSaysWhatItWasRenamedTo() throws {
        var handbook = TestHandbook([
            "roles/eng.md": TestHandbook.base["roles/eng.md"]!.patched("name: Engineer", with: "name: Engineer\naliases: [developer]"),
            "contracts/brief.md": RuleFixtures.briefContract.patched("to: eng", with: "to: 1️⃣developer"),
        ])
        expectSame(try handbook.check().reported, [
            Reported(.unknownRole, .error, handbook.at("1️⃣"), "unknown role 'developer'", notes: ["renamed to 'eng' (aliases)"]),
        ])
    }

    @Test func aPageAliasMayNotOverwriteAPageOrAGeneratedFile() throws {
        var handbook = TestHandbook([
            "pages/guide.md": "---\nname: Guide\naliases: [\"/setup\", 1️⃣\"/index.html\", 2️⃣other]\n---\nText.\n",
            "pages/other.md": "---\nname: Other\n---\nText.\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.invalidID, .error, handbook.at("1️⃣"), "alias '/index.html' would overwrite 'index.html', which the site builds"),
            Reported(.invalidID, .error, handbook.at("2️⃣"), "alias 'other' is the id of another page: an alias names a former id, which no file of this kind has now",
                     notes: ["'other' is read from here (content/pages/other.md:1:1)"]),
        ])
    }

    @Test func aNearMissOfAliasesIsAnUnknownFieldWithDidYouMean() throws {
        var handbook = TestHandbook(["roles/eng.md": TestHandbook.base["roles/eng.md"]!.patched("name: Engineer", with: "name: Engineer\n1️⃣alias: [developer]")])
        expectSame(try handbook.check().reported, [
            Reported(.unknownField, .warning, handbook.at("1️⃣"), "unknown field 'alias'", notes: ["did you mean 'aliases'?"]),
        ])
    }

    @Test func theSiteKeepsEachFormerAddressAsARedirect() throws {
        let scratch = try Scratch()
        let content = try scratch.copy(Paths.exampleContent, as: "content")
        let pm = content.appendingPathComponent("roles/pm.md")
        try (try String(contentsOf: pm, encoding: .utf8)).patched("name: Data PM", with: "name: Data PM\naliases: [data-pm]")
            .write(to: pm, atomically: true, encoding: .utf8)
        let principles = content.appendingPathComponent("pages/principles.md")
        try (try String(contentsOf: principles, encoding: .utf8)).patched("name: Principles", with: "name: Principles\naliases: [\"/guide\", ideas/old]")
            .write(to: principles, atomically: true, encoding: .utf8)
        let run = try Run(["build", "--content", "content", "--output", "public"], in: scratch.url)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(try String(contentsOfFile: scratch.path("public/roles/data-pm.html"), encoding: .utf8) == """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Moved: Data PM</title>
            <meta name="robots" content="noindex">
            <link rel="canonical" href="../roles/pm.html">
            <meta http-equiv="refresh" content="0; url=../roles/pm.html">
            </head>
            <body>
            <p>This page has moved to <a href="../roles/pm.html">Data PM</a>.</p>
            </body>
            </html>

            """)
        #expect(try String(contentsOfFile: scratch.path("public/guide/index.html"), encoding: .utf8).contains("url=../pages/principles.html\""))
        #expect(try String(contentsOfFile: scratch.path("public/pages/ideas/old.html"), encoding: .utf8).contains("url=../../pages/principles.html\""))
        // A redirect is no page: not in the search index.
        #expect(!(try String(contentsOfFile: scratch.path("public/search-index.js"), encoding: .utf8)).contains("data-pm"))
    }
}
