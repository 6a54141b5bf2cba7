import Diagnostics

/// yaml-syntax: front matter or handbook.yaml is not valid YAML, or a file has no front matter. Reported while files are read
/// (`HandbookSource`); this file describes it and carries its examples.
enum YAMLSyntaxRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .yamlSyntax,
        help: "Every content file starts with YAML front matter between two '---' lines. Fix the YAML at the position shown: quoting, indentation, a duplicate key or an unclosed bracket.",
        triggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    order: [1, 2
                    1️⃣---
                    An unclosed list in the front matter.

                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    order: 2
                    ---
                    Valid front matter.

                    """,
            ]),
        ]
    )
}
