import Diagnostics

/// raw-html-removed: the sanitizer removed a tag, attribute or URL from a body's raw HTML. Reported while files are read
/// (`HandbookSource`); this file describes it and carries its examples.
enum RawHTMLRemovedRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .rawHTMLRemoved,
        help: "Raw HTML is kept after a sanitizer like GitHub's: structural and inline tags, img, details, tables, and safe attributes with http, https, mailto or relative URLs. Remove what it lists (script, style, event handlers, class, style=...), or set raw_html: drop in handbook.yaml to drop raw HTML altogether.",
        triggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    ---
                    Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.

                    1️⃣<div style="color: red" onclick="track()">Careful</div>

                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    ---
                    Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.

                    <details>
                    <summary>Careful</summary>

                    Read this first.

                    </details>

                    """,
            ]),
        ]
    )
}
