import Diagnostics

/// missing-field: a required field is absent or empty. Reported while files are read
/// (`HandbookSource`); this file describes it and carries its examples.
enum MissingFieldRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .missingField,
        help: "Add the field the message names. docs/format.md lists the required fields of every kind of file; 'handoff explain role' lists a role's.",
        triggering: [
            RuleExample([
                "stages/decide.md": RuleExample.base("stages/decide.md", replacing: """
                        name: Decide
                        question: What will we build?
                        output: A plan.
                        """,
                        with: """
                        1️⃣name: Decide
                        question: What will we build?
                        """),
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("stages/decide.md"),
        ]
    )
}
