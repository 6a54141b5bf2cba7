import Diagnostics
import HandbookModel

extension HandbookDiff {
    /// A pull-request comment: a title, a one-line summary, then one section
    /// per kind of change; empty sections are left out.
    public func markdown() -> String {
        guard !isEmpty else { return "No changes to the handbook.\n" }
        var out = "## Handbook changes\n\n" + summaryLine()
        for changes in entities where !changes.isEmpty { out += entitySection(changes) }
        if !engagement.isEmpty { out += engagementSection() }
        if !flowsAdded.isEmpty || !flowsRemoved.isEmpty || !unpartnered.isEmpty { out += flowSection() }
        if !agents.isEmpty { out += agentSection() }
        if !timing.isEmpty { out += timingSection() }
        if !riskOwners.isEmpty || !extendedTeam.isEmpty { out += kernelSection() }
        if !introduced.isEmpty || !resolved.isEmpty { out += diagnosticSection() }
        return out
    }

    func summaryLine() -> String {
        var parts: [String] = []
        for changes in entities where !changes.isEmpty {
            let noun = changes.kind.noun
            for (count, verb) in [(changes.added.count, "added"), (changes.removed.count, "removed"),
                                  (changes.renamed.count, "renamed"), (changes.changed.count, "changed")] where count > 0 {
                parts.append("\(counted(count, noun)) \(verb)")
            }
        }
        if !engagement.isEmpty { parts.append("\(counted(engagement.count, "engagement cell")) changed") }
        let flows = flowsAdded.count + flowsRemoved.count
        if flows > 0 { parts.append("\(counted(flows, "context flow")) added or removed") }
        if !riskOwners.isEmpty { parts.append("\(counted(riskOwners.count, "risk owner")) changed") }
        if !extendedTeam.isEmpty { parts.append("\(extendedTeam.count) \(extendedTeam.count == 1 ? "external's" : "externals'") engagement changed") }
        if introducedErrors > 0 { parts.append(Self.count(introducedErrors, "new error")) }
        if introducedWarnings > 0 { parts.append(Self.count(introducedWarnings, "new warning")) }
        if !resolved.isEmpty { parts.append("\(Self.count(resolved.count, "diagnostic")) resolved") }
        return "**" + (parts.isEmpty ? "Changes in prose only" : parts.joined(separator: " · ")) + "**\n"
    }

    static func count(_ n: Int, _ noun: String) -> String { counted(n, noun) }

    /// Text for a table cell or list item: no line breaks, Markdown and HTML
    /// specials escaped so content cannot restructure the comment.
    static func text(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t": out += " "
            case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "#", "~", "@": out += "\\" + String(scalar)
            case "&": out += "&amp;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func code(_ s: String) -> String {
        let clean = s.replacingAll("`", with: "'").replacingAll("\n", with: " ")
        return "`\(clean)`"
    }

    func actor(_ id: String) -> String {
        if id == ContextOut.everyone { return "all roles" }
        return Self.text(actorNames[id] ?? id)
    }

    func context(_ id: String) -> String { Self.code(id) }

    func entitySection(_ changes: EntityChanges) -> String {
        var out = "\n### \(changes.kind.rawValue.prefix(1).uppercased() + changes.kind.rawValue.dropFirst())\n\n"
        for entity in changes.added { out += "- Added: **\(Self.text(entity.name))** \(Self.code(entity.id))\n" }
        for entity in changes.removed { out += "- Removed: **\(Self.text(entity.name))** \(Self.code(entity.id))\n" }
        for rename in changes.renamed {
            out += "- Renamed: **\(Self.text(rename.name))** \(Self.code(rename.from)) → \(Self.code(rename.to))"
            out += rename.fields.isEmpty ? "\n" : ", and changed: \(rename.fields.map { $0.replacingAll("_", with: " ") }.joined(separator: ", "))\n"
            if changes.kind == .contracts, let details = contracts.first(where: { $0.id == rename.to }) { out += contractDetails(details) }
        }
        for lost in changes.lostAddresses {
            let whereTo = lost.file.map { " to \(Self.code($0))" } ?? " to the file that replaces it"
            out += "- ⚠️ Saved links to \(Self.code(lost.address)) will break: add \(Self.code("aliases: [\(lost.id)]"))\(whereTo)\n"
        }
        for change in changes.changed {
            out += "- Changed: **\(Self.text(change.name))** \(Self.code(change.id)): \(change.fields.map { $0.replacingAll("_", with: " ") }.joined(separator: ", "))\n"
            if changes.kind == .contracts, let details = contracts.first(where: { $0.id == change.id }) {
                out += contractDetails(details)
            }
        }
        return out
    }

