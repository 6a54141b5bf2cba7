import Diagnostics

/// unknown-field: a field the format does not define. Reported while files are read
/// (`HandbookSource`); this file describes it and carries its examples.
enum UnknownFieldRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .unknownField,
        help: "Remove the field or correct its spelling; the note suggests the closest defined field.",
        triggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    1️⃣nmae: Team notes
                    ---

                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    order: 1
                    ---

                    """,
            ]),
        ]
    )
}
