import ArgumentParser
import HandbookPipeline
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `handoff init [DIR]`: a small, valid, commented starter handbook.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a starter handbook (3 roles, 4 stages, 2 contracts, an agent, a page) into an empty folder.",
        discussion: """
            The starter checks clean and builds: cd into the folder and run handoff build. Its files \
            carry comments that name every field; docs/format.md (in handoff's repository and release \
            archive) is the full reference, and 'handoff explain role.engagement' describes one field. \
            A folder that holds anything but hidden files (.git) and a new repository's own files \
            (README, LICENSE, CNAME, CONTRIBUTING...) is refused; no file there is overwritten.
            """
    )

    @Argument(help: "The folder to create the handbook in (it gets content/ and .gitignore).")
    var folder: String = "."

    func run() throws {
        let fm = FileManager.default
        var isDirectory = false
        if fm.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory else { throw ToolFailure("'\(folder)' is a file, not a folder") }
            let visible = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
            let others = visible.filter { !Self.repositoryFile($0) }.sorted()
            if !others.isEmpty {
                throw ToolFailure("'\(folder)' is not empty (\(others.prefix(3).map { "'\($0)'" }.joined(separator: ", "))\(others.count > 3 ? "..." : "")): "
                                  + "handoff init writes a new handbook into an empty folder or a new repository (try: handoff init my-handbook)")
            }
        }
        let files = StarterHandbook.files
        do {
            for (path, text) in files {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if path == ".gitignore", let existing = fm.contents(atPath: url.path) {
                    // A repository's own .gitignore is kept; the site's folder is added to it.
                    let current = String(decoding: existing, as: UTF8.self)
                    if !current.split(separator: "\n").contains(where: { $0.trimmingWhitespace() == "public/" || $0.trimmingWhitespace() == "/public/" }) {
                        let joined = current + (current.isEmpty || current.hasSuffix("\n") ? "" : "\n") + text
                        guard fm.createFile(atPath: url.path, contents: Data(joined.utf8)) else { throw ToolFailure("cannot write '\(url.path)'") }
                    }
                    continue
                }
                guard !fm.fileExists(atPath: url.path) else { throw ToolFailure("'\(url.path)' exists: handoff init never overwrites a file") }
                guard fm.createFile(atPath: url.path, contents: Data(text.utf8)) else {
                    throw ToolFailure("cannot write '\(url.path)'")
                }
            }
        } catch let failure as ToolFailure {
            throw failure
        } catch {
            throw ToolFailure("cannot write into '\(folder)': \(describe(error))")
        }
        let move = folder == "." ? "" : "cd \(folder) && "
        StandardStream.output.write("""
            wrote a starter handbook of \(files.count) files into \(folder == "." ? "this folder" : folder + "/")
            next: \(move)handoff build      # checks content/ and builds the site into public/
                  handoff theme export     # optional: the built-in theme, to change its look

            """)
    }
}

extension Init {
    /// The files a new repository starts with (GitHub's and GitLab's
    /// templates), which init leaves alone beside the handbook.
    static func repositoryFile(_ name: String) -> Bool {
        let stem = name.split(separator: ".").first.map { String($0).uppercased() } ?? ""
        return ["README", "LICENSE", "LICENCE", "COPYING", "CNAME", "CONTRIBUTING", "CODE_OF_CONDUCT", "SECURITY", "CHANGELOG",
                "NOTICE", "AUTHORS", "SUPPORT", "CODEOWNERS"].contains(stem)
    }
}

