import Diagnostics
import HandbookModel
import Markup

/// The team's flow map on the overview, laid out by Graphviz's `dot`: roles
/// (and externals, in one group) as nodes in lifecycle columns (a role
/// stands in the column of the stage it leads first, else where it is most
/// engaged: the first stage it supports, else the first it is consulted in),
/// one edge per producer → consumer pair labelled with its contexts. An edge
/// a contract carries is solid, one no contract covers is dashed, one with
/// a flow only one end declares is drawn in the warning colour and its
/// context marked "⚠". Every node and context links to its page.
///
/// Past `maxRoles` roles a node per role stops being readable (measured on
/// the benchmark's generator: 20 roles with 80 flows lay out 2,200 px wide,
/// 60 roles with 240 flows 8,900 px) and its layout fast: the map then shows one node per stage, with the roles that
/// lead it first, and the contexts flowing between stages; each role's page
/// has its own map.
struct FlowMap {
    static let maxRoles = 40
    /// Contexts named on one edge; the rest are counted.
    static let maxLabels = 4

    let graph: SiteGraph
    let flows: Flows
    let page: PageRef

    var aggregated: Bool { graph.roles.count > Self.maxRoles }

    /// The lifecycle column of a role (`SiteGraph.column`).
    func column(of role: Role) -> Int { graph.column[role.id] ?? graph.stages.count }

    func href(_ target: PageRef) -> String { page.href(to: target) }

    /// The SVG, or "" when there is nothing to draw (or Graphviz failed).
    func render() -> String {
        guard !flows.edges.isEmpty else { return "" }
        let source = aggregated ? stageSource() : roleSource()
        // Where dot fails on labelled edges, labels placed after the layout (xlabel) are the fallback.
        guard let svg = Graphviz.svg(source, idPrefix: "flow.")
            ?? Graphviz.svg(source.replacingAll(" [label=<", with: " [forcelabels=true, xlabel=<"), idPrefix: "flow.") else { return "" }
        return accessible(svg)
    }

    /// Names the drawing for assistive technology (the table after it holds the same data).
    func accessible(_ svg: String) -> String {
        guard let end = svg.utf8.firstRange(of: ">".utf8) else { return svg }
        let roles = graph.roles.count
        let title = "Who feeds whom"
        let desc = aggregated
            ? "The contexts flowing between lifecycle stages, \(roles) roles grouped by the stage they lead first. Each stage links to its page."
            : "\(roles) roles in lifecycle columns and \(flows.edges.count) producer-to-consumer flows labelled with their contexts. Solid arrows are carried by a contract, dashed ones by none; ⚠ marks a context only one end declares."
        var out = String(svg[..<end.lowerBound])
        out += " role=\"img\" aria-labelledby=\"flow-title flow-desc\">\n"
        out += "<title id=\"flow-title\">\(HTMLText.escape(title))</title>\n<desc id=\"flow-desc\">\(HTMLText.escape(desc))</desc>"
        out += svg[end.upperBound...]
        return out
    }

    static let header = """
        digraph flow {
        graph [rankdir=TB, newrank=true, nodesep=0.35, ranksep=0.45, bgcolor="transparent", fontname="Helvetica", fontsize=11, tooltip=" "];
        node [shape=box, style="rounded,filled", fillcolor="#f5f7fa", color="#5b616b", fontcolor="#1d1f23", fontname="Helvetica", fontsize=12, height=0.4, margin="0.15,0.06"];
        edge [color="#5b616b", fontcolor="#1d1f23", fontname="Helvetica", fontsize=10, arrowsize=0.7];

        """

