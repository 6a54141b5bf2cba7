extension RuleID {
    /// How to fix a diagnostic of this rule: SARIF's `help`, shown by code scanning.
    public var help: String {
        switch rawValue {
        case "yaml-syntax": "Every content file starts with YAML front matter between two '---' lines. Fix the YAML at the position shown: quoting, indentation, a duplicate key or an unclosed bracket."
        case "missing-field": "Add the field the message names. FORMAT.md lists the required fields of every kind of file."
        case "invalid-value": "Use a value of the expected type and set: engagement is lead, support or consult; access is read or write; delegation is delegate or coordinate; durations look like 24h, 2d or 1w."
        case "invalid-id": "Ids are file names without .md: lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters, directly inside stages/, roles/, contexts/, contracts/ or pages/."
        case "unknown-field": "Remove the field or correct its spelling; the note suggests the closest defined field."
        case "unknown-stage": "Use a stage id from the lifecycle in handbook.yaml, add the stage to the lifecycle, or create stages/<id>.md for every lifecycle stage."
        case "unknown-role": "Use an existing role id (a file in roles/) or an external id declared under external: in handbook.yaml. Contracts connect roles only."
        case "orphaned-context-in": "A role consumes a context its producer does not send it. Add the context to the producer's context_out with this role (or all) in to, or correct the context id."
        case "unconsumed-context-out": "A role sends a context that the receiving role does not take in. Add a matching context_in to the receiver, or remove the receiver from to."
        case "context-hoarding": "A role that consumes context but produces none keeps what it learns. Declare what it hands on in context_out."
        case "stage-without-lead": "Give one role 'lead' engagement in this stage, so that someone owns its outcome."
        case "contract-unproduced": "The contract's from role must list the carried context in its context_out with the to role (or all) as a target."
        case "contract-unconsumed": "The contract's to role must list the carried context in its context_in with the from role as its source."
        case "contract-not-engaged": "The sending role should be engaged in the boundary's first stage and the receiving role in its second; adjust engagement or the boundary."
        case "backward-handoff": "A handoff moves forward: the boundary's second stage comes after its first in the lifecycle."
        case "contract-without-gates": "Add gates: checkable constraints the handoff must pass, such as 'Problem backed by at least 3 customer data points'."
        case "vague-gate": "Replace preference words (good, relevant, enough, clear...) with something a reviewer can check: a number, a named artifact, a yes/no fact."
        case "agent-without-guardrails": "Every agent needs oversight (who checks its work) and blast_radius (what it can touch)."
        case "unguarded-write-agent": "An agent with access: write needs confirmation (how destructive actions are confirmed) and staging (where mutations run first)."
        case "delegation-mismatch": "Delegate only work with high error tolerance, a single tool and independent pieces; otherwise use delegation: coordinate."
        case "broken-link": "Point the link at an existing content file (relative path ending in .md) and an existing heading anchor."
        case "raw-html-removed": "Raw HTML is kept after a sanitizer like GitHub's: structural and inline tags, img, details, tables, and safe attributes with http, https, mailto or relative URLs. Remove what it lists (script, style, event handlers, class, style=...), or set raw_html: drop in handbook.yaml to drop raw HTML altogether."
        case "bad-encoding": "Save the file as UTF-8. The byte shown is not UTF-8 (often Latin-1 or Windows-1252 text); the page shows U+FFFD in its place until it is fixed."
        case "unsafe-input": "handoff refuses files over 1 MiB, Markdown bodies over its complexity limits (size, table cells and columns, nesting, repeated inline markers) and symlinks that leave the content or templates folder. Split the page, or raise a limit with --limit NAME=VALUE."
        default: summary
        }
    }
}
