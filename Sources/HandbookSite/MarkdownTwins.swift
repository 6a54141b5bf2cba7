import Diagnostics
import HandbookModel
import Markup

/// The handbook for agents: each page's Markdown twin beside it (`roles/pm.md`
/// beside `roles/pm.html`: what the page says, fields as headings, lists and
/// tables, links to other twins), `llms.txt` (the site's map: title, summary,
/// a section per kind with one link and one line per page) and
/// `llms-full.txt` (every twin in one file), and a skill per role
/// (`agents/<role>/SKILL.md`, Agent Skills format). Made from the model, not
/// from the HTML, so an agent reads the same facts a person sees.
struct MarkdownTwins {
    let graph: SiteGraph
    let publishing: Publishing
    /// Links are written from `agents/<role>/SKILL.md`, two folders below the root.
    var fromSkill = false

    /// A twin longer than this is cut at a line break before it, with a last
    /// line saying so and linking the page (llms.txt's advice: files an agent
    /// can read whole).
    static let limit = 50_000

    // MARK: Twins

    func twin(_ page: PageRef) -> String {
        var out: String
        switch page.kind {
        case .index: out = overview(page)
        case .entity(.roles): out = role(graph.handbook.roles[page.id]!, page)
        case .entity(.stages): out = stage(graph.handbook.stages[page.id]!, page)
        case .entity(.contracts): out = contract(graph.handbook.contracts[page.id]!, page)
        case .entity(.contexts): out = context(page.id, page)
        case .entity(.objects): out = object(graph.handbook.objects[page.id]!, page)
        case .entity(.pages): out = prose(graph.handbook.pages[page.id]!, page)
        case .list, .folder: out = listing(page)
        }
        return Self.capped(out.utf8.contains(0) ? out.replacingAll("\u{0}", with: "\u{FFFD}") : out, page: page)
    }

