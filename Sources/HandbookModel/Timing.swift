import Diagnostics

/// Time at the seams (FORMAT.md, *Derived facts*): each stage's timebox,
/// each boundary's handoff budget (the largest `acknowledge_within +
/// next_stage_within` among the contracts whose boundary goes from one
/// lifecycle stage to the next; a missing part counts as unbounded), and the
/// cycle: their sum, unbounded when any part is.
public struct CycleTiming: Sendable {
    public struct Part: Sendable {
        public enum Kind: Sendable, Equatable {
            case stage(String)
            /// From one lifecycle stage to the next.
            case boundary(from: String, to: String)
        }
        public var kind: Kind
        /// nil: unbounded.
        public var hours: Int?
        /// A duration it depends on was reported invalid, so its time is unknown.
        public var reported: Bool
        /// For a boundary: the contracts that cross it, by id.
        public var contracts: [String]
    }

    /// In lifecycle order: stage, boundary, stage...
    public var parts: [Part]
    public var budget: Located<Duration>?

    /// nil when any part is unbounded.
    public var totalHours: Int? {
        parts.reduce(Optional(0)) { sum, part in
            guard let sum, let hours = part.hours else { return nil }
            return sum + hours
        }
    }

    /// Some part's time is unknown because a duration was reported invalid.
    public var hasReportedParts: Bool { parts.contains { $0.reported } || budgetReported }
    public var budgetReported: Bool

    /// The cycle is bounded and longer than `cycle_budget`.
    public var isOverBudget: Bool {
        guard let budget, let total = totalHours else { return false }
        return total > budget.value.hours
    }
}

extension Handbook {
    /// The lifecycle's timing, from the stages and contracts that loaded.
    public var timing: CycleTiming {
        let lifecycle = settings?.lifecycle.map(\.value) ?? []
        // One pass over the contracts, grouped by boundary.
        var byBoundary: [String: [String]] = [:]
        for contract in contracts.values {
            if let boundary = contract.boundary { byBoundary[boundary.from + "\u{0}" + boundary.to, default: []].append(contract.id) }
        }
        var parts: [CycleTiming.Part] = []
        for (index, id) in lifecycle.enumerated() {
            if index > 0 {
                let from = lifecycle[index - 1]
                let crossing = (byBoundary[from + "\u{0}" + id] ?? []).sorted().map { contracts[$0]! }
                var hours: Int? = crossing.isEmpty ? nil : 0
                for contract in crossing {
                    guard let ack = contract.acknowledgeWithin, let next = contract.nextStageWithin else {
                        hours = nil
                        break
                    }
                    hours = hours.map { max($0, ack.hours + next.hours) }
                }
                parts.append(.init(kind: .boundary(from: from, to: id), hours: hours,
                                   reported: crossing.contains { $0.timingReported }, contracts: crossing.map(\.id)))
            }
            let stage = stages[id]
            parts.append(.init(kind: .stage(id), hours: stage?.timebox?.hours, reported: stage?.timeboxReported ?? false, contracts: []))
        }
        return CycleTiming(parts: parts, budget: settings?.cycleBudget, budgetReported: settings?.cycleBudgetReported ?? false)
    }

    /// Contracts that loaded whose boundary is `from -> to`, by id.
    public func contracts(crossing from: String, _ to: String) -> [Contract] {
        contracts.values.filter { $0.boundary?.from == from && $0.boundary?.to == to }.sorted { $0.id < $1.id }
    }
}

extension Duration {
    /// A number of hours in the largest whole units: "8w 2d", "36h", "0h".
    public static func compact(hours: Int) -> String {
        guard hours > 0 else { return "0h" }
        var parts: [String] = []
        let weeks = hours / 168, days = hours % 168 / 24, rest = hours % 24
        if weeks > 0 { parts.append("\(weeks)w") }
        if days > 0 { parts.append("\(days)d") }
        if rest > 0 { parts.append("\(rest)h") }
        return parts.joined(separator: " ")
    }
}
