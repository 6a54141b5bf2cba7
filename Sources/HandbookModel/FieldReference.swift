/// Every field a handbook file may hold, described once: the decoders take
/// their field names from here, `handoff explain role.engagement` prints
/// an entry, and docs/format.md's field tables are generated from it (a test
/// keeps them in step). Adding a field is an entry here and its reading in
/// the decoder.
public struct FieldSpec: Sendable {
    /// The YAML name (`blast_radius`).
    public let name: String
    /// What it holds, in words ("a duration: 24h, 2d or 1w").
    public let type: String
    public let required: Bool
    /// What an absent field means ("read"), or "" when nothing is assumed.
    public let absent: String
    /// One line: what the field is for.
    public let summary: String
    /// The value as a user writes it (YAML, possibly several lines).
    public let example: String

    public init(_ name: String, _ type: String, required: Bool = false, absent: String = "", _ summary: String, example: String) {
        self.name = name
        self.type = type
        self.required = required
        self.absent = absent
        self.summary = summary
        self.example = example
    }
}

/// The fields of one mapping: a file's front matter, handbook.yaml, or a
/// mapping inside one (an agent, a trigger).
public struct FieldGroup: Sendable {
    /// How `explain` names it: `role`, `role.agents`, `contract.trigger`.
    public let id: String
    /// Where it stands, in words ("roles/<id>.md front matter").
    public let place: String
    public let fields: [FieldSpec]

    public var names: [String] { fields.map(\.name) }

    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}

public enum FieldReference {
    public static let settings = FieldGroup(id: "handbook", place: "handbook.yaml", fields: [
        .init("title", "text", required: true, "The handbook's name: the site's title and every page's.", example: "Data Product Team Handbook"),
        .init("description", "text", "One sentence under the title on the overview, and the site's meta description.", example: "How our roles hand work to each other."),
        .init("repository", "a URL", absent: "no \"Edit this page\" links",
              "Where the content is edited: each page links to its file under this address.", example: "https://github.com/acme/handbook/blob/main"),
        .init("lifecycle", "a list of stage ids, in order", required: true,
              "The stages work moves through; each needs stages/<id>.md. The order is the order of the work.", example: "[discover, decide, build, test, ship, evaluate]"),
        .init("external", "a mapping: id → name, or id → {name, engaged}", absent: "no externals",
              "Actors outside the team that may send or receive context (in a flow's from or to); with engaged, collaborators in those stages (the extended team).",
              example: "\n  leadership: Leadership\n  compliance:\n    name: Compliance office\n    engaged: [discover, build]"),
        .init("risks", "a mapping: value, usability, feasibility, viability, ethical → one role id", absent: "no risk owners (no risk rule applies)",
              "The kernel's five risks, one owner each; the ethical owner should be engaged in every stage and may delay a release.",
              example: "\n  value: pm\n  usability: designer\n  feasibility: architect\n  viability: pm\n  ethical: data-lead"),
        .init("severity", "a mapping: rule id → error, warning or off", absent: "each rule's default",
              "Changes a rule's severity (off drops it); yaml-syntax, missing-field, invalid-value, invalid-id and unsafe-input cannot change.",
              example: "\n  vague-gate: error\n  context-hoarding: off"),
        .init("cycle_budget", "a duration: <n>h, <n>d or <n>w", absent: "no budget",
              "The appetite for one pass through the lifecycle; cycle-over-budget warns when the stages and handoffs add up to more.", example: "8w"),
        .init("raw_html", "sanitize or drop", absent: "sanitize", "What happens to raw HTML in bodies: kept after the sanitizer, or dropped (reported either way).", example: "drop"),
        .init("url", "a URL", absent: "all links stay relative",
              "Where the site is published: absolute addresses in the sitemap, canonical links and llms.txt.", example: "https://acme.github.io/handbook/"),
    ])

    /// `aliases`, which every kind of content file may list (FORMAT.md, Renames).
    public static let aliases = FieldSpec("aliases", "a list of former ids", absent: "no redirects",
        "Former ids of this file (a page: former paths without .md, or site paths starting with /): each old address stays alive as a redirect to this page.",
        example: "[data-pm]")

