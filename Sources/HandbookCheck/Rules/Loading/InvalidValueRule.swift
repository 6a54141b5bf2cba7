import Diagnostics

/// invalid-value: a value of the wrong type or outside its set. Reported while files are read
/// (`HandbookSource`); this file describes it and carries its examples.
enum InvalidValueRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .invalidValue,
        help: "Use a value of the expected type and set: engagement is lead, support or consult; access is read or write; delegation is delegate or coordinate; durations look like 24h, 2d or 1w.",
        triggering: [
            RuleExample([
                "roles/eng.md": RuleExample.base("roles/eng.md", replacing: "  decide: support",
                        with: "  decide: 1️⃣leader"),
            ]),
        ],
        nonTriggering: [
            RuleExample.showing("roles/eng.md"),
        ]
    )
}
