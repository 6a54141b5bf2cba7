import Diagnostics

/// unsafe-input: a file over a size or complexity limit, or a symlink that leaves the handbook. Reported while files are read
/// (`HandbookSource`); this file describes it and carries its examples.
enum UnsafeInputRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .unsafeInput,
        help: "handoff refuses files over 1 MiB, Markdown bodies over its complexity limits (size, table cells and columns, nesting, repeated inline markers) and symlinks that leave the content or templates folder. Split the page, or raise a limit with --limit NAME=VALUE.",
        triggering: [
            RuleExample([
                "pages/notes.md": "---\nname: Notes\n---\n1️⃣" + String(repeating: "*a* ", count: 5_001) + "\n",
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    ---
                    A page well inside the limits, *with emphasis*.

                    """,
            ]),
        ]
    )
}