    /// One node per role.
    func roleSource() -> String {
        var dot = Self.header
        let stages = graph.stages
        var columns: [Int: [String]] = [:]
        var columnOf: [String: Int] = [:]
        for role in graph.roles {
            let c = column(of: role)
            columnOf[role.id] = c
            columns[c, default: []].append("r:" + role.id)
        }
        // Externals: one group, "Outside the team", before the first stage.
        var externals: [String] = []
        for edge in flows.edges {
            for id in [edge.producer, edge.consumer] where graph.handbook.roles[id] == nil && columnOf[id] == nil {
                columnOf[id] = -1
                columns[-1, default: []].append("x:" + id)
                externals.append(id)
            }
        }
        // One cluster per column, headed by its stage (linked); an invisible
        // chain through the columns keeps them in lifecycle order.
        let used = columns.keys.sorted()
        for c in used {
            let name: String
            var attributes = ""
            if c >= 0 && c < stages.count {
                name = stages[c].name
                attributes = "URL=\(Graphviz.quoted(href(PageRef(.stages, stages[c].id)))); tooltip=\(Graphviz.quoted("Stage: " + stages[c].name)); "
            } else {
                name = c == stages.count ? "No stage" : "Outside the team"
            }
            dot += "subgraph \"cluster_\(c + 1)\" { label=\(Graphviz.quoted(name)); labelloc=t; labeljust=l; fontsize=13; style=\"rounded\"; color=\"#d9dde3\"; class=\"column\"; \(attributes)"
            dot += columns[c]!.map { Graphviz.quoted($0) + ";" }.joined(separator: " ") + " }\n"
        }
        if used.count > 1 {
            dot += used.map { Graphviz.quoted(columns[$0]![0]) }.joined(separator: " -> ") + " [style=invis, weight=10];\n"
        }
        for role in graph.roles {
            dot += "\(Graphviz.quoted("r:" + role.id)) [label=\(Graphviz.quoted(role.name)), URL=\(Graphviz.quoted(href(PageRef(.roles, role.id)))), "
            dot += "tooltip=\(Graphviz.quoted("Role: " + role.name)), class=\"role\"];\n"
        }
        for id in externals {
            dot += "\(Graphviz.quoted("x:" + id)) [label=\(Graphviz.quoted(graph.actorName(id))), style=\"rounded,dashed\", "
            dot += "tooltip=\(Graphviz.quoted("Outside the team: " + graph.actorName(id))), class=\"external\"];\n"
        }
        for edge in flows.edges {
            let from = (graph.handbook.roles[edge.producer] == nil ? "x:" : "r:") + edge.producer
            let to = (graph.handbook.roles[edge.consumer] == nil ? "x:" : "r:") + edge.consumer
            var label = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
            for flow in edge.flows.prefix(Self.maxLabels) {
                let name = graph.contextName(flow.context) + (flow.isOneSided ? " ⚠" : "")
                let why = flow.isOneSided ? (flow.sent ? " (sent, not consumed)" : " (consumed, not sent)") : ""
                label += "<TR><TD HREF=\"\(Graphviz.html(href(PageRef(.contexts, flow.context))))\" "
                label += "TOOLTIP=\"\(Graphviz.html("Context: " + graph.contextName(flow.context) + why))\">\(Graphviz.html(name))</TD></TR>"
            }
            if edge.flows.count > Self.maxLabels {
                label += "<TR><TD HREF=\"\(Graphviz.html(href(PageRef(.roles, edge.consumer))))\" TOOLTIP=\"All of them on the consumer's page\">"
                label += "+\(edge.flows.count - Self.maxLabels) more</TD></TR>"
            }
            label += "</TABLE>>"
            let backward = (columnOf[edge.consumer] ?? 0) < (columnOf[edge.producer] ?? 0)
            var classes = ["flow", edge.covered ? "covered" : "uncovered"]
            if edge.oneSided { classes.append("one-sided") }
            dot += "\(Graphviz.quoted(from)) -> \(Graphviz.quoted(to)) [label=\(label), "
            dot += "URL=\(Graphviz.quoted(href(PageRef(.contexts, edge.flows[0].context)))), "
            let tooltip = Graphviz.quoted("\(graph.actorName(edge.producer)) → \(graph.actorName(edge.consumer)): " + edge.flows.map { graph.contextName($0.context) }.joined(separator: ", "))
            dot += "tooltip=\(tooltip), "
            dot += "class=\(Graphviz.quoted(classes.joined(separator: " ")))"
            if !edge.covered { dot += ", style=dashed" }
            if edge.oneSided { dot += ", color=\"#a4262c\"" }
            if backward { dot += ", constraint=false" }
            dot += "];\n"
        }
        return dot + "}\n"
    }

    /// One node per stage: the roles that lead it first, the contexts between stages.
    func stageSource() -> String {
        var dot = Self.header
        let stages = graph.stages
        var columnOf: [String: Int] = [:]
        var count: [Int: Int] = [:]
        for role in graph.roles {
            let c = column(of: role)
            columnOf[role.id] = c
            count[c, default: 0] += 1
        }
        var between: [[Int]: Set<String>] = [:]  // [from column, to column] → contexts
        for edge in flows.edges {
            let from = columnOf[edge.producer] ?? -1, to = columnOf[edge.consumer] ?? stages.count + 1
            guard from != to else { continue }
            between[[from, to], default: []].formUnion(edge.flows.map(\.context))
        }
        var used = Set(count.keys)
        for key in between.keys { used.formUnion(key) }
        for c in used.sorted() {
            let roles = count[c] ?? 0
            if c >= 0 && c < stages.count {
                let label = "\(stages[c].name)\n\(roles) role\(roles == 1 ? "" : "s") lead first"
                dot += "\"s\(c)\" [label=\(Graphviz.quoted(label).replacingAll("\n", with: "\\n")), URL=\(Graphviz.quoted(href(PageRef(.stages, stages[c].id)))), "
                dot += "tooltip=\(Graphviz.quoted("Stage: " + stages[c].name)), class=\"stage\"];\n"
            } else {
                let name = c == stages.count ? "No stage" : "Outside the team"
                dot += "\"s\(c)\" [label=\(Graphviz.quoted(name)), style=\"rounded,dashed\", class=\"external\"];\n"
            }
        }
        for parts in between.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let contexts = between[parts]!.count
            dot += "\"s\(parts[0])\" -> \"s\(parts[1])\" [label=\(Graphviz.quoted("\(contexts) context\(contexts == 1 ? "" : "s")")), class=\"flow\""
            if parts[1] < parts[0] { dot += ", constraint=false" }
            dot += "];\n"
        }
        return dot + "}\n"
    }
}
