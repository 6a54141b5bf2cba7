import Diagnostics

/// stray-markdown: a folder under the content folder that is no kind folder
/// (stages, roles, contexts, contracts, pages, objects) and holds Markdown
/// files, which are not read. Reported while files are read, once per
/// folder at its first Markdown file; this file describes it and carries its
/// examples.
enum StrayMarkdownRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .strayMarkdown,
        help: "Only the kind folders are read: stages/, roles/, contexts/, contracts/, objects/ and pages/ (any depth). Markdown anywhere else would not be published, so say so rather than drop it silently. Move the folder under pages/ to publish it as pages; the content folder's own README.md is left alone.",
        triggering: [
            RuleExample([
                "docs/more.md": "1️⃣# More\n",
                "docs/notes.md": "# Notes\n\nWritten where handoff does not look.\n",
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "pages/docs/notes.md": "# Notes\n\nMoved under pages/, so it is a page.\n",
                "README.md": "# This folder\n\nThe handbook's sources.\n",
            ]),
        ]
    )
}
