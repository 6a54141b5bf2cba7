/// What a handbook loses when roles are out (FORMAT.md, If someone is out):
/// stages left without a lead, contexts without a producer, contracts
/// without a party, governed objects without a steward or producer, agents
/// without their role, risks without an owner. Only what the roles held
/// counts: a stage that had no lead before is not lost by anyone's absence.
public struct WhatIf: Sendable, Equatable {
    public struct Agent: Sendable, Equatable {
        public var role: String
        public var name: String
    }

    public var without: [String]
    /// Stage ids, in lifecycle order.
    public var stages: [String] = []
    /// Context ids, sorted.
    public var contexts: [String] = []
    /// Contract ids, sorted.
    public var contracts: [String] = []
    /// Governed object ids, sorted.
    public var objects: [String] = []
    public var agents: [Agent] = []
    /// Risks (value, usability...), in the kernel's order.
    public var risks: [String] = []

    public var isEmpty: Bool { stages.isEmpty && contexts.isEmpty && contracts.isEmpty && objects.isEmpty && agents.isEmpty && risks.isEmpty }

    init(without: [String]) { self.without = without }

    /// `WhatIf(handbook, without: [role])` for every role at once, in one
    /// pass over the handbook (the overview asks it of every role; one
    /// `WhatIf` each would be quadratic in the roles).
    public static func eachRoleAlone(_ handbook: Handbook) -> [String: WhatIf] {
        var out: [String: WhatIf] = [:]
        for id in handbook.roles.keys { out[id] = WhatIf(without: [id]) }
        let roles = handbook.sortedRoles
        for stage in handbook.settings?.lifecycle.map(\.value) ?? [] {
            let leads = roles.filter { $0.engagement[stage]?.level == .lead }
            if leads.count == 1 { out[leads[0].id]?.stages.append(stage) }
        }
        let externals = Set(handbook.settings?.externals.keys.map { $0 } ?? [])
        var producers: [String: Set<String>] = [:]
        for role in roles {
            for flow in role.contextOut { producers[flow.context.value, default: []].insert(role.id) }
            for flow in role.contextIn where externals.contains(flow.from.value) { producers[flow.context.value, default: []].insert(flow.from.value) }
        }
        for (context, set) in producers.sorted(by: { $0.key < $1.key }) where set.count == 1 {
            out[set.first!]?.contexts.append(context)
        }
        for contract in handbook.sortedContracts {
            for party in Set([contract.from?.value, contract.to?.value].compactMap { $0 }).sorted() { out[party]?.contracts.append(contract.id) }
        }
        for object in handbook.sortedObjects {
            for party in Set([object.steward?.value, object.producer?.value].compactMap { $0 }).sorted() { out[party]?.objects.append(object.id) }
        }
        for role in roles { out[role.id]?.agents = role.agents.map { Agent(role: role.id, name: $0.name) } }
        for entry in handbook.settings?.risks ?? [] {
            for owner in Set(entry.owners.map(\.value)).sorted() { out[owner]?.risks.append(entry.risk.rawValue) }
        }
        return out
    }

    public init(_ handbook: Handbook, without removed: Set<String>) {
        without = removed.sorted()
        let lifecycle = handbook.settings?.lifecycle.map(\.value) ?? []
        let roles = handbook.sortedRoles
        for stage in lifecycle {
            let leads = roles.filter { $0.engagement[stage]?.level == .lead }.map(\.id)
            if !leads.isEmpty, leads.allSatisfy(removed.contains) { stages.append(stage) }
        }
        // A context's producers: the roles that list it in context_out, and
        // the externals a role consumes it from.
        var producers: [String: Set<String>] = [:]
        let externals = Set(handbook.settings?.externals.keys.map { $0 } ?? [])
        for role in roles {
            for flow in role.contextOut { producers[flow.context.value, default: []].insert(role.id) }
            for flow in role.contextIn where externals.contains(flow.from.value) {
                producers[flow.context.value, default: []].insert(flow.from.value)
            }
        }
        contexts = producers.filter { !$0.value.isEmpty && $0.value.isSubset(of: removed) }.keys.sorted()
        contracts = handbook.sortedContracts.filter { contract in
            [contract.from, contract.to].contains { $0.map { removed.contains($0.value) } ?? false }
        }.map(\.id)
        objects = handbook.sortedObjects.filter { object in
            [object.steward, object.producer].contains { $0.map { removed.contains($0.value) } ?? false }
        }.map(\.id)
        agents = roles.filter { removed.contains($0.id) }.flatMap { role in role.agents.map { Agent(role: role.id, name: $0.name) } }
        risks = (handbook.settings?.risks ?? []).filter { entry in
            entry.owners.contains { removed.contains($0.value) }
        }.map(\.risk.rawValue)
    }

    /// One line per loss, as `handoff what-if` prints them.
    public func lines(_ handbook: Handbook) -> [String] {
        var out: [String] = []
        out += stages.map { "stage '\($0)' has no lead" }
        out += contexts.map { "context '\($0)' has no producer" }
        out += contracts.map { id in
            let contract = handbook.contracts[id]
            let parties = [contract?.from, contract?.to].compactMap { $0?.value }.filter { without.contains($0) }
            return "contract '\(id)' loses \(parties.count == 2 ? "both parties" : "its \(contract?.from?.value == parties.first ? "sender" : "receiver")") (\(parties.map { "'\($0)'" }.joined(separator: ", ")))"
        }
        out += objects.map { id in
            let object = handbook.objects[id]
            var what: [String] = []
            if let steward = object?.steward?.value, without.contains(steward) { what.append("steward") }
            if let producer = object?.producer?.value, without.contains(producer) { what.append("producer") }
            return "governed object '\(id)' has no \(what.joined(separator: " and "))"
        }
        out += agents.map { "agent '\($0.name)' of '\($0.role)' has no role to run it" }
        out += risks.map { "the \($0) risk has no owner" }
        return out
    }
}