    func engagementSection() -> String {
        var stages: [(id: String, name: String)] = []
        for change in engagement where !stages.contains(where: { $0.id == change.stage }) { stages.append((change.stage, change.stageName)) }
        let position = { (id: String) in stageOrder.firstIndex(of: id) ?? Int.max }
        stages.sort { (position($0.id), $0.id) < (position($1.id), $1.id) }
        var roles: [(id: String, name: String)] = []
        for change in engagement where !roles.contains(where: { $0.id == change.role }) { roles.append((change.role, change.roleName)) }
        var out = "\n### Engagement\n\n| Role | " + stages.map { Self.text($0.name) }.joined(separator: " | ") + " |\n"
        out += "|---|" + stages.map { _ in "---|" }.joined() + "\n"
        for role in roles {
            out += "| \(Self.text(role.name)) |"
            for stage in stages {
                if let change = engagement.first(where: { $0.role == role.id && $0.stage == stage.id }) {
                    out += " \(change.from?.rawValue ?? "—") → \(change.to?.rawValue ?? "—") |"
                } else {
                    out += " |"
                }
            }
            out += "\n"
        }
        return out
    }

    func flowSection() -> String {
        var out = "\n### Context flows\n"
        let line = { (flow: Flow) in "\(self.actor(flow.producer)) → \(self.context(flow.context)) → \(self.actor(flow.consumer))" }
        if !flowsAdded.isEmpty {
            out += "\nAdded:\n\n" + flowsAdded.map { "- \(line($0))\n" }.joined()
        }
        if !flowsRemoved.isEmpty {
            out += "\nRemoved:\n\n" + flowsRemoved.map { "- \(line($0))\n" }.joined()
        }
        if !unpartnered.isEmpty {
            out += "\nLeft without a partner by this change:\n\n"
            for item in unpartnered {
                let problem: String
                switch item.problem {
                case .notConsumed: problem = "\(actor(item.flow.consumer)) does not consume it"
                case .notSent: problem = "\(actor(item.flow.producer)) does not send it to \(actor(item.flow.consumer))"
                case .noConsumer: problem = "no role consumes it"
                }
                out += "- ⚠️ \(line(item.flow)): \(problem)\n"
            }
        }
        return out
    }

    /// A changed contract's gates, carried contexts, ends, boundary and
    /// timings, as a nested list.
    func contractDetails(_ change: ContractChange) -> String {
        var out = ""
        for gate in change.gatesAdded { out += "  - Gate added: \(Self.text(gate))\n" }
        for gate in change.gatesRemoved { out += "  - Gate removed: ~~\(Self.text(gate))~~\n" }
        for gate in change.gatesReworded { out += "  - Gate reworded: ~~\(Self.text(gate.from))~~ → \(Self.text(gate.to))\n" }
        if !change.carriesAdded.isEmpty { out += "  - Now carries: \(change.carriesAdded.map(Self.code).joined(separator: ", "))\n" }
        if !change.carriesRemoved.isEmpty { out += "  - No longer carries: \(change.carriesRemoved.map(Self.code).joined(separator: ", "))\n" }
        for value in change.values {
            let label: String
            switch value.field {
            case "from": label = "From"
            case "to": label = "To"
            case "boundary": label = "Boundary"
            case "acknowledge_within": label = "Acknowledge within"
            default: label = "Next stage within"
            }
            let show = { (s: String) -> String in
                if s.isEmpty { return "—" }
                switch value.field {
                case "from", "to": return self.actor(s)
                case "boundary": return Self.code(s)
                default: return Self.text(s)
                }
            }
            out += "  - \(label): \(show(value.from)) → \(show(value.to))\n"
        }
        return out
    }