    public static let stage = FieldGroup(id: "stage", place: "stages/<id>.md front matter", fields: [
        .init("name", "text", required: true, "The stage's name.", example: "Discover"),
        .init("question", "text", required: true, "The question the stage answers.", example: "What problem are we solving, and is it worth solving?"),
        .init("output", "text", required: true, "What the stage hands on when it is done.", example: "A problem brief with validated need and feasibility signals."),
        .init("timebox", "a duration: <n>h, <n>d or <n>w", absent: "no timebox (the cycle's time is unbounded)",
              "The stage's appetite: how long it may take.", example: "2w"),
        aliases,
    ])

    public static let role = FieldGroup(id: "role", place: "roles/<id>.md front matter", fields: [
        .init("name", "text", required: true, "The role's name.", example: "Data PM"),
        .init("purpose", "text", required: true, "Why the role exists, in one sentence.", example: "Keep the team on valuable problems."),
        .init("engagement", "a mapping: stage id → lead, support or consult", required: true,
              "How the role takes part in each stage; a stage not listed: not engaged. Every stage needs a lead.",
              example: "\n  discover: lead\n  decide: lead\n  build: support"),
        .init("context_in", "a list of entries (role.context_in)", absent: "consumes nothing",
              "The context the role consumes, each from a role or an external.", example: "\n  - context: technical-constraints\n    from: architect"),
        .init("context_out", "a list of entries (role.context_out)", absent: "produces nothing",
              "The context the role produces, each for roles, externals or all.", example: "\n  - context: problem-brief\n    to: [architect, engineer]"),
        .init("agents", "a list of entries (role.agents)", absent: "no agents", "The AI agents the role runs, each with its guardrails.",
              example: "\n  - name: Feedback Analyzer\n    input: Support tickets\n    output: A weekly pattern report\n    oversight: The PM checks patterns before use\n    blast_radius: Read-only\n    delegation: coordinate"),
        .init("workflows", "a list of entries (role.workflows)", absent: "no workflows", "The role's recurring work: a trigger and steps in one stage.",
              example: "\n  - name: Discover loop\n    stage: discover\n    trigger: A new cycle begins\n    steps: [Gather feedback, Synthesize, Hand off]"),
        aliases,
    ])

    public static let contextIn = FieldGroup(id: "role.context_in", place: "an entry of a role's context_in", fields: [
        .init("context", "a context id", required: true, "What is consumed.", example: "technical-constraints"),
        .init("from", "a role or external id", required: true,
              "Who produces it; a role must list it in its context_out for this role (or all).", example: "architect"),
        .init("cadence", "text", "How often it arrives.", example: "per cycle"),
    ])

    public static let contextOut = FieldGroup(id: "role.context_out", place: "an entry of a role's context_out", fields: [
        .init("context", "a context id", required: true, "What is produced.", example: "problem-brief"),
        .init("to", "a list of role or external ids, or [all]", required: true, "Who receives it; each receiving role should list it in context_in.", example: "[architect, engineer]"),
        .init("cadence", "text", "How often it is sent.", example: "per cycle"),
        .init("format", "text", "What it looks like.", example: "Markdown brief, 2 pages"),
    ])

