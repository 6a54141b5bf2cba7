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
