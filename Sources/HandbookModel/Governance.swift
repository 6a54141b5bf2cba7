import Diagnostics

/// The governance essay's five-question test (FORMAT.md, *Derived facts*),
/// computed where it can be: shown on the overview when `objects/` exists.
public struct GovernanceScorecard: Sendable {
    public enum Status: String, Sendable { case pass, partial, fail, question }

    /// One piece of evidence: an object or agent and whether it meets the question.
    public struct Evidence: Sendable {
        public var kind: EntityKind
        /// The page's id (an agent's evidence points at its role's page).
        public var id: String
        public var label: String
        public var meets: Bool
        public var detail: String
    }

    public struct Question: Sendable {
        public var text: String
        public var status: Status
        public var summary: String
        public var evidence: [Evidence]
    }

    public var questions: [Question]
}

extension Handbook {
    /// Agents that read at least one governed object, with their role, in role and agent order.
    public var objectReaders: [(role: Role, agent: Agent)] {
        sortedRoles.flatMap { role in role.agents.filter { !$0.reads.isEmpty }.map { (role, $0) } }
    }

    public var governanceScorecard: GovernanceScorecard {
        let objects = sortedObjects
        func status(_ met: Int, of total: Int) -> GovernanceScorecard.Status {
            total > 0 && met == total ? .pass : met > 0 ? .partial : .fail
        }
        func evidence(_ object: GovernedObject, _ meets: Bool, _ detail: String) -> GovernanceScorecard.Evidence {
            .init(kind: .objects, id: object.id, label: object.name, meets: meets, detail: detail)
        }

        let count = objects.count
        let countStatus: GovernanceScorecard.Status = (5...10).contains(count) ? .pass : (1...4).contains(count) ? .partial : .fail
        let countSummary = count > 10 ? "\(counted(count, "governed object")): more than 10 is \"our data\" again"
            : "\(counted(count, "governed object")) (5 to 10 asked)"

        let enforced = objects.map { evidence($0, $0.isEnforced, $0.contract?.enforcedBy ?? "no enforced_by") }
        let stewarded = objects.map { object in
            let meets = object.steward != nil && object.weeklyJob != nil
            let detail = meets ? "\(object.steward!.value): \(object.weeklyJob!.when)"
                : object.steward == nil ? "no steward" : "no weekly job"
            return evidence(object, meets, detail)
        }
        let readers = objectReaders.map { pair in
            let missing = pair.agent.missingLogs
            return GovernanceScorecard.Evidence(
                kind: .roles, id: pair.role.id, label: "\(pair.agent.name) (\(pair.role.name))", meets: missing.isEmpty,
                detail: missing.isEmpty ? "logs contract-version, freshness, input-hash"
                    : "does not log " + missing.map(\.rawValue).joined(separator: ", "))
        }
        let logged = readers.filter(\.meets).count

        return GovernanceScorecard(questions: [
            .init(text: "Can you name the 5 to 10 objects your product promises are true?",
                  status: countStatus, summary: countSummary, evidence: objects.map { evidence($0, true, $0.definition) }),
            .init(text: "Does every object's contract fail a pipeline when it breaks?",
                  status: status(enforced.filter(\.meets).count, of: count),
                  summary: "\(enforced.filter(\.meets).count) of \(count) contracts enforced", evidence: enforced),
            .init(text: "Does every object have a steward with a standing weekly job?",
                  status: status(stewarded.filter(\.meets).count, of: count),
                  summary: "\(stewarded.filter(\.meets).count) of \(count) objects stewarded weekly", evidence: stewarded),
            .init(text: "Does every agent that reads an object log the contract version, freshness and an input hash?",
                  status: readers.isEmpty ? .partial : status(logged, of: readers.count),
                  summary: readers.isEmpty ? "no agent reads a governed object yet" : "\(logged) of \(readers.count) reading agents instrumented",
                  evidence: readers),
            .init(text: "Could you answer a regulator's question about one of these objects within an hour?",
                  status: .question, summary: "A question for the team: no file can answer it.", evidence: []),
        ])
    }
}
