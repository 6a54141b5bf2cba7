import Diagnostics
import HandbookModel

/// contract-not-engaged: `from` is not engaged in the first stage of the
/// boundary, or `to` in the second. Points at the `from` or `to` value. Each
/// end is judged on its own: an end that failed to load (or is reported as
/// unknown) silences only what concerns that end.
struct ContractNotEngagedRule: HandbookRule {
    let id = RuleID.contractNotEngaged

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for contract in index.contracts {
            guard let boundary = contract.boundary else { continue }
            if let end = contract.from, let role = index.role(end.value), index.isLifecycleStage(boundary.from),
               index.engagementIsKnown(role), role.engagement[boundary.from] == nil {
                out.append(diagnostic("'\(role.id)' hands off at the end of '\(boundary.from)' but is not engaged in it", at: end.location))
            }
            if let end = contract.to, let role = index.role(end.value), index.isLifecycleStage(boundary.to),
               index.engagementIsKnown(role), role.engagement[boundary.to] == nil {
                out.append(diagnostic("'\(role.id)' receives the handoff for '\(boundary.to)' but is not engaged in it", at: end.location))
            }
        }
        return out
    }
}

/// backward-handoff: the boundary's second stage comes before its first in
/// `lifecycle`, or they are equal.
struct BackwardHandoffRule: HandbookRule {
    let id = RuleID.backwardHandoff

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        index.contracts.compactMap { contract in
            guard let boundary = contract.boundary,
                  let first = index.lifecyclePosition[boundary.from], let second = index.lifecyclePosition[boundary.to],
                  second <= first else { return nil }
            if first == second {
                return diagnostic("boundary '\(boundary.from) -> \(boundary.to)' stays in one stage: a handoff crosses from one stage to a later one",
                                  at: boundary.location)
            }
            return diagnostic("boundary '\(boundary.from) -> \(boundary.to)' goes backwards: '\(boundary.to)' comes before '\(boundary.from)' in the lifecycle",
                              at: boundary.location)
        }
    }
}

/// contract-without-gates: `gates` is absent or empty. Points at the front
/// matter mapping, like the missing-field it stands in for.
struct ContractWithoutGatesRule: HandbookRule {
    let id = RuleID.contractWithoutGates

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        index.contracts.compactMap { contract in
            guard contract.gates.isEmpty, !contract.gatesWereInvalid else { return nil }
            return diagnostic("contract '\(contract.id)' has no gates: a handoff without checkable gates is a suggestion",
                              at: contract.location)
        }
    }
}

/// vague-gate: a gate with no number and a preference word.
struct VagueGateRule: HandbookRule {
    let id = RuleID.vagueGate

    static let preferenceWords: Set<String> = ["good", "relevant", "appropriate", "adequate", "sufficient", "proper", "enough", "clear", "reasonable",
                                               "asap", "etc"]
    /// Phrases that defer the constraint to someone's judgement later.
    static let preferencePhrases: [[String]] = [["as", "needed"], ["when", "needed"], ["if", "needed"], ["if", "possible"], ["where", "possible"], ["as", "appropriate"]]

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for contract in index.contracts {
            for gate in contract.gates where Self.isVague(gate.value) {
                out.append(diagnostic("gate '\(gate.value)' states a preference, not a checkable constraint", at: gate.location))
            }
        }
        return out
    }

    /// No digit, and a preference word (whole word, any case: good, ASAP,
    /// etc...) or phrase ("as needed", "when needed", "if possible").
    static func isVague(_ gate: String) -> Bool {
        if gate.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return false }
        var words: [String] = []
        var current = ""
        for scalar in gate.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        if words.contains(where: preferenceWords.contains) { return true }
        return zip(words, words.dropFirst()).contains { pair in preferencePhrases.contains { $0[0] == pair.0 && $0[1] == pair.1 } }
    }
}
