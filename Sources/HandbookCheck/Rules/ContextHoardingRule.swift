import Diagnostics
import HandbookModel

extension RuleID {
    public static let contextHoarding = RuleID("context-hoarding", .warning,
        "a role that consumes context but produces none")
}

/// context-hoarding: a role with `context_in` but no `context_out`.
struct ContextHoardingRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.roles]

    static let descriptor = RuleDescriptor(
        .contextHoarding,
        help: "A role that consumes context but produces none keeps what it learns. Declare what it hands on in context_out.",
        triggering: [
            RuleExample([
                "roles/qa.md": """
                    ---
                    name: QA
                    purpose: Catch defects early.
                    engagement:
                      decide: consult
                    1️⃣context_in:
                      - context: strategy
                        from: leadership
                    ---

                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "roles/qa.md": """
                    ---
                    name: QA
                    purpose: Catch defects early.
                    engagement:
                      decide: consult
                    context_in:
                      - context: strategy
                        from: leadership
                    context_out:
                      - context: risk-report
                        to: [leadership]
                    ---

                    """,
            ]),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        index.roles.compactMap { role in
            guard let key = role.contextInKey, !role.contextIn.isEmpty || !role.contextInIsComplete,
                  role.contextOut.isEmpty, role.contextOutIsComplete else { return nil }
            return diagnostic("role '\(role.id)' consumes context but produces none: what it learns reaches no one", at: key)
        }
    }
}
