import Diagnostics

/// foreign-syntax: a page body holding another tool's template syntax
/// (Liquid `{% %}`, Hugo `{{< >}}` / `{{% %}}` outside code, mdBook's
/// `{{#include}}` anywhere), which handoff shows as written. Reported while
/// files are read (`HandbookSource`), once per file at the first place, with
/// the count; this file describes it and carries its examples.
enum ForeignSyntaxRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .foreignSyntax,
        help: "Docs moved in from Jekyll, Hugo or mdBook may hold their template tags. handoff runs no other tool's templates, so the tag shows on the page as written. Write out what the tag produced (the included file's text, the value it printed), or put the tag in a code span if it is meant to be shown.",
        triggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    ---
                    Our address is 1️⃣{% include address.html %}, and {{< ref "team" >}} has the rest.

                    ```rust
                    {{#include ../listings/main.rs}}
                    ```

                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "pages/notes.md": """
                    ---
                    name: Notes
                    ---
                    Jekyll writes `{% include address.html %}` where a file is included.

                    ```liquid
                    {% for item in site.data.team %}{{ item.name }}{% endfor %}
                    ```

                    """,
            ]),
        ]
    )
}
