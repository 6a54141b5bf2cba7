import Diagnostics

/// invalid-id: a file name or referenced id breaks the id rule. Reported while files are read
/// (`HandbookSource`); this file describes it and carries its examples.
enum InvalidIDRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .invalidID,
        help: "Ids are file names without .md: lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters, directly inside stages/, roles/, contexts/, contracts/ or pages/.",
        triggering: [
            RuleExample([
                "roles/eng.md": RuleExample.base("roles/eng.md", replacing: "    from: pm",
                        with: "    from: 1️⃣PM"),
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("roles/eng.md"),
        ]
    )
}
