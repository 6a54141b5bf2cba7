import Diagnostics
import HandbookModel

extension HandbookDiff {
    public init(base: Snapshot, head: Snapshot) {
        let b = base.handbook, h = head.handbook
        for kind in EntityKind.allCases {
            var changes = Self.entityChanges(kind, base: base, head: head)
            changes.lostAddresses = Self.lostAddresses(changes, head: h)
            entities.append(changes)
        }
        // Ids renamed on either side map base ids onto head ids.
        var roleRenames: [String: String] = [:]
        for rename in entities.first(where: { $0.kind == .roles })?.renamed ?? [] { roleRenames[rename.from] = rename.to }
        let headID = { (id: String) in roleRenames[id] ?? id }
        names(from: h)
        names(from: b)

        engagement = Self.engagementChanges(base: b, head: h, headID: headID)
        let baseFlows = Self.flows(b, mapping: headID)
        let headFlows = Self.flows(h, mapping: { $0 })
        flowsAdded = Set(headFlows.keys).subtracting(baseFlows.keys).sorted()
        flowsRemoved = Set(baseFlows.keys).subtracting(headFlows.keys).sorted()
        let baseLonely = Self.unpartnered(baseFlows, b, mapping: headID)
        unpartnered = Self.unpartnered(headFlows, h, mapping: { $0 }).filter { baseLonely[$0.key] == nil }
            .map { Unpartnered(flow: $0.key, problem: $0.value) }.sorted { $0.flow < $1.flow }
        contracts = Self.contractChanges(base: b, head: h,
                                         renames: entities.first { $0.kind == .contracts }?.renamed ?? [], headID: headID)
        agents = Self.agentChanges(base: b, head: h, headID: headID)
        timing = Self.timingChange(base: b, head: h)
        (riskOwners, extendedTeam) = Self.kernelChanges(base: b, head: h, headID: headID)

        // A diagnostic is the same on both sides when its rule, file (relative
        // to the content folder) and message are: lines may move.
        let key = { (d: Diagnostic, _: String) -> [String] in [d.rule.rawValue, d.location.file, d.message] }
        let baseKeys = Set(base.diagnostics.map { key($0, b.root) })
        let headKeys = Set(head.diagnostics.map { key($0, h.root) })
        // Paths are relative to the content folder; both sides are shown under HEAD's.
        introduced = head.diagnostics.filter { !baseKeys.contains(key($0, h.root)) }.map { $0.shown(under: h.root) }.sortedUnique()
        resolved = base.diagnostics.filter { !headKeys.contains(key($0, b.root)) }.map { $0.shown(under: h.root) }.sortedUnique()
    }

    /// Risk owners and externals' engaged stages, before and after. A risk
    /// written as a list shows its ids joined with ", ".
    static func kernelChanges(base: Handbook, head: Handbook, headID: (String) -> String) -> ([RiskOwnerChange], [ExternalEngagementChange]) {
        func owners(_ h: Handbook, mapping: (String) -> String) -> [String: String] {
            var out: [String: String] = [:]
            for entry in h.settings?.risks ?? [] { out[entry.risk.rawValue] = entry.owners.map { mapping($0.value) }.joined(separator: ", ") }
            return out
        }
        let before = owners(base, mapping: headID), after = owners(head, mapping: { $0 })
        let risks = Settings.Risk.allCases.map(\.rawValue).filter { before[$0] != after[$0] }
            .map { RiskOwnerChange(risk: $0, from: before[$0], to: after[$0]) }
        func engaged(_ h: Handbook) -> [String: [String]] {
            var out: [String: [String]] = [:]
            for external in h.settings?.externals.values.map({ $0 }) ?? [] where !external.engaged.isEmpty {
                out[external.id] = external.engaged.map(\.value)
            }
            return out
        }
        let was = engaged(base), now = engaged(head)
        let externals = Set(was.keys).union(now.keys).sorted().filter { was[$0] != now[$0] }
            .map { ExternalEngagementChange(external: $0, from: was[$0] ?? [], to: now[$0] ?? []) }
        return (risks, externals)
    }

    mutating func names(from handbook: Handbook) {
        for role in handbook.roles.values { actorNames[role.id] = role.name }
        for external in handbook.settings?.externals.values.map({ $0 }) ?? [] { actorNames[external.id] = external.name }
        for stage in (handbook.settings?.lifecycle.map(\.value) ?? []) where !stageOrder.contains(stage) { stageOrder.append(stage) }
        for stage in handbook.stages.values where stageNames[stage.id] == nil { stageNames[stage.id] = stage.name }
    }

