/// Everything about a rule that a user reads: its id, default severity and
/// summary (`RuleID`), a paragraph of help, and examples: small handbooks on
/// which it reports (`1️⃣` marks each place it reports at) and on which it
/// stays silent. `handoff explain` prints them, SARIF carries the help, and
/// the test suite runs every example, so a rule cannot ship without them.
public struct RuleDescriptor: Sendable {
    public let rule: RuleID
    public let help: String
    public let triggering: [RuleExample]
    public let nonTriggering: [RuleExample]

    public init(_ rule: RuleID, help: String, triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.rule = rule
        self.help = help
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A handbook to show a rule on: files that replace or add to the example
/// base handbook (`RuleExample.base`), by path under the content folder; nil
/// removes a base file. `1️⃣`, `2️⃣`... mark where the rule reports, in order.
public struct RuleExample: Sendable {
    public let files: [String: String?]
    /// A portfolio (FORMAT.md, A portfolio of handbooks): `files` are paths
    /// under the portfolio's folder (portfolio.yaml, <folder>/content/...),
    /// with no base handbook added.
    public let isPortfolio: Bool
    /// For a portfolio: the files to show (portfolio.yaml and what each
    /// handbook changes from the base), not every handbook's every file.
    let shown: Set<String>?

    public init(_ files: [String: String?]) {
        self.files = files
        isPortfolio = false
        shown = nil
    }

    init(portfolioFiles: [String: String?], shown: Set<String>) {
        files = portfolioFiles
        isPortfolio = true
        self.shown = shown
    }

    /// A portfolio of `handbooks` (folder → changes to the base handbook,
    /// as in a single-handbook example) under `portfolio` (portfolio.yaml).
    public static func portfolio(_ portfolio: String, handbooks: [(folder: String, files: [String: String?])]) -> RuleExample {
        var out: [String: String?] = ["portfolio.yaml": portfolio]
        var shown: Set<String> = ["portfolio.yaml"]
        for (folder, changes) in handbooks {
            var files: [String: String?] = base.mapValues { $0 }
            for (path, text) in changes {
                files[path] = text
                shown.insert(folder + "/content/" + path)
            }
            for (path, text) in files { out[folder + "/content/" + path] = text }
        }
        return RuleExample(portfolioFiles: out, shown: shown)
    }

    /// A small valid handbook every example starts from: two stages, two
    /// roles that hand a brief and an estimate to each other, one contract.
    public static let base: [String: String] = [
        "handbook.yaml": """
            title: Example Handbook
            lifecycle: [discover, decide]
            external:
              leadership: Leadership
            """,
        "stages/discover.md": "---\nname: Discover\nquestion: What problem is worth solving?\noutput: A brief.\n---\n",
        "stages/decide.md": "---\nname: Decide\nquestion: What will we build?\noutput: A plan.\n---\n",
        "roles/pm.md": """
            ---
            name: PM
            purpose: Pick problems worth solving.
            engagement:
              discover: lead
              decide: lead
            context_in:
              - context: strategy
                from: leadership
              - context: estimate
                from: eng
            context_out:
              - context: brief
                to: [eng]
            ---
            """,
        "roles/eng.md": """
            ---
            name: Engineer
            purpose: Build what the plan promises.
            engagement:
              decide: support
            context_in:
              - context: brief
                from: pm
            context_out:
              - context: estimate
                to: [pm]
            ---
            """,
        "contracts/brief.md": """
            ---
            name: Brief Handoff
            from: pm
            to: eng
            boundary: discover -> decide
            carries: [brief]
            gates:
              - Brief cites 3 data points
            trigger:
              acknowledge_within: 1d
            ---
            """,
    ]

    /// A governed object (objects/brief.md) that passes every rule: the
    /// governance rules' examples add it.
    public static let governedObject = """
        ---
        name: Brief
        definition: One problem brief, dated when the PM publishes it.
        producer: pm
        steward: pm
        contract:
          enforced_by: A schema check in CI
        weekly_job:
          when: Mondays, 15 minutes
          tasks: [Review last week's briefs]
        ---
        """

    /// The governed object and the base's PM with an agent that reads it
    /// (`reads` and `logs` as written, markers allowed): how the governance
    /// rules show an agent.
    public static func objectReader(reads: String, logs: String) -> RuleExample {
        RuleExample([
            "objects/brief.md": governedObject,
            "roles/pm.md": pm(agents: """
                  - name: Brief Checker
                    input: Draft briefs
                    output: Comments on gaps
                    oversight: The PM reads every comment
                    blast_radius: Read-only
                    delegation: coordinate
                    reads: \(reads)
                    logs: \(logs)
                """),
        ])
    }

    /// `governedObject` with one passage replaced.
    public static func governedObject(replacing target: String, with replacement: String) -> String {
        let parts = governedObject.split(separator: target, maxSplits: 1, omittingEmptySubsequences: false)
        precondition(parts.count == 2, "'\(target)' is not in the example governed object")
        return parts[0] + replacement + parts[1]
    }

    /// A file of the base handbook as it is.
    public static func base(_ path: String) -> String { base[path] ?? "" }

    /// An example that shows one file of the base handbook as it is (a
    /// non-triggering example: the rule is silent on the base).
    public static func showing(_ path: String) -> RuleExample { RuleExample([path: base(path)]) }

    /// A file of the base handbook with one passage replaced (so examples
    /// say only what they change; `handoff explain` shows the whole file).
    public static func base(_ path: String, replacing target: String, with replacement: String) -> String {
        let parts = base(path).split(separator: target, maxSplits: 1, omittingEmptySubsequences: false)
        precondition(parts.count == 2, "'\(target)' is not in the example base's \(path)")
        return parts[0] + replacement + parts[1]
    }

    /// The base's `roles/pm.md` with `agents:` (a YAML list, its items
    /// indented two spaces) after its flows: how agent rules show an agent.
    public static func pm(agents: String) -> String {
        base("roles/pm.md", replacing: "    to: [eng]", with: "    to: [eng]\nagents:\n" + agents)
    }

    /// The example's files: the base with this example's changes.
    public var handbook: [String: String] {
        if isPortfolio { return files.compactMapValues { $0 } }
        var out = Self.base
        for (path, text) in files { out[path] = text }
        return out
    }

    /// Only the files this example changes, as a user would write them
    /// (markers removed), in path order.
    public var shownFiles: [(path: String, text: String)] {
        files.sorted { $0.key < $1.key }.filter { shown?.contains($0.key) ?? true }.compactMap { path, text in text.map { (path, Self.unmarked($0)) } }
    }

    /// The text without its `1️⃣` markers (a digit, U+FE0F, U+20E3).
    public static func unmarked(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if i + 2 < scalars.count, scalars[i + 1] == "\u{FE0F}", scalars[i + 2] == "\u{20E3}" {
                i += 3
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }
}

extension RuleExample {
    /// A file's bytes: its text, with each `⟨0xHH⟩` written as that one byte
    /// (how an example shows a byte that is not UTF-8).
    public static func bytes(of text: String) -> [UInt8] {
        var out: [UInt8] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "⟨", i + 5 < scalars.count, scalars[i + 1] == "0", scalars[i + 2] == "x", scalars[i + 5] == "⟩",
               let byte = UInt8(String(String.UnicodeScalarView(scalars[(i + 3)...(i + 4)])), radix: 16) {
                out.append(byte)
                i += 6
                continue
            }
            out += Array(String(scalars[i]).utf8)
            i += 1
        }
        return out
    }
}