    public static let agent = FieldGroup(id: "role.agents", place: "an entry of a role's agents", fields: [
        .init("name", "text", required: true, "The agent's name, unique in its role.", example: "Feedback Analyzer"),
        .init("input", "text", required: true, "What it reads.", example: "Support tickets, NPS responses"),
        .init("output", "text", required: true, "What it produces.", example: "Weekly pattern report"),
        .init("oversight", "text", required: true, "Who checks its work before it is used (agent-without-guardrails when absent).", example: "PM validates patterns before use"),
        .init("blast_radius", "text", required: true, "What it can touch, and so what it can break (agent-without-guardrails when absent).", example: "Read-only; cannot file tickets"),
        .init("access", "read or write", absent: "read", "Whether it changes anything; write also needs confirmation and staging.", example: "write"),
        .init("delegation", "delegate or coordinate", required: true, "Whether it works alone on its task (delegate) or with a person in the loop (coordinate).", example: "coordinate"),
        .init("error_tolerance", "high or low", "How costly its mistakes are; low with delegate is delegation-mismatch.", example: "high"),
        .init("tool_span", "single or multiple", "How many tools it drives; multiple with delegate is delegation-mismatch.", example: "single"),
        .init("independence", "independent or interdependent", "Whether its work depends on others'; interdependent with delegate is delegation-mismatch.", example: "independent"),
        .init("confirmation", "text", required: false, absent: "required when access is write",
              "How destructive actions are confirmed (unguarded-write-agent when a write agent lacks it).", example: "Each deletion asks the on-duty engineer"),
        .init("staging", "text", absent: "required when access is write",
              "Where its changes run first (unguarded-write-agent when a write agent lacks it).", example: "A staging workspace refreshed nightly"),
        .init("source_of_truth", "text", absent: "a copilot by the Winter-Tear test", "The Winter-Tear test: what it trusts as true.", example: "Support tool export, refreshed nightly"),
        .init("service_level", "text", absent: "a copilot by the Winter-Tear test", "The Winter-Tear test: when its output is due.", example: "Report by 9:00 every Monday"),
        .init("audit_trail", "text", absent: "a copilot by the Winter-Tear test", "The Winter-Tear test: where its runs are recorded.", example: "Runs logged in the ops channel with inputs"),
        .init("reads", "a list of governed object ids", absent: "reads no governed object", "The governed objects it reads (objects/<id>.md).", example: "[encounter]"),
        .init("logs", "a list of contract-version, freshness, input-hash", absent: "logs nothing",
              "What each run records; an agent that reads a governed object should log all three.", example: "[contract-version, freshness, input-hash]"),
        .init("synthesis", "text", absent: "unchecked-synthesis when it reads two or more governed objects",
              "What checks what it makes by combining governed objects, which neither object's contract covers.", example: "Cohort summaries are compared with the lab's baselines each week"),
    ])

    /// An entry of `external` written as a mapping.
    public static let external = FieldGroup(id: "handbook.external", place: "an entry of external in handbook.yaml, as a mapping", fields: [
        .init("name", "text", absent: "the id", "The collaborator's name.", example: "Compliance office"),
        .init("engaged", "a list of stage ids", absent: "not part of the extended team",
              "The stages where they shape the work with the team (late-extended-team when the first comes after the second lifecycle stage).", example: "[discover, build]"),
    ])

    /// `risks` in handbook.yaml: one role id per risk.
    public static let risks = FieldGroup(id: "handbook.risks", place: "risks in handbook.yaml", fields: Settings.Risk.allCases.map { risk in
        .init(risk.rawValue, "a role id", absent: "unowned-risk", "Who owns the \(risk.title.lowercased()) risk: one role, never a list.", example: risk == .ethical ? "data-lead" : "pm")
    })

    public static let workflow = FieldGroup(id: "role.workflows", place: "an entry of a role's workflows", fields: [
        .init("name", "text", required: true, "The workflow's name.", example: "Discover loop"),
        .init("stage", "a stage id", required: true, "The stage it runs in.", example: "discover"),
        .init("trigger", "text", required: true, "What starts it.", example: "A new cycle begins"),
        .init("steps", "a list of texts", required: true, "What happens, in order.", example: "[Gather feedback, Synthesize, Validate, Hand off]"),
    ])

    public static let context = FieldGroup(id: "context", place: "contexts/<id>.md front matter", fields: [
        .init("name", "text", required: true, "The context's name (without a file, its id in words).", example: "Problem Brief"),
        .init("description", "text", "What the context is, in one sentence.", example: "What we solve and why."),
        aliases,
    ])

