import Diagnostics

/// bad-encoding: a body byte that is not UTF-8. Reported while files are read
/// (`HandbookSource`); this file describes it and carries its examples.
enum BadEncodingRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .badEncoding,
        help: "Save the file as UTF-8. The byte shown is not UTF-8 (often Latin-1 or Windows-1252 text); the page shows U+FFFD in its place until it is fixed.",
        triggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    ---
                    Caf1️⃣⟨0xE9⟩ au lait, written in Latin-1.

                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    ---
                    Café au lait, written in UTF-8.

                    """,
            ]),
        ]
    )
}