/// The starter handbook, in our own words. Tests check that it loads with
/// no diagnostics and builds.
enum StarterHandbook {
    static let files: [(String, String)] = [
        (".gitignore", "public/\n"),
        ("content/handbook.yaml", """
            # The handbook's settings. docs/format.md (handoff's format reference) describes every field;
            # 'handoff explain handbook.title' describes one.
            title: Our Team Handbook                  # required
            description: How our roles hand work to each other, stage by stage.
            # The lifecycle: every id needs stages/<id>.md; the order matters.
            lifecycle: [discover, decide, build, ship]
            # Actors outside the team may send or receive context (context_in/context_out).
            external:
              customers: Customers
            # Change how strict a rule is: error | warning | off.
            # severity:
            #   vague-gate: error
            # Raw HTML in bodies is sanitized like on GitHub; 'drop' removes all of it.
            # raw_html: sanitize
            # The appetite for one cycle: stage timeboxes plus handoff budgets are checked against it.
            # cycle_budget: 8w
            # Governance (optional): add objects/<id>.md for the 5 to 10 entities your product
            # promises are true, each with a steward, a weekly job and an enforced data contract.

            """),
        ("content/stages/discover.md", """
            ---
            name: Discover                     # required
            question: Which problem is worth our next cycle?   # required: what the stage answers
            output: A problem brief backed by evidence.        # required: what it hands on
            ---
            We talk to customers and read the numbers before anyone designs anything.

            """),
        ("content/stages/decide.md", """
            ---
            name: Decide
            question: What will we build, and what will we leave out?
            output: A scoped plan the engineers have agreed to.
            ---
            The brief turns into a plan with a size and a list of what is out of scope.

            """),
        ("content/stages/build.md", """
            ---
            name: Build
            question: Does the thing work as planned?
            output: A tested release candidate.
            ---
            Engineers build in small, reviewed steps.

            """),
        ("content/stages/ship.md", """
            ---
            name: Ship
            question: Is it in users' hands, and are we watching it?
            output: A release with notes and a usage report.
            ---
            We release, announce, and measure.

            """),
        ("content/roles/lead.md", """
            ---
            name: Product Lead                        # required
            purpose: Keep the team on problems worth solving.   # required
            engagement:          # required: stage -> lead | support | consult (not listed: not engaged)
              discover: lead
              decide: lead
              build: consult
              ship: support
            context_in:          # what this role consumes, and from whom
              - context: customer-feedback
                from: customers            # an external actor from handbook.yaml
              - context: release-notes
                from: engineer
              - context: usage-report
                from: analyst
                cadence: weekly            # optional
            context_out:         # what this role produces, and for whom
              - context: problem-brief
                to: [engineer, analyst]
                format: Two-page brief     # optional
            ---
            The lead owns the why. A brief leaves this role only when it names the
            evidence behind it; see [how we work](../pages/how-we-work.md).

            """),
        ("content/roles/engineer.md", """
            ---
            name: Engineer
            purpose: Build and ship what the plan promises, safely.
            engagement:
              discover: consult
              decide: support
              build: lead
              ship: lead
            context_in:
              - context: problem-brief
                from: lead
            context_out:
              - context: release-notes
                to: [lead, analyst]
            agents:              # AI agents this role runs; each needs guardrails
              - name: Test Summarizer
                input: CI test results of the release branch
                output: A daily list of failing and flaky tests
                oversight: The on-duty engineer reads it before stand-up   # required
                blast_radius: Read-only; it cannot re-run or change tests  # required
                access: read                   # read | write (write also needs confirmation and staging)
                delegation: coordinate         # delegate | coordinate
            workflows:
              - name: Release
                stage: ship
                trigger: The release candidate passes every check
                steps: [Tag the release, Deploy, Write the notes, Watch the dashboards for a day]
            ---
            Engineers take a brief only through its contract, so that nothing arrives half-decided.

            """),
        ("content/roles/analyst.md", """
            ---
            name: Analyst
            purpose: Tell the team what users actually do.
            engagement:
              discover: support
              decide: consult
              build: consult
              ship: support
            context_in:
              - context: problem-brief
                from: lead
              - context: release-notes
                from: engineer
            context_out:
              - context: usage-report
                to: [lead]
                cadence: weekly
            ---
            The analyst turns a release into numbers the lead can act on.

            """),
        ("content/contracts/brief-to-build.md", """
            ---
            name: Brief to Build                  # required
            from: lead                            # required: a role id
            to: engineer                          # required: a role id
            boundary: decide -> build             # required: the two stages it connects
            carries: [problem-brief]              # required: the contexts that cross
            gates:                                # required: checkable, not "good enough"
              - The brief cites at least 3 customer conversations
              - Scope fits in 2 weeks by the engineers' own estimate
            trigger:                              # optional: how fast it is picked up
              acknowledge_within: 24h
              next_stage_within: 2d
            ---
            Without this contract, briefs reached engineering before anyone had sized them.

            """),
        ("content/contracts/findings-to-decision.md", """
            ---
            name: Findings to Decision
            from: analyst
            to: lead
            boundary: discover -> decide
            carries: [usage-report]
            gates:
              - The report covers the last 4 weeks of usage
              - Every number links to the query that produced it
            trigger:
              acknowledge_within: 2d
              next_stage_within: 3d
            ---
            Decisions start from what users did, not from what we remember they did.

            """),
        ("content/contracts/release-to-analysis.md", """
            ---
            name: Release to Analysis
            from: engineer
            to: analyst
            boundary: build -> ship
            carries: [release-notes]
            gates:
              - Notes list every user-facing change
              - Each change names the metric that should move
            trigger:
              acknowledge_within: 1d
            ---
            The analyst learns what changed before the numbers move, not after.

            """),
        ("content/pages/how-we-work.md", """
            ---
            name: How we work      # required
            order: 1               # optional: position in the navigation
            ---
            # How we work

            Each role has a page that says where it engages, what it needs and what it
            hands on. Contracts say what must be true before work crosses a stage boundary.

            Add images beside a page (`pages/img/flow.png`) and link them as
            `![Flow](img/flow.png)`: every non-Markdown file in `content/` is published.

            """),
    ]
}
