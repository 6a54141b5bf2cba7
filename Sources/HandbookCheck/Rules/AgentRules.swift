import Diagnostics
import HandbookModel

/// agent-without-guardrails: an agent without `oversight` or `blast_radius`.
/// One diagnostic per agent, at its mapping.
struct AgentWithoutGuardrailsRule: HandbookRule {
    let id = RuleID.agentWithoutGuardrails

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for role in index.roles {
            for agent in role.agents {
                let missing = [("oversight", agent.oversight), ("blast_radius", agent.blastRadius)].filter { $0.1 == nil }.map(\.0)
                guard !missing.isEmpty else { continue }
                out.append(diagnostic("agent '\(agent.name)' has no \(missing.joined(separator: " and no ")): say who checks its work and what it can touch",
                                      at: agent.location))
            }
        }
        return out
    }
}

/// unguarded-write-agent: `access: write` without `confirmation` or `staging`.
struct UnguardedWriteAgentRule: HandbookRule {
    let id = RuleID.unguardedWriteAgent

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for role in index.roles {
            for agent in role.agents where agent.access == .write {
                let missing = [("confirmation", agent.confirmation), ("staging", agent.staging)].filter { $0.1 == nil }.map(\.0)
                guard !missing.isEmpty else { continue }
                out.append(diagnostic("write agent '\(agent.name)' has no \(missing.joined(separator: " and no ")): say how destructive actions are confirmed and where mutations run first",
                                      at: agent.location))
            }
        }
        return out
    }
}

/// delegation-mismatch: `delegation: delegate` while error tolerance is low,
/// the tool span multiple, or the work interdependent.
struct DelegationMismatchRule: HandbookRule {
    let id = RuleID.delegationMismatch

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for role in index.roles {
            for agent in role.agents {
                guard let delegation = agent.delegation, delegation.value == .delegate else { continue }
                var reasons: [String] = []
                if agent.errorTolerance == .low { reasons.append("its error tolerance is low") }
                if agent.toolSpan == .multiple { reasons.append("it spans multiple tools") }
                if agent.independence == .interdependent { reasons.append("its work is interdependent") }
                guard !reasons.isEmpty else { continue }
                out.append(diagnostic("agent '\(agent.name)' is delegated, but \(reasons.joined(separator: ", ")): coordinate it instead",
                                      at: delegation.location))
            }
        }
        return out
    }
}
