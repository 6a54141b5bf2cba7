import Diagnostics
import HandbookModel

/// The two roles of a contract, when both are roles whose files loaded.
struct ContractEnds {
    let from: Role
    let fromLocation: SourceLocation
    let to: Role
    let toLocation: SourceLocation

    init?(_ contract: Contract, _ index: HandbookIndex) {
        guard let fromID = contract.from, let toID = contract.to,
              case let .role(from) = index.actor(fromID.value), case let .role(to) = index.actor(toID.value) else { return nil }
        self.from = from
        self.fromLocation = fromID.location
        self.to = to
        self.toLocation = toID.location
    }
}

/// contract-unproduced: a contract carries a context that `from` does not
/// produce for `to`. Once per carried context.
struct ContractUnproducedRule: HandbookRule {
    let id = RuleID.contractUnproduced

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for contract in index.contracts {
            guard let ends = ContractEnds(contract, index), index.contextOutIsKnown(ends.from) else { continue }
            for carried in contract.carries {
                let produced = ends.from.contextOut.filter { $0.context.value == carried.value }
                if produced.contains(where: { $0.sends(to: ends.to.id) }) { continue }
                                var notes: [Diagnostic.Note] = []
                if produced.isEmpty {
                    let candidates = ends.from.contextOut.filter { $0.sends(to: ends.to.id) }.map(\.context)
                    if let close = Suggestion.closest(to: carried.value, among: candidates.map(\.value)),
                       let declared = candidates.first(where: { $0.value == close }) {
                        notes.append(.init("did you mean '\(close)'?", at: declared.location))
                    }
                } else {
                    notes.append(.init("'\(ends.from.id)' produces '\(carried.value)' here, but not for '\(ends.to.id)'", at: produced[0].context.location))
                }
                out.append(diagnostic("contract carries '\(carried.value)', but '\(ends.from.id)' does not produce it for '\(ends.to.id)'",
                                      at: carried.location, notes: notes))
            }
        }
        return out
    }
}

/// contract-unconsumed: a contract carries a context that `to` does not
/// consume from `from`. Once per carried context.
struct ContractUnconsumedRule: HandbookRule {
    let id = RuleID.contractUnconsumed

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for contract in index.contracts {
            guard let ends = ContractEnds(contract, index), index.contextInIsKnown(ends.to) else { continue }
            for carried in contract.carries {
                if ends.to.contextIn.contains(where: { $0.context.value == carried.value && $0.from.value == ends.from.id }) { continue }
                var notes: [Diagnostic.Note] = []
                let candidates = ends.to.contextIn.filter { $0.from.value == ends.from.id }.map(\.context)
                if let close = Suggestion.closest(to: carried.value, among: candidates.map(\.value)),
                   let declared = candidates.first(where: { $0.value == close }) {
                    notes.append(.init("did you mean '\(close)'?", at: declared.location))
                }
                out.append(diagnostic("contract carries '\(carried.value)', but '\(ends.to.id)' does not consume it from '\(ends.from.id)'",
                                      at: carried.location, notes: notes))
            }
        }
        return out
    }
}
