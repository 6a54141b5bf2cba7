import Diagnostics
import HandbookModel

/// A handbook with the lookups the rules share, built once in linear time.
struct HandbookIndex: Sendable {
    /// What an id in a `from`/`to` refers to.
    enum Actor {
        /// A role whose file loaded.
        case role(Role)
        case external
        /// A role file that exists but could not be read: stay quiet.
        case unreadableRole
        /// Not a role, and handbook.yaml (with its externals) could not be read.
        case undetermined
        case unknown
    }

    let handbook: Handbook
    let roles: [Role]
    /// Sorted by id, once for all rules.
    let contracts: [Contract]
    let lifecycle: [String]
    let lifecyclePosition: [String: Int]
    /// handbook.yaml was read, so stage membership and externals are known.
    let settingsKnown: Bool
    /// Every role's engagement is known (no unreadable role files, no
    /// reported engagement entries).
    let allEngagementKnown: Bool

    init(_ handbook: Handbook) {
        self.handbook = handbook
        roles = handbook.sortedRoles
        contracts = handbook.sortedContracts
        lifecycle = handbook.settings?.lifecycle.map(\.value) ?? []
        lifecyclePosition = handbook.settings?.lifecyclePosition ?? [:]
        settingsKnown = handbook.settings != nil
        let stages = Set(lifecycle)
        let settingsKnown = self.settingsKnown
        func engagementKnown(_ role: Role) -> Bool {
            role.engagementIsComplete && (!settingsKnown || role.engagement.keys.allSatisfy(stages.contains))
        }
        var known = Set<String>()
        for role in handbook.roles.values where engagementKnown(role) { known.insert(role.id) }
        rolesWithKnownEngagement = known
        allEngagementKnown = (handbook.unreadable[.roles]?.isEmpty ?? true) && known.count == handbook.roles.count
        // Worked out once per role: the contract rules ask for every contract.
        var knownIn = Set<String>(), knownOut = Set<String>()
        for role in roles {
            if Self.contextInIsKnown(role, handbook) { knownIn.insert(role.id) }
            if Self.contextOutIsKnown(role, handbook) { knownOut.insert(role.id) }
        }
        rolesWithKnownContextIn = knownIn
        rolesWithKnownContextOut = knownOut
    }

    let rolesWithKnownContextIn: Set<String>
    let rolesWithKnownContextOut: Set<String>

    /// Roles whose engagement was read without a reported problem (no
    /// invalid entry, no stage outside the lifecycle).
    let rolesWithKnownEngagement: Set<String>

    func engagementIsKnown(_ role: Role) -> Bool { rolesWithKnownEngagement.contains(role.id) }

    /// Every `context_in` entry of the role was read and its `from` resolves:
    /// otherwise rules about what the role consumes stay quiet (the problem
    /// was reported once already).
    func contextInIsKnown(_ role: Role) -> Bool { rolesWithKnownContextIn.contains(role.id) }

    /// Every `context_out` entry of the role was read and its targets resolve.
    func contextOutIsKnown(_ role: Role) -> Bool { rolesWithKnownContextOut.contains(role.id) }

    static func contextInIsKnown(_ role: Role, _ handbook: Handbook) -> Bool {
        role.contextInIsComplete && role.contextIn.allSatisfy { flow in
            flow.from.value != ContextOut.everyone && isKnownActor(flow.from.value, handbook)
        }
    }

    static func contextOutIsKnown(_ role: Role, _ handbook: Handbook) -> Bool {
        role.contextOutIsComplete && role.contextOut.allSatisfy { flow in
            flow.targetsAreComplete && flow.to.allSatisfy { target in
                target.value == ContextOut.everyone || isKnownActor(target.value, handbook)
            }
        }
    }

    /// `actor(id)` is not `.unknown`, without copying the role.
    static func isKnownActor(_ id: String, _ handbook: Handbook) -> Bool {
        if handbook.roles.index(forKey: id) != nil || handbook.isUnreadable(id, .roles) { return true }
        guard let settings = handbook.settings else { return true }
        return settings.externals.index(forKey: id) != nil
    }

    /// The loaded role with this id, if any.
    func role(_ id: String) -> Role? { handbook.roles[id] }

    func actor(_ id: String) -> Actor {
        if let role = handbook.roles[id] { return .role(role) }
        if handbook.isUnreadable(id, .roles) { return .unreadableRole }
        guard settingsKnown else { return .undetermined }
        if handbook.settings?.externals[id] != nil { return .external }
        return .unknown
    }

    /// A stage id that rules may reason about: in the lifecycle.
    func isLifecycleStage(_ id: String) -> Bool { lifecyclePosition[id] != nil }

    func roleNote(for id: String, includingExternals: Bool) -> [Diagnostic.Note] {
        if let current = handbook.renamed(id, .roles) { return [.init("renamed to '\(current)' (aliases)")] }
        var candidates = Array(handbook.roles.keys)
        if includingExternals { candidates += handbook.settings?.externals.keys.map { $0 } ?? [] }
        guard let close = Suggestion.closest(to: id, among: candidates.sorted()) else { return [] }
        var notes = [Diagnostic.Note("did you mean '\(close)'?")]
        if let role = handbook.roles[close] {
            notes.append(.init("'\(close)' declared here", at: .start(of: role.file)))
        } else if let external = handbook.settings?.externals[close] {
            notes.append(.init("'\(close)' declared here", at: external.location))
        }
        return notes
    }

    func stageNote(for id: String) -> [Diagnostic.Note] {
        if let current = handbook.renamed(id, .stages) { return [.init("renamed to '\(current)' (aliases)")] }
        guard let close = Suggestion.closest(to: id, among: lifecycle) else { return [] }
        return [.init("did you mean '\(close)'?")]
    }
}