    public static let contract = FieldGroup(id: "contract", place: "contracts/<id>.md front matter", fields: [
        .init("name", "text", required: true, "The contract's name.", example: "Problem Brief Handoff"),
        .init("from", "a role id", required: true, "The role that hands over.", example: "pm"),
        .init("to", "a role id", required: true, "The role that takes over (one per contract).", example: "architect"),
        .init("boundary", "two stage ids: first -> second (→ also)", required: true, "The seam it covers: two consecutive lifecycle stages.", example: "discover -> decide"),
        .init("carries", "a list of context ids", required: true, "The context that crosses; the sender must produce it for the receiver, who must consume it.", example: "[problem-brief]"),
        .init("required", "a mapping: field → what it must hold", "What the handed-over context must contain.",
              example: "\n  customer_problem: Validated by evidence, not assumption"),
        .init("gates", "a list of texts", required: true, "Checkable constraints the handoff must pass (contract-without-gates when absent).",
              example: "\n  - Problem validated with 3+ customer data points"),
        .init("trigger", "a mapping (contract.trigger)", absent: "untimed (untimed-contract)", "How fast the handoff is picked up.",
              example: "\n  acknowledge_within: 24h\n  next_stage_within: 48h"),
        aliases,
    ])

    public static let trigger = FieldGroup(id: "contract.trigger", place: "a contract's trigger", fields: [
        .init("acknowledge_within", "a duration: <n>h, <n>d or <n>w", absent: "untimed (untimed-contract)", "How soon the receiver acknowledges.", example: "24h"),
        .init("next_stage_within", "a duration: <n>h, <n>d or <n>w", absent: "unbounded", "How soon the next stage starts.", example: "48h"),
    ])

    public static let object = FieldGroup(id: "object", place: "objects/<id>.md front matter", fields: [
        .init("name", "text", required: true, "The governed object's name.", example: "Encounter"),
        .init("definition", "text", required: true, "The business definition.", example: "One clinical visit, dated when the clinician saw the patient."),
        .init("producer", "a role id", required: true, "The role whose work creates it.", example: "platform"),
        .init("steward", "a role id", required: true, "The role that keeps it true, with a weekly job.", example: "steward"),
        .init("consumers", "a list of role or external ids", "Who uses it.", example: "[analyst, clinicians]"),
        .init("contract", "a mapping (object.contract)", required: true, "The executable data contract.",
              example: "\n  enforced_by: dbt tests in models/encounter.yml\n  freshness: 24h"),
        .init("weekly_job", "a mapping (object.weekly_job)", required: true, "The steward's standing job.",
              example: "\n  when: Wednesdays, 30 minutes\n  tasks: [Triage last week's contract breaks]"),
        aliases,
    ])

    public static let dataContract = FieldGroup(id: "object.contract", place: "a governed object's contract", fields: [
        .init("enforced_by", "text", absent: "unenforced (unenforced-data-contract)", "Where it runs and fails the pipeline.", example: "dbt tests in models/encounter.yml"),
        .init("freshness", "a duration: <n>h, <n>d or <n>w", "How old the data may be.", example: "24h"),
        .init("completeness", "a list of texts", "Columns that are never null.", example: "[encounter_id, patient_id]"),
        .init("cardinality", "text", "How many rows to expect.", example: "8,000 to 12,000 rows a day"),
        .init("rules", "a list of texts (at least one)", "Business rules the data must keep.", example: "[Effective date is not before the birth date]"),
    ])

    public static let weeklyJob = FieldGroup(id: "object.weekly_job", place: "a governed object's weekly_job", fields: [
        .init("when", "text", required: true, "When the steward does it.", example: "Wednesdays, 30 minutes"),
        .init("tasks", "a list of texts", required: true, "What the job is.", example: "[Triage last week's contract breaks, Check drift on the 4 key fields]"),
    ])