    // MARK: Entities

    static func entityChanges(_ kind: EntityKind, base: Snapshot, head: Snapshot) -> EntityChanges {
        var changes = EntityChanges(kind: kind)
        let baseFields = fields(kind, base.handbook)
        let headFields = fields(kind, head.handbook)
        var removed = Set(baseFields.keys).subtracting(headFields.keys)
        var added = Set(headFields.keys).subtracting(baseFields.keys)
        let order = fieldOrder(kind)
        func changedFields(_ before: [String: FieldValue], _ after: [String: FieldValue]) -> [String] {
            after.keys.filter { before[$0] != after[$0] }
                .sorted { (order.firstIndex(of: $0) ?? 99) < (order.firstIndex(of: $1) ?? 99) }
        }
        // Renamed: a removed and an added file of the same name whose lines
        // are at least half the same (git's default), or any two that are
        // 80% the same; best pairs first. (Small files share much YAML
        // boilerplate, hence the name.)
        var candidates: [(score: Double, old: String, new: String)] = []
        for old in removed {
            guard let before = base.files[kind.path(of: old)].map(lines) else { continue }
            for new in added {
                guard let after = head.files[kind.path(of: new)].map(lines) else { continue }
                let score = similarity(before, after)
                let sameName = baseFields[old]?.name == headFields[new]?.name
                if score >= 0.8 || (sameName && score >= 0.5) { candidates.append((score, old, new)) }
            }
        }
        candidates.sort { ($0.score, $1.old, $1.new) > ($1.score, $0.old, $0.new) }
        for candidate in candidates where removed.contains(candidate.old) && added.contains(candidate.new) {
            removed.remove(candidate.old)
            added.remove(candidate.new)
            changes.renamed.append(Rename(from: candidate.old, to: candidate.new, name: headFields[candidate.new]!.name,
                                          fields: changedFields(baseFields[candidate.old]!.values, headFields[candidate.new]!.values)))
        }
        changes.renamed.sort { $0.from < $1.from }
        changes.added = added.sorted().map { Entity(id: $0, name: headFields[$0]!.name) }
        changes.removed = removed.sorted().map { Entity(id: $0, name: baseFields[$0]!.name) }
        for id in Set(baseFields.keys).intersection(headFields.keys).sorted() {
            let fields = changedFields(baseFields[id]!.values, headFields[id]!.values)
            if !fields.isEmpty { changes.changed.append(Change(id: id, name: headFields[id]!.name, fields: fields)) }
        }
        return changes
    }

    /// The removed and renamed ids whose address HEAD does not keep as an
    /// alias (a context is left out: its page comes from the flows that name it).
    static func lostAddresses(_ changes: EntityChanges, head: Handbook) -> [LostAddress] {
        guard changes.kind != .contexts else { return [] }
        let kind = changes.kind
        var out: [LostAddress] = []
        for entity in changes.removed where head.renamed(entity.id, kind) == nil {
            out.append(LostAddress(id: entity.id, address: SiteLayout.page(kind, entity.id), renamedTo: nil, file: nil))
        }
        for rename in changes.renamed where head.renamed(rename.from, kind) == nil {
            out.append(LostAddress(id: rename.from, address: SiteLayout.page(kind, rename.from), renamedTo: rename.to,
                                   file: head.sourcePath(kind, rename.to)))
        }
        return out.sorted { $0.id < $1.id }
    }