    static func capped(_ text: String, page: PageRef) -> String {
        guard text.utf8.count > limit else { return text }
        var bytes = Array(text.utf8.prefix(limit - 200))
        while let last = bytes.last, last != 0x0A { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
            + "\n*This page is longer than \(limit / 1000),000 characters: the rest is on [the page](\(page.path.split(separator: "/").last ?? "")).*\n"
    }

    /// A link to another page's twin, relative to this one.
    func link(_ target: PageRef, from page: PageRef, text: String? = nil) -> String {
        let href = fromSkill ? "../../" + SiteLayout.twin(of: target.urlPath) : SiteLayout.twin(of: page.href(to: target))
        return "[\(Self.escaped(text ?? graph.title(of: target)))](\(href))"
    }

    func actor(_ id: String, from page: PageRef) -> String {
        graph.isRole(id) ? link(PageRef(.roles, id), from: page) : Self.escaped(graph.actorName(id)) + (id == ContextOut.everyone ? "" : " (outside the team)")
    }

    static func escaped(_ text: String) -> String {
        // Bytes, not Characters: most titles have nothing to escape, and
        // iterating Characters was a tenth of the twins' time.
        func special(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "*"), UInt8(ascii: "_"),
                 UInt8(ascii: "`"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"): true
            default: false
            }
        }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if special(byte) { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A body's Markdown with its links to content files pointing at twins
    /// (`../roles/pm.md` stays; `/roles/pm.md` becomes relative; a link to a
    /// page's folder goes to its index twin); images and other files as the
    /// site publishes them.
    func body(_ body: Body, file: String) -> String {
        let files = graph.handbook.files
        var map: [String: String] = [:]
        for link in body.links where map[link.destination] == nil {
            guard link.target != nil else { continue }
            let href = files.href(for: link.destination, from: file)
            let path = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let twin = path[0].hasSuffix(".html") ? SiteLayout.twin(of: String(path[0])) + (path.count > 1 ? "#" + path[1] : "") : href
            if twin != link.destination { map[link.destination] = twin }
        }
        return Self.rewritingDestinations(body.markdown, map).trimmingWhitespace()
    }

    /// `text` with each link destination found in `map` (after `](` or a
    /// reference definition's `]: `) replaced, in one pass over the bytes.
    static func rewritingDestinations(_ text: String, _ map: [String: String]) -> String {
        guard !map.isEmpty else { return text }
        let bytes = Array(text.utf8)
        let n = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(n + 256)
        var i = 0
        while i < n {
            if bytes[i] == UInt8(ascii: "]"), i + 1 < n {
                var start = -1
                if bytes[i + 1] == UInt8(ascii: "(") { start = i + 2 }
                else if bytes[i + 1] == UInt8(ascii: ":"), i + 2 < n, bytes[i + 2] == UInt8(ascii: " ") { start = i + 3 }
                if start >= 0 {
                    var end = start
                    while end < n, bytes[end] != UInt8(ascii: ")"), bytes[end] != UInt8(ascii: " "), bytes[end] != 0x0A { end += 1 }
                    out += bytes[i..<start]
                    if let replacement = map[String(decoding: bytes[start..<end], as: UTF8.self)] {
                        out += replacement.utf8
                    } else {
                        out += bytes[start..<end]
                    }
                    i = end
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    func section(_ title: String, _ lines: [String]) -> String {
        lines.isEmpty ? "" : "\n## \(title)\n\n" + lines.joined(separator: "\n") + "\n"
    }

    func table(_ header: [String], _ rows: [[String]]) -> [String] {
        guard !rows.isEmpty else { return [] }
        let cell = { (text: String) in text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ") }
        return ["| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in "---|" }.joined()]
            + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
    }

    func notes(_ body: Body, file: String) -> String {
        let text = self.body(body, file: file)
        return text.isEmpty ? "" : "\n## Notes\n\n" + text + "\n"
    }

    func contractLine(_ contract: Contract, from page: PageRef) -> String {
        var line = "- " + link(PageRef(.contracts, contract.id), from: page)
        if let boundary = contract.boundary {
            line += ": \(Self.escaped(graph.title(of: PageRef(.stages, boundary.from)))) → \(Self.escaped(graph.title(of: PageRef(.stages, boundary.to))))"
        }
        line += ", " + [contract.from, contract.to].map { $0.map { actor($0.value, from: page) } ?? "?" }.joined(separator: " → ")
        return line
    }

    func role(_ role: Role, _ page: PageRef) -> String {
        var out = "# \(role.name)\n\nRole `\(role.id)`. \(role.purpose)\n"
        let owned = graph.settings.risks(ownedBy: role.id)
        if !owned.isEmpty {
            out += "\nOwns " + Settings.Risk.phrase(owned)
                + (owned.contains(.ethical) ? "; as the owner of ethical data risk it is engaged in every stage and may delay a release.\n" : ".\n")
        }
        out += section("Engagement", table(["Stage", "Engagement"], graph.stages.map { stage in
            [link(PageRef(.stages, stage.id), from: page), role.engagement[stage.id]?.level.label ?? "not engaged"]
        }))
        out += section("Context in", table(["Context", "From", "Cadence"], role.contextIn.map { flow in
            [link(PageRef(.contexts, flow.context.value), from: page), actor(flow.from.value, from: page), flow.cadence ?? ""]
        }))
        out += section("Context out", table(["Context", "To", "Cadence", "Format"], role.contextOut.map { flow in
            [link(PageRef(.contexts, flow.context.value), from: page), flow.to.map { actor($0.value, from: page) }.joined(separator: ", "),
             flow.cadence ?? "", flow.format ?? ""]
        }))
        out += section("Handoff contracts it sends", (graph.contractsFrom[role.id] ?? []).map { contractLine($0, from: page) })
        out += section("Handoff contracts it receives", (graph.contractsTo[role.id] ?? []).map { contractLine($0, from: page) })
        if !role.agents.isEmpty {
            out += "\n## Agents\n"
            for agent in role.agents { out += "\n" + self.agent(agent, from: page) }
        }
        if !role.workflows.isEmpty {
            out += "\n## Workflows\n"
            for workflow in role.workflows {
                out += "\n### \(Self.escaped(workflow.name))\n\n"
                if let stage = workflow.stage { out += "In " + link(PageRef(.stages, stage.value), from: page) + ". " }
                out += "Starts when: \(workflow.trigger)\n\n" + workflow.steps.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n") + "\n"
            }
        }
        let stewards = graph.objects.filter { $0.steward?.value == role.id }.map { "- steward of " + link(PageRef(.objects, $0.id), from: page) }
        let produces = graph.objects.filter { $0.producer?.value == role.id }.map { "- producer of " + link(PageRef(.objects, $0.id), from: page) }
        out += section("Governed objects", stewards + produces)
        return out + notes(role.body, file: role.file)
    }

    func agent(_ agent: Agent, from page: PageRef) -> String {
        var lines = ["### \(Self.escaped(agent.name))", ""]
        var facts: [(String, String)] = [("Input", agent.input), ("Output", agent.output), ("Oversight", agent.oversight ?? ""),
                                         ("Blast radius", agent.blastRadius ?? ""), ("Access", agent.access.rawValue),
                                         ("Delegation", agent.delegation?.value == .delegate ? "delegated" : "coordinated"),
                                         ("Winter-Tear test", agent.winterTearClass == .specialist ? "specialist" : "copilot")]
        facts += [("Confirmation", agent.confirmation ?? ""), ("Staging", agent.staging ?? ""), ("Source of truth", agent.sourceOfTruth ?? ""),
                  ("Service level", agent.serviceLevel ?? ""), ("Audit trail", agent.auditTrail ?? ""), ("Synthesis", agent.synthesis ?? ""),
                  ("Logs", agent.logs.map(\.rawValue).joined(separator: ", "))]
        if !agent.reads.isEmpty {
            facts.append(("Reads", agent.reads.map { graph.handbook.objects[$0.value] != nil ? link(PageRef(.objects, $0.value), from: page) : $0.value }.joined(separator: ", ")))
        }
        for (name, value) in facts where !value.isEmpty { lines.append("- \(name): \(value)") }
        return lines.joined(separator: "\n") + "\n"
    }

    func stage(_ stage: Stage, _ page: PageRef) -> String {
        var out = "# \(stage.name)\n\nStage `\(stage.id)`. \(stage.question)\n\nOutput: \(stage.output)\n"
        if let timebox = stage.timebox { out += "\nTimebox: \(timebox.words)\n" }
        for level in Engagement.allCases {
            let roles = graph.roles.filter { $0.engagement[stage.id]?.level == level }.map { "- " + link(PageRef(.roles, $0.id), from: page) }
            out += section(level == .lead ? "Led by" : level == .support ? "Supported by" : "Consulted", roles)
        }
        out += section("Contracts into this stage", (graph.contractsEntering[stage.id] ?? []).map { contractLine($0, from: page) })
        out += section("Contracts out of this stage", (graph.contractsLeaving[stage.id] ?? []).map { contractLine($0, from: page) })
        return out + notes(stage.body, file: stage.file)
    }

    func contract(_ contract: Contract, _ page: PageRef) -> String {
        var out = "# \(contract.name)\n\nHandoff contract `\(contract.id)`"
        out += ": from " + (contract.from.map { actor($0.value, from: page) } ?? "?") + " to " + (contract.to.map { actor($0.value, from: page) } ?? "?")
        if let boundary = contract.boundary {
            out += ", at the boundary " + link(PageRef(.stages, boundary.from), from: page) + " → " + link(PageRef(.stages, boundary.to), from: page)
        }
        out += ".\n"
        out += section("Context it carries", contract.carries.map { "- " + link(PageRef(.contexts, $0.value), from: page) })
        out += section("Gates", contract.gates.map { "- [ ] " + $0.value })
        var trigger: [String] = []
        if let within = contract.acknowledgeWithin { trigger.append("- Acknowledged within \(within.words)") }
        if let next = contract.nextStageWithin { trigger.append("- The next stage starts within \(next.words)") }
        out += section("Timing", trigger)
        out += section("Required", contract.required.map { "- \($0.field): \($0.rule)" })
        return out + notes(contract.body, file: contract.file)
    }

    func context(_ id: String, _ page: PageRef) -> String {
        let doc = graph.handbook.contexts[id]
        var out = "# \(graph.contextName(id))\n\nContext `\(id)`." + (doc?.description.map { " " + $0 } ?? "") + "\n"
        out += section("Produced by", (graph.producers[id] ?? []).map { production in
            "- " + link(PageRef(.roles, production.role.id), from: page) + " for " + production.flow.to.map { actor($0.value, from: page) }.joined(separator: ", ")
                + (production.flow.cadence.map { ", " + $0 } ?? "") + (production.flow.format.map { "; " + $0 } ?? "")
        })
        out += section("Consumed by", (graph.consumers[id] ?? []).map { consumption in
            "- " + link(PageRef(.roles, consumption.role.id), from: page) + " from " + actor(consumption.flow.from.value, from: page)
                + (consumption.flow.cadence.map { ", " + $0 } ?? "")
        })
        out += section("Carried by", (graph.contractsCarrying[id] ?? []).map { contractLine($0, from: page) })
        return out + (doc.map { notes($0.body, file: $0.file) } ?? "")
    }

    func object(_ object: GovernedObject, _ page: PageRef) -> String {
        var out = "# \(object.name)\n\nGoverned object `\(object.id)`. \(object.definition)\n\n"
        out += "- Producer: " + (object.producer.map { actor($0.value, from: page) } ?? "none") + "\n"
        out += "- Steward: " + (object.steward.map { actor($0.value, from: page) } ?? "none") + "\n"
        if !object.consumers.isEmpty { out += "- Consumers: " + object.consumers.map { actor($0.value, from: page) }.joined(separator: ", ") + "\n" }
        if let contract = object.contract {
            var lines = ["- Enforced by: " + (contract.enforcedBy ?? "nothing (a contract that fails no pipeline is a wish)")]
            if let freshness = contract.freshness { lines.append("- Freshness: \(freshness.words)") }
            if !contract.completeness.isEmpty { lines.append("- Complete: " + contract.completeness.joined(separator: ", ")) }
            if let cardinality = contract.cardinality { lines.append("- Cardinality: " + cardinality) }
            lines += contract.rules.map { "- Rule: " + $0 }
            out += section("Data contract", lines)
        }
        if let job = object.weeklyJob { out += section("Weekly job", ["When: " + job.when, ""] + job.tasks.map { "- " + $0 }) }
        let readers = graph.roles.flatMap { role in
            role.agents.filter { $0.reads.contains { $0.value == object.id } }.map { "- \(Self.escaped($0.name)) of " + link(PageRef(.roles, role.id), from: page) }
        }
        out += section("Agents that read it", readers)
        return out + notes(object.body, file: object.file)
    }

    func prose(_ entity: Page, _ page: PageRef) -> String {
        let text = body(entity.body, file: entity.file)
        return entity.body.opensWithTitle ? text + "\n" : "# \(entity.name)\n\n" + text + "\n"
    }

    func listing(_ page: PageRef) -> String {
        var out = "# \(graph.title(of: page))\n\n"
        let refs: [PageRef]
        switch page.kind {
        case .list:
            let kind = EntityKind(rawValue: page.id) ?? .pages
            switch kind {
            case .roles: refs = graph.roles.map { PageRef(.roles, $0.id) }
            case .contracts: refs = graph.contracts.map { PageRef(.contracts, $0.id) }
            case .contexts: refs = graph.contextIDs.map { PageRef(.contexts, $0) }
            case .objects: refs = graph.objects.map { PageRef(.objects, $0.id) }
            default: refs = graph.pages.map { PageRef(.pages, $0.id) }
            }
        default: refs = graph.pageTree.folders[page.id]?.entries ?? []
        }
        out += refs.map { "- " + link($0, from: page) }.joined(separator: "\n") + "\n"
        return out
    }

    func overview(_ page: PageRef) -> String {
        var out = "# \(graph.settings.title)\n\n" + (graph.settings.description.map { $0 + "\n" } ?? "")
        out += section("The lifecycle", graph.stages.enumerated().map { offset, stage in
            let leads = graph.roles.filter { $0.engagement[stage.id]?.level == .lead }.map(\.name)
            return "\(offset + 1). " + link(PageRef(.stages, stage.id), from: page) + ": " + stage.question + (leads.isEmpty ? "" : " Led by " + listed(leads, "and") + ".")
        })
        out += section("Roles", graph.roles.map { "- " + link(PageRef(.roles, $0.id), from: page) + ": " + $0.purpose })
        out += section("Who owns which risk", (graph.settings.risks ?? []).compactMap { entry in
            entry.owner.map { "- " + entry.risk.title + ": " + actor($0, from: page) }
        })
        out += section("Handoff contracts", graph.contracts.map { contractLine($0, from: page) })
        out += section("Governed objects", graph.objects.map { "- " + link(PageRef(.objects, $0.id), from: page) + ": " + $0.definition })
        out += section("Pages", graph.pages.map { "- " + link(PageRef(.pages, $0.id), from: page) })
        return out
    }
}

// MARK: llms.txt, llms-full.txt, skills

extension MarkdownTwins {
    /// A twin's address as llms.txt gives it: absolute with `url`, else from the root.
    func address(_ path: String) -> String {
        publishing.absolute(path) ?? path
    }

    /// The site's map for agents (llmstxt.org): title, summary, one section
    /// per kind with a link and a line per page, the skills, then the whole
    /// handbook in one file as optional.
    func llms(_ pages: [PageRef]) -> String {
        var out = "# \(graph.settings.title)\n\n"
        out += "> " + (graph.settings.description ?? "How this team's roles hand work to each other, stage by stage.") + "\n\n"
        out += "A team handbook built by handoff: lifecycle stages, one Role Operating System per role (its engagement per stage, the context it consumes and produces, its agents and their guardrails), and the handoff contracts between roles, checked for consistency. Every page below is Markdown; each HTML page links its Markdown twin.\n"
        func line(_ page: PageRef, _ detail: String?) -> String {
            "- [\(Self.escaped(graph.title(of: page)))](\(address(SiteLayout.twin(of: page.path))))" + (detail.map { $0.isEmpty ? "" : ": " + $0.replacingAll("\n", with: " ") } ?? "")
        }
        out += "\n## Overview\n\n" + line(.index, "the lifecycle, who leads each stage, the roles, contracts and risk owners") + "\n"
        out += "\n## Stages\n\n" + graph.stages.map { line(PageRef(.stages, $0.id), $0.question) }.joined(separator: "\n") + "\n"
        out += "\n## Roles\n\n" + graph.roles.map { line(PageRef(.roles, $0.id), $0.purpose) }.joined(separator: "\n") + "\n"
        if !graph.contracts.isEmpty {
            out += "\n## Handoff contracts\n\n" + graph.contracts.map { contract in
                line(PageRef(.contracts, contract.id), contract.boundary.map { "\($0.from) → \($0.to)" })
            }.joined(separator: "\n") + "\n"
        }
        if !graph.contextIDs.isEmpty {
            out += "\n## Context\n\n" + graph.contextIDs.map { line(PageRef(.contexts, $0), graph.handbook.contexts[$0]?.description) }.joined(separator: "\n") + "\n"
        }
        if !graph.objects.isEmpty {
            out += "\n## Governed objects\n\n" + graph.objects.map { line(PageRef(.objects, $0.id), $0.definition) }.joined(separator: "\n") + "\n"
        }
        let prose = pages.filter { $0.kind == .entity(.pages) }
        if !prose.isEmpty {
            out += "\n## Pages\n\n" + prose.map { line($0, graph.handbook.pages[$0.id]?.description) }.joined(separator: "\n") + "\n"
        }
        out += "\n## Skills\n\n" + graph.roles.map { role in
            "- [\(Self.escaped(role.name))](\(address(SiteLayout.skill(role.id)))): the \(Self.escaped(role.name)) role's operating system as an agent skill"
        }.joined(separator: "\n") + "\n"
        out += "\n## Optional\n\n- [The whole handbook](\(address(SiteLayout.llmsFull))): every page above in one Markdown file\n"
        return out
    }

    /// Every twin in reading order, each after a line naming its address.
    static func full(_ twins: [(path: String, text: String)]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(twins.reduce(0) { $0 + $1.text.utf8.count + $1.path.utf8.count + 20 })
        for (offset, twin) in twins.enumerated() {
            if offset > 0 { out += "\n\n---\n\n".utf8 }
            out += "<!-- ".utf8
            out += twin.path.utf8
            out += " -->\n\n".utf8
            out += twin.text.utf8
        }
        return out
    }

    /// A role's skill (Agent Skills: SKILL.md with `name` and `description`
    /// in front matter): its Role OS, with links to the twins for the rest.
    func skill(_ role: Role) -> String {
        var linker = self
        linker.fromSkill = true
        let text = linker.skillText(role)
        return text.utf8.contains(0) ? text.replacingAll("\u{0}", with: "\u{FFFD}") : text
    }

    func skillText(_ role: Role) -> String {
        let page = PageRef.index
        let title = graph.settings.title
        var description = "The Role Operating System of the \(role.name) in \(title): \(role.purpose) Use it when working as the \(role.name) or as one of its agents: what it leads, what it needs from whom under which gates, what it hands on, and its agents' guardrails."
        if description.count > 1024 { description = String(description.prefix(1021)) + "..." }
        var out = "---\nname: \(role.id)\ndescription: \(Self.yamlQuoted(description))\n---\n\n"
        out += "# \(role.name)\n\n\(role.purpose)\n\nFrom [\(Self.escaped(title))](../../index.md); the role's page is [\(Self.escaped(role.name))](../../roles/\(role.id).md).\n"
        let owned = graph.settings.risks(ownedBy: role.id)
        if !owned.isEmpty {
            out += "\nYou own " + Settings.Risk.phrase(owned) + "."
                + (owned.contains(.ethical) ? " You take part in every stage and may delay a release." : "") + "\n"
        }
        out += section("Where you engage", graph.stages.compactMap { stage in
            role.engagement[stage.id].map { "- " + link(PageRef(.stages, stage.id), from: page) + ": " + $0.level.label.lowercased() }
        })
        let received = graph.contractsTo[role.id] ?? []
        out += section("What you need, from whom", role.contextIn.map { flow in
            var line = "- " + link(PageRef(.contexts, flow.context.value), from: page) + " from " + actor(flow.from.value, from: page)
            if let contract = received.first(where: { $0.from?.value == flow.from.value && $0.carries.contains { $0.value == flow.context.value } }) {
                line += ", under " + link(PageRef(.contracts, contract.id), from: page)
                if !contract.gates.isEmpty { line += "; its gates: " + contract.gates.map(\.value).joined(separator: "; ") }
                if let within = contract.acknowledgeWithin { line += "; acknowledge within \(within.words)" }
            }
            return line
        })
        let sent = graph.contractsFrom[role.id] ?? []
        out += section("What you hand on, to whom", role.contextOut.map { flow in
            var line = "- " + link(PageRef(.contexts, flow.context.value), from: page) + " to " + flow.to.map { actor($0.value, from: page) }.joined(separator: ", ")
            let contracts = sent.filter { $0.carries.contains { $0.value == flow.context.value } }
            for contract in contracts where !contract.gates.isEmpty {
                line += "; " + link(PageRef(.contracts, contract.id), from: page) + " must pass: " + contract.gates.map(\.value).joined(separator: "; ")
            }
            return line
        })
        if !role.agents.isEmpty {
            out += "\n## Your agents and their guardrails\n"
            for agent in role.agents { out += "\n" + self.agent(agent, from: page) }
        }
        let stewards = graph.objects.filter { $0.steward?.value == role.id }
        out += section("Governed objects you steward", stewards.map { object in
            "- " + link(PageRef(.objects, object.id), from: page) + ": " + object.definition
                + (object.weeklyJob.map { " Weekly: \($0.when): " + $0.tasks.joined(separator: "; ") } ?? "")
        })
        return out
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: " ") + "\""
    }
}

/// The agent files for a handbook without building its site (`handoff mcp`
/// serves each twin as a resource).
public enum AgentFiles {
    /// Every page's twin: its address in the site (`roles/pm.md`) and its Markdown, in reading order.
    public static func twins(_ relations: SiteRelations) -> [(path: String, text: String)] {
        let graph = relations.graph
        let twins = MarkdownTwins(graph: graph, publishing: Publishing(graph: graph))
        return SiteBuilder.pages(of: graph).map { (SiteLayout.twin(of: $0.path), twins.twin($0)) }
    }
}