    func agentSection() -> String {
        var out = "\n### Agents\n\n"
        for change in agents {
            let who = "**\(Self.text(change.name))** (\(Self.text(change.roleName)))"
            switch change.kind {
            case .added:
                out += "- \(change.becomesWrite ? "⚠️ " : "")Added: \(who), \(change.access == "write" ? "**writes**" : "read-only")\n"
            case .removed:
                out += "- Removed: \(who)\n"
            case .changed:
                if change.becomesWrite { out += "- ⚠️ \(who) **now writes** (was read-only)\n" }
                if change.becomesCopilot {
                    out += "- ⚠️ \(who) **is now a copilot** (was a specialist): it names no \(Self.text(change.missing.joined(separator: ", ")))\n"
                }
                for value in change.values where !(change.becomesWrite && value.field == "access") && !(change.becomesCopilot && value.field == "class") {
                    let label = value.field == "blast_radius" ? "blast radius" : value.field
                    out += "- \(who): \(label) \(Self.text(value.from.isEmpty ? "—" : value.from)) → \(Self.text(value.to.isEmpty ? "—" : value.to))\n"
                }
            }
        }
        return out
    }

    func timingSection() -> String {
        var out = "\n### Timing\n\n"
        let stage = { (id: String) in Self.text(self.stageNames[id] ?? id) }
        for seam in timing.uncovered {
            out += "- ⚠️ \(stage(seam.from)) → \(stage(seam.to)) **lost its last contract**\n"
        }
        if let cycle = timing.cycle {
            out += "- Cycle: \(cycle.from) → \(cycle.to)\(timing.budget.map { " (budget \($0))" } ?? "")\n"
        }
        return out
    }

    func kernelSection() -> String {
        var out = "\n### Risks and the extended team\n\n"
        let who = { (ids: String?) -> String in
            guard let ids, !ids.isEmpty else { return "nobody" }
            return ids.split(separator: ",").map { part in
                let id = String(part.drop { $0 == " " })
                return Self.text(self.actorNames[id] ?? id)
            }.joined(separator: ", ")
        }
        for change in riskOwners {
            let title = Settings.Risk(rawValue: change.risk)?.title ?? change.risk
            out += "- \(title.hasSuffix("risk") ? title : title + " risk"): owner \(who(change.from)) → \(who(change.to))\(change.to == nil ? " ⚠️" : "")\n"
        }
        let stages = { (ids: [String]) in ids.isEmpty ? "not engaged" : ids.map { Self.text(self.stageNames[$0] ?? $0) }.joined(separator: ", ") }
        for change in extendedTeam {
            out += "- \(Self.text(actorNames[change.external] ?? change.external)) (outside the team): engaged in \(stages(change.from)) → \(stages(change.to))\n"
        }
        return out
    }

    func diagnosticSection() -> String {
        var out = "\n### Diagnostics\n"
        let line = { (d: Diagnostic, mark: String) in
            "- \(mark) \(Self.code("\(d.location.file):\(d.location.line):\(d.location.column)")) \(Self.text(d.message)) \(Self.code(d.rule.rawValue))\n"
        }
        if !introduced.isEmpty {
            out += "\nIntroduced by this change (\(Self.count(introducedErrors, "error")), \(Self.count(introducedWarnings, "warning"))):\n\n"
            for d in introduced { out += line(d, d.severity == .error ? "❌" : "⚠️") }
        }
        if !resolved.isEmpty {
            out += "\nResolved by this change:\n\n"
            for d in resolved { out += line(d, "✅") }
        }
        return out
    }
}