    /// A file's lines, line endings normalized.
    static func lines(_ bytes: [UInt8]) -> [Substring] {
        String(decoding: normalized(bytes), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// 2 × lines in common (as a multiset) / all lines.
    static func similarity(_ a: [Substring], _ b: [Substring]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var counts: [Substring: Int] = [:]
        for line in a { counts[line, default: 0] += 1 }
        var common = 0
        for line in b where (counts[line] ?? 0) > 0 {
            counts[line]! -= 1
            common += 1
        }
        return Double(2 * common) / Double(a.count + b.count)
    }

    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        return out
    }

    /// The fields compared, in order: the kind's front matter fields (the
    /// decoders' own list) and the body.
    static func fieldOrder(_ kind: EntityKind) -> [String] { kind.fields + ["body"] }

    /// Each entity as named, comparable field values.
    static func fields(_ kind: EntityKind, _ h: Handbook) -> [String: (name: String, values: [String: FieldValue])] {
        var out: [String: (name: String, values: [String: FieldValue])] = [:]
        switch kind {
        case .stages:
            for s in h.stages.values {
                out[s.id] = (s.name, ["name": .text(s.name), "question": .text(s.question), "output": .text(s.output),
                                      "timebox": .text(s.timebox?.words ?? ""), "body": .text(s.body.markdown)])
            }
        case .roles:
            for r in h.roles.values {
                out[r.id] = (r.name, [
                    "name": .text(r.name), "purpose": .text(r.purpose),
                    "engagement": .records(r.engagement.map { [$0.key, $0.value.level.rawValue] }.sorted { $0[0] < $1[0] }),
                    "context_in": .records(r.contextIn.map { [$0.context.value, $0.from.value, $0.cadence ?? ""] }),
                    "context_out": .records(r.contextOut.map { [$0.context.value, $0.cadence ?? "", $0.format ?? ""] + $0.to.map(\.value) }),
                    "agents": .records(r.agents.map { [$0.name, $0.input, $0.output, $0.oversight ?? "", $0.blastRadius ?? "", $0.access.rawValue,
                                                       $0.delegation?.value.rawValue ?? "", $0.confirmation ?? "", $0.staging ?? "",
                                                       $0.errorTolerance?.rawValue ?? "", $0.toolSpan?.rawValue ?? "", $0.independence?.rawValue ?? "",
                                                       $0.sourceOfTruth ?? "", $0.serviceLevel ?? "", $0.auditTrail ?? "",
                                                       $0.reads.map(\.value).joined(separator: " "), $0.logs.map(\.rawValue).joined(separator: " ")] }),
                    "workflows": .records(r.workflows.map { [$0.name, $0.stage?.value ?? "", $0.trigger] + $0.steps }),
                    "body": .text(r.body.markdown),
                ])
            }
        case .contracts:
            for c in h.contracts.values {
                out[c.id] = (c.name, [
                    "name": .text(c.name), "from": .text(c.from?.value ?? ""), "to": .text(c.to?.value ?? ""),
                    "boundary": .list(c.boundary.map { [$0.from, $0.to] } ?? []),
                    "carries": .list(c.carries.map(\.value)),
                    "required": .records(c.required.map { [$0.field, $0.rule] }),
                    "gates": .list(c.gates.map(\.value)),
                    "trigger": .list([c.acknowledgeWithin?.words ?? "", c.nextStageWithin?.words ?? ""]),
                    "body": .text(c.body.markdown),
                ])
            }
        case .contexts:
            // Every referenced context; who produces and consumes it shows under flows.
            for id in h.referencedContexts {
                let doc = h.contexts[id]
                out[id] = (ContextDoc.displayName(id, doc: doc),
                           ["name": .text(doc?.name ?? ""), "description": .text(doc?.description ?? ""), "body": .text(doc?.body.markdown ?? "")])
            }
        case .pages:
            for p in h.pages.values {
                out[p.id] = (p.name, ["name": .text(p.name), "order": .text(p.order.map { "\($0)" } ?? ""), "body": .text(p.body.markdown)])
            }
        case .objects:
            for o in h.objects.values {
                out[o.id] = (o.name, [
                    "name": .text(o.name), "definition": .text(o.definition),
                    "producer": .text(o.producer?.value ?? ""), "steward": .text(o.steward?.value ?? ""),
                    "consumers": .list(o.consumers.map(\.value)),
                    "contract": .records(o.contract.map { c in
                        [["enforced_by", c.enforcedBy ?? ""], ["freshness", c.freshness?.words ?? ""], ["completeness"] + c.completeness,
                         ["cardinality", c.cardinality ?? ""], ["rules"] + c.rules]
                    } ?? []),
                    "weekly_job": .list(o.weeklyJob.map { [$0.when] + $0.tasks } ?? []),
                    "body": .text(o.body.markdown),
                ])
            }
        }
        return out
    }

    // MARK: Engagement

    static func engagementChanges(base: Handbook, head: Handbook, headID: (String) -> String) -> [EngagementChange] {
        var baseLevels: [String: [String: Engagement]] = [:]
        for role in base.roles.values {
            baseLevels[headID(role.id)] = role.engagement.mapValues(\.level)
        }
        var headLevels: [String: [String: Engagement]] = [:]
        for role in head.roles.values { headLevels[role.id] = role.engagement.mapValues(\.level) }
        let stageOrder = (head.settings?.lifecycle.map(\.value) ?? []) + (base.settings?.lifecycle.map(\.value) ?? [])
        let position = { (stage: String) in stageOrder.firstIndex(of: stage) ?? Int.max }
        var out: [EngagementChange] = []
        for role in Set(baseLevels.keys).union(headLevels.keys).sorted() {
            let before = baseLevels[role] ?? [:], after = headLevels[role] ?? [:]
            for stage in Set(before.keys).union(after.keys).sorted(by: { (position($0), $0) < (position($1), $1) })
            where before[stage] != after[stage] {
                out.append(EngagementChange(role: role, roleName: head.roles[role]?.name ?? base.roles.values.first { headID($0.id) == role }?.name ?? role,
                                            stage: stage, stageName: head.stages[stage]?.name ?? base.stages[stage]?.name ?? stage,
                                            from: before[stage], to: after[stage]))
            }
        }
        return out
    }

    // MARK: Flows

    /// Every declared edge producer → context → consumer, with the sides
    /// that declare it.
    static func flows(_ h: Handbook, mapping: (String) -> String) -> [Flow: Set<FlowSide>] {
        var out: [Flow: Set<FlowSide>] = [:]
        for role in h.roles.values {
            for flow in role.contextOut {
                for target in flow.to {
                    out[Flow(producer: mapping(role.id), context: flow.context.value, consumer: mapping(target.value)), default: []].insert(.producer)
                }
            }
            for flow in role.contextIn {
                out[Flow(producer: mapping(flow.from.value), context: flow.context.value, consumer: mapping(role.id)), default: []].insert(.consumer)
            }
        }
        return out
    }

    /// Edges declared by one side only, with what is missing.
    static func unpartnered(_ flows: [Flow: Set<FlowSide>], _ h: Handbook, mapping: (String) -> String) -> [Flow: FlowProblem] {
        var roleIDs = Set<String>()
        for role in h.roles.values { roleIDs.insert(mapping(role.id)) }
        var consumedAnywhere = Set<[String]>()
        for (flow, sides) in flows where sides.contains(.consumer) { consumedAnywhere.insert([flow.producer, flow.context]) }
        var out: [Flow: FlowProblem] = [:]
        for (flow, sides) in flows {
            if flow.consumer == ContextOut.everyone {
                if !consumedAnywhere.contains([flow.producer, flow.context]) { out[flow] = .noConsumer }
                continue
            }
            if sides == [.producer], roleIDs.contains(flow.consumer) {
                out[flow] = .notConsumed
            } else if sides == [.consumer], roleIDs.contains(flow.producer),
                      flows[Flow(producer: flow.producer, context: flow.context, consumer: ContextOut.everyone)] == nil {
                out[flow] = .notSent
            }
        }
        return out
    }

    // MARK: Contracts

    static func contractChanges(base: Handbook, head: Handbook, renames: [Rename], headID: (String) -> String) -> [ContractChange] {
        var pairs: [(Contract, Contract)] = []
        for contract in head.sortedContracts {
            let oldID = renames.first { $0.to == contract.id }?.from ?? contract.id
            if let old = base.contracts[oldID] { pairs.append((old, contract)) }
        }
        var out: [ContractChange] = []
        for (old, new) in pairs {
            var change = ContractChange(id: new.id, name: new.name)
            let gates = diffGates(old.gates.map(\.value), new.gates.map(\.value))
            change.gatesAdded = gates.added
            change.gatesRemoved = gates.removed
            change.gatesReworded = gates.reworded
            let before = old.carries.map(\.value), after = new.carries.map(\.value)
            change.carriesAdded = after.filter { !before.contains($0) }
            change.carriesRemoved = before.filter { !after.contains($0) }
            func value(_ field: String, _ a: String, _ b: String) {
                if a != b { change.values.append(ValueChange(field: field, from: a, to: b)) }
            }
            value("from", old.from.map { headID($0.value) } ?? "", new.from?.value ?? "")
            value("to", old.to.map { headID($0.value) } ?? "", new.to?.value ?? "")
            value("boundary", old.boundary.map { "\($0.from) -> \($0.to)" } ?? "", new.boundary.map { "\($0.from) -> \($0.to)" } ?? "")
            value("acknowledge_within", old.acknowledgeWithin?.words ?? "", new.acknowledgeWithin?.words ?? "")
            value("next_stage_within", old.nextStageWithin?.words ?? "", new.nextStageWithin?.words ?? "")
            if !change.isEmpty { out.append(change) }
        }
        return out
    }

    /// Gates matched exactly (longest common subsequence); of the rest, a
    /// removed and an added gate that share most of their words are one
    /// gate reworded.
    static func diffGates(_ old: [String], _ new: [String]) -> (added: [String], removed: [String], reworded: [Reworded]) {
        var lcs = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var removed: [String] = [], added: [String] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] { i += 1; j += 1 }
            else if j < new.count, i == old.count || lcs[i][j + 1] >= lcs[i + 1][j] { added.append(new[j]); j += 1 }
            else { removed.append(old[i]); i += 1 }
        }
        var reworded: [Reworded] = []
        var remainingAdded = added
        var remainingRemoved: [String] = []
        for gate in removed {
            let scored = remainingAdded.enumerated().map { ($0.offset, similarity(gate, $0.element)) }
            if let best = scored.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }), best.1 >= 0.5 {
                reworded.append(Reworded(from: gate, to: remainingAdded[best.0]))
                remainingAdded.remove(at: best.0)
            } else {
                remainingRemoved.append(gate)
            }
        }
        return (remainingAdded, remainingRemoved, reworded)
    }

    /// Shared words over all words (Jaccard), case-insensitive.
    static func similarity(_ a: String, _ b: String) -> Double {
        let words = { (s: String) in Set(s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)) }
        let x = words(a), y = words(b)
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }

    // MARK: Timing

    static func timingChange(base: Handbook, head: Handbook) -> TimingChange {
        var change = TimingChange()
        let text = { (t: CycleTiming) in t.totalHours.map { Duration.compact(hours: $0) } ?? "unbounded" }
        let before = base.timing, after = head.timing
        // A lifecycle that did not exist on one side has no cycle to compare.
        if !before.parts.isEmpty, !after.parts.isEmpty, text(before) != text(after) {
            change.cycle = ValueChange(field: "cycle", from: text(before), to: text(after))
        }
        change.budget = after.budget.map { Duration.compact(hours: $0.value.hours) }
        let lifecycle = head.settings?.lifecycle.map(\.value) ?? []
        for (from, to) in zip(lifecycle, lifecycle.dropFirst())
        where head.contracts(crossing: from, to).isEmpty && !base.contracts(crossing: from, to).isEmpty {
            change.uncovered.append(Seam(from: from, to: to))
        }
        return change
    }

    // MARK: Agents

    static func agentChanges(base: Handbook, head: Handbook, headID: (String) -> String) -> [AgentChange] {
        var before: [String: (Role, Agent)] = [:], after: [String: (Role, Agent)] = [:]
        for role in base.roles.values { for agent in role.agents { before[headID(role.id) + "\u{0}" + agent.name] = (role, agent) } }
        for role in head.roles.values { for agent in role.agents { after[role.id + "\u{0}" + agent.name] = (role, agent) } }
        var out: [AgentChange] = []
        for key in Set(before.keys).union(after.keys).sorted() {
            let roleID = String(key.split(separator: "\u{0}", maxSplits: 1)[0])
            switch (before[key], after[key]) {
            case let (nil, (role, agent)?):
                out.append(AgentChange(role: roleID, roleName: role.name, name: agent.name, kind: .added, access: agent.access.rawValue,
                                       becomesWrite: agent.access == .write))
            case let ((role, agent)?, nil):
                out.append(AgentChange(role: roleID, roleName: role.name, name: agent.name, kind: .removed, access: agent.access.rawValue,
                                       becomesWrite: false))
            case let ((_, old)?, (role, new)?):
                var change = AgentChange(role: roleID, roleName: role.name, name: new.name, kind: .changed, access: new.access.rawValue,
                                         becomesWrite: old.access == .read && new.access == .write)
                if old.access != new.access { change.values.append(ValueChange(field: "access", from: old.access.rawValue, to: new.access.rawValue)) }
                if old.blastRadius != new.blastRadius {
                    change.values.append(ValueChange(field: "blast_radius", from: old.blastRadius ?? "", to: new.blastRadius ?? ""))
                }
                if old.delegation?.value != new.delegation?.value {
                    change.values.append(ValueChange(field: "delegation", from: old.delegation?.value.rawValue ?? "", to: new.delegation?.value.rawValue ?? ""))
                }
                if old.winterTearClass != new.winterTearClass {
                    change.values.append(ValueChange(field: "class", from: old.winterTearClass.rawValue, to: new.winterTearClass.rawValue))
                    change.becomesCopilot = new.winterTearClass == .copilot
                    change.missing = new.winterTearMissing
                }
                if !change.values.isEmpty { out.append(change) }
            case (nil, nil):
                break
            }
        }
        return out
    }
}
