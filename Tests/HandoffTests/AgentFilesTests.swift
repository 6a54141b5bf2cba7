import Foundation
import Testing

/// The handbook for agents: a Markdown twin beside every page, llms.txt,
/// llms-full.txt and a skill per role, on the example handbook.
@Suite struct AgentFilesTests {
    static func built(_ patch: ((URL) throws -> Void)? = nil) throws -> (scratch: Scratch, site: SiteTree) {
        let scratch = try Scratch()
        let content = try scratch.copy(Paths.exampleContent, as: "content")
        try patch?(content)
        let run = try Run(["build", "--content", "content", "--output", "public"], in: scratch.url)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        return (scratch, SiteTree(scratch.url.appendingPathComponent("public")))
    }

    /// The relative Markdown links of a file (`[text](target)`), without fragments.
    static func links(in text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "](") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(where: { $0 == ")" || $0 == " " }) else { break }
            let target = String(rest[..<close])
            if !target.contains("://"), !target.hasPrefix("#"), !target.hasPrefix("mailto:") {
                out.append(String(target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]))
            }
        }
        return out
    }

    @Test func everyPageHasATwinAndEveryTwinsLinkResolves() throws {
        let (_, site) = try Self.built()
        let pages = site.files.keys.filter { $0.hasSuffix(".html") && !["404.html", "glossary.html", "handbook.html"].contains($0) }
        #expect(pages.count == 48)
        for page in pages {
            let twin = String(page.dropLast(5)) + ".md"
            #expect(site.files[twin] != nil, "\(page) has no twin")
            let name = twin.split(separator: "/").last!
            #expect(site.text(page).contains("<link rel=\"alternate\" type=\"text/markdown\" href=\"\(name)\" title=\"This page in Markdown\">"), "\(page)")
        }
        let agentFiles = site.files.keys.filter { $0.hasSuffix(".md") || $0 == "llms.txt" }
        #expect(agentFiles.count == 48 + 1 + 7)
        for file in agentFiles {
            let folder = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : ""
            for target in Self.links(in: site.text(file)) {
                let resolved = URL(fileURLWithPath: "/" + folder).appendingPathComponent(target.removingPercentEncoding ?? target).standardized.path.dropFirst()
                #expect(site.files[String(resolved)] != nil, "\(file): \(target) → \(resolved)")
            }
        }
    }

    @Test func aRolesTwinSkillAndLLMsSayWhatItsPageSays() throws {
        let (_, site) = try Self.built()
        let twin = site.text("roles/qa.md")
        #expect(twin.hasPrefix("# QA / Data Quality\n\nRole `qa`. Make sure what we ship is correct, trustworthy and safe to use.\n"))
        #expect(twin.contains("| [Test](../stages/test.md) | Lead |"))
        #expect(twin.contains("- Synthesis: Alerts that join lab results to encounters (a result with no visit) are compared with the lab system's own daily totals before QA acts on them"))
        let skill = site.text("agents/steward/SKILL.md")
        #expect(skill.hasPrefix("---\nname: steward\ndescription: \"The Role Operating System of the Data Steward in Data Product Team Handbook: "))
        #expect(skill.contains("You own the ethical data risk risk. You take part in every stage and may delay a release.") == false)
        #expect(skill.contains("You own the ethical data risk. You take part in every stage and may delay a release."), "\(skill)")
        #expect(skill.contains("## Your agents and their guardrails\n\n### Drift Watcher\n"))
        #expect(site.text("agents/qa/SKILL.md").contains("- [Release Candidate](../../contexts/release-candidate.md) from [Data Engineer](../../roles/engineer.md), under [Release Candidate Handoff](../../contracts/release-candidate-handoff.md); its gates: All schema tests pass in CI; "))
        let llms = site.text("llms.txt")
        #expect(llms.hasPrefix("# Data Product Team Handbook\n\n> How the roles of our clinical data product team"))
        #expect(llms.contains("\n## Roles\n\n- [Data PM](roles/pm.md): Keep the team working on the problems that matter most to customers and the business.\n"))
        #expect(llms.contains("\n## Optional\n\n- [The whole handbook](llms-full.txt): every page above in one Markdown file\n"))
        let full = site.text("llms-full.txt")
        #expect(full.hasPrefix("<!-- index.md -->\n\n# Data Product Team Handbook\n"))
        #expect(full.contains("\n\n---\n\n<!-- roles/qa.md -->\n\n" + twin))
    }

    @Test func withURLLLMsTxtIsAbsoluteAndALongPageIsCut() throws {
        let (_, site) = try Self.built { content in
            let settings = content.appendingPathComponent("handbook.yaml")
            try (try String(contentsOf: settings, encoding: .utf8) + "url: https://acme.github.io/handbook/\n").write(to: settings, atomically: true, encoding: .utf8)
            try ("---\nname: Long\n---\n" + String(repeating: "A line of the long page, repeated.\n", count: 3_000))
                .write(to: content.appendingPathComponent("pages/long.md"), atomically: true, encoding: .utf8)
        }
        #expect(site.text("llms.txt").contains("- [Data PM](https://acme.github.io/handbook/roles/pm.md): "))
        let long = site.text("pages/long.md")
        #expect(long.utf8.count < 50_000)
        #expect(long.hasSuffix("\n*This page is longer than 50,000 characters: the rest is on [the page](long.html).*\n"))
    }
}