    public static let page = FieldGroup(id: "page", place: "pages/**.md front matter (optional)", fields: [
        .init("name", "text", absent: "the first # heading, else the file's name", "The page's title.", example: "How we review changes"),
        .init("title", "text", "The same as name (what Hugo and Jekyll write).", example: "How we review changes"),
        .init("order", "a number", absent: "SUMMARY.md's order, then by title", "The page's place among its folder's pages.", example: "2"),
        .init("weight", "a number", "The same as order (Hugo's name).", example: "2"),
        .init("description", "text", absent: "the first paragraph", "The page's meta description.", example: "Who answers the pager, and how to hand over."),
        .init("summary", "text", "The same as description.", example: "Who answers the pager."),
        .init("draft", "true or false", absent: "false", "A draft is read but not published; a link to it is broken-link.", example: "true"),
        aliases,
    ])

    /// portfolio.yaml (FORMAT.md, A portfolio of handbooks).
    public static let portfolio = FieldGroup(id: "portfolio", place: "portfolio.yaml", fields: [
        .init("title", "text", required: true, "The portfolio's name: its overview's title.", example: "Clinical Data Products"),
        .init("handbooks", "a list of folders", required: true, "The handbooks, each a folder beside portfolio.yaml with its own content/, in the order they are checked and listed.", example: "[cohorts, claims]"),
        .init("constraints", "a mapping", absent: "no constraints", "What every product must make true: objects_agree, risks, gates.", example: "\n  objects_agree: true"),
    ])

    /// `constraints` in portfolio.yaml.
    public static let portfolioConstraints = FieldGroup(id: "portfolio.constraints", place: "constraints in portfolio.yaml", fields: [
        .init("objects_agree", "true or false", absent: "false", "One governed object id, one definition across the handbooks (conflicting-definition).", example: "true"),
        .init("risks", "a list of value, usability, feasibility, viability, ethical", absent: "none", "Risks every handbook names an owner for (portfolio-risk).", example: "[ethical]"),
        .init("gates", "a list of {into, matching}", absent: "none", "Gates every contract into a stage must have (portfolio-gate).", example: "\n    - into: last\n      matching: \"(?i)bias\""),
    ])

    /// An entry of `constraints.gates`.
    public static let portfolioGate = FieldGroup(id: "portfolio.constraints.gates", place: "an entry of constraints.gates in portfolio.yaml", fields: [
        .init("into", "a stage id, or last", required: true, "The stage the contracts lead into; last is each handbook's last lifecycle stage.", example: "last"),
        .init("matching", "a regular expression", required: true, "What one of each such contract's gates must match.", example: "\"(?i)bias\""),
    ])

    /// Every group, in the order of docs/format.md.
    public static let groups: [FieldGroup] = [settings, external, risks, stage, role, contextIn, contextOut, agent, workflow, context, contract, trigger,
                                              object, dataContract, weeklyJob, page, portfolio, portfolioConstraints, portfolioGate]

    /// `role`, `role.agents`, `role.engagement`, `role.agents.delegation`,
    /// `agent.delegation` (a group's last word names it too): the group, and
    /// the field when the name goes on to one.
    public static func lookup(_ name: String) -> (group: FieldGroup, field: FieldSpec?)? {
        if let group = groups.first(where: { $0.id == name || alias($0.id) == name }) { return (group, nil) }
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let owner = String(name[..<dot])
        let field = String(name[name.index(after: dot)...])
        guard let group = groups.first(where: { $0.id == owner || alias($0.id) == owner }), let spec = group.field(field) else { return nil }
        return (group, spec)
    }

    /// Shorter names for nested groups: `agent` for `role.agents`, `trigger` for `contract.trigger`.
    static func alias(_ id: String) -> String? {
        switch id {
        case "role.agents": "agent"
        case "role.workflows": "workflow"
        case "role.context_in": "context_in"
        case "role.context_out": "context_out"
        case "contract.trigger": "trigger"
        case "object.contract": "data_contract"
        case "object.weekly_job": "weekly_job"
        case "handbook": "handbook.yaml"
        default: nil
        }
    }

    /// Every name `lookup` knows, for "did you mean".
    public static var names: [String] {
        groups.flatMap { group in
            let ids = [group.id] + (alias(group.id).map { [$0] } ?? [])
            return ids + ids.flatMap { id in group.fields.map { id + "." + $0.name } }
        }
    }
}
