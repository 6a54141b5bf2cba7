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

    /// Each context carried by a contract whose two ends loaded and pass
    /// `known` (the contract flow rules: what they say about one end is
    /// silent while that end has a reported entry).
    static func carried(in index: HandbookIndex, where known: (ContractEnds) -> Bool) -> [(ends: ContractEnds, context: Located<String>)] {
        index.contracts.flatMap { contract -> [(ends: ContractEnds, context: Located<String>)] in
            guard let ends = ContractEnds(contract, index), known(ends) else { return [] }
            return contract.carries.map { (ends, $0) }
        }
    }
}
