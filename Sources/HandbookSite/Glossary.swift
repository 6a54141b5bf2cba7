import HandbookModel
import Markup

/// `glossary.html`: the words of the way of working the pages use (the
/// engagement levels, contracts and gates, the agent guardrails, the
/// Winter-Tear test, governed objects), each a sentence or two in plain
/// words; badges and legends link to its entries.
enum Glossary {
    struct Entry {
        var id: String
        var term: String
        var text: String
    }

    static let entries: [Entry] = [
        Entry(id: "engagement", term: "Engagement: lead, support, consult",
              text: "How much a role takes part in a stage. The lead owns the stage's outcome and its decisions; a supporting role does part of the work; a consulted role is asked for its view before decisions are made. A stage has one lead."),
        Entry(id: "context", term: "Context",
              text: "Something one role produces and another needs to do its work: a problem brief, a data set, an architecture decision. Each role lists the context it consumes (context in) and produces (context out); every consumed context needs a producer."),
        Entry(id: "contract", term: "Handoff contract",
              text: "The agreement at a stage boundary between the role that hands work over and the role that picks it up: which context crosses, which gates it must pass, and how soon the receiver acknowledges it."),
        Entry(id: "gate", term: "Gate",
              text: "A condition the handed-over context must meet, written so that anyone can check it (\"cites three data points\", not \"is good enough\"). A gate with a preference word and no number is reported as vague."),
        Entry(id: "boundary", term: "Boundary",
              text: "The step from one lifecycle stage to the next. A contract names the boundary it covers; every boundary should have one."),
        Entry(id: "agent", term: "Agent",
              text: "An AI agent a role runs: its input and output, who oversees it (oversight), what it can break at worst (blast radius), and whether it only reads or also writes. An agent that writes needs a human confirmation step and a staging area."),
        Entry(id: "delegation", term: "Delegation: delegated or coordinated",
              text: "A delegated agent works on its own and its result is used as it is; a coordinated agent works beside a person, who combines and checks its output. Delegation suits tasks that tolerate errors, use one tool and stand alone."),
        Entry(id: "winter-tear-test", term: "Winter-Tear test: specialist or copilot",
              text: "An agent is a specialist when it names its source of truth, the service level it keeps and the audit trail it leaves; otherwise it is a copilot, whose output a person should check before relying on it. A delegated copilot is reported."),
        Entry(id: "source-of-truth", term: "Source of truth",
              text: "The system or data set the agent's answers come from, so that anyone can check one against it."),
        Entry(id: "service-level", term: "Service level",
              text: "What the agent promises: how fresh, how fast or how accurate its output is."),
        Entry(id: "audit-trail", term: "Audit trail",
              text: "The record the agent leaves of what it did and from which input, so a result can be traced back."),
        Entry(id: "governed-object", term: "Governed object",
              text: "A piece of data the product promises is true (a patient, a claim, an order): one definition, a producer, a steward, and a data contract that fails a pipeline when it is broken."),
        Entry(id: "steward", term: "Steward and weekly job",
              text: "The role that looks after a governed object, with a standing weekly job: when it happens and what it checks."),
        Entry(id: "timing", term: "Timebox, handoff budget and cycle budget",
              text: "A stage's timebox is how long it may take; a contract's acknowledge and next-stage times make the handoff's budget; the cycle budget is the whole lifecycle's appetite. The overview adds them up at the seams."),
        Entry(id: "risks", term: "The five risks and their owners",
              text: "Value (will customers use it), usability (can they), feasibility (can we build it), business viability (does it work for the business) and ethical data risk (should we, with this data). Each has one owner who decides when it is at stake; a risk everyone owns, nobody does. The ethical owner takes part from the first stage to the release and may hold a release back."),
        Entry(id: "extended-team", term: "Extended team",
              text: "People outside the team (legal, clinical, compliance) who help shape the work in its first stages, instead of approving it at the end, when a change costs weeks."),
        Entry(id: "synthesis", term: "Synthesis",
              text: "What an agent makes by joining two or more governed objects. Neither object's data contract covers the result, so the agent says what checks it."),
    ]

    /// The page's content (inside the layout).
    static func html() -> String {
        var out = "<h1>Glossary</h1>\n<p class=\"lede\">The words this handbook uses for how its roles work together, in plain terms.</p>\n<dl class=\"glossary\">\n"
        for entry in entries {
            out += "<dt id=\"\(entry.id)\">\(HTMLText.escape(entry.term))</dt>\n<dd>\(HTMLText.escape(entry.text))</dd>\n"
        }
        return out + "</dl>\n"
    }
}
