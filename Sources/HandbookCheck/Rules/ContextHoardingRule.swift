import Diagnostics
import HandbookModel

/// context-hoarding: a role with `context_in` but no `context_out`.
struct ContextHoardingRule: HandbookRule {
    let id = RuleID.contextHoarding

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        index.roles.compactMap { role in
            guard let key = role.contextInKey, !role.contextIn.isEmpty || !role.contextInIsComplete,
                  role.contextOut.isEmpty, role.contextOutIsComplete else { return nil }
            return diagnostic("role '\(role.id)' consumes context but produces none: what it learns reaches no one", at: key)
        }
    }
}
