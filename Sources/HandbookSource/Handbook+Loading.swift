import Diagnostics
import HandbookModel
import Markup


extension Handbook {
    /// Takes the entity of a kind and id out (the file is loaded again).
    mutating func remove(_ kind: EntityKind, _ id: String) {
        switch kind {
        case .stages: stages[id] = nil
        case .roles: roles[id] = nil
        case .contexts: contexts[id] = nil
        case .contracts: contracts[id] = nil
        case .pages: pages[id] = nil
        case .objects: objects[id] = nil
        }
    }

    /// Files a loaded entity under its kind and id.
    mutating func add(_ entity: HandbookLoader.Entity) {
        switch entity {
        case let .stage(stage): stages[stage.id] = stage
        case let .role(role): roles[role.id] = role
        case let .context(context): contexts[context.id] = context
        case let .contract(contract): contracts[contract.id] = contract
        case let .page(page): pages[page.id] = page
        case let .object(object): objects[object.id] = object
        }
    }
}
