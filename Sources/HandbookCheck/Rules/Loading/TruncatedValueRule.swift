import Diagnostics

/// truncated-value: an unquoted text value followed on its line by ` #` and
/// a non-space (`output: posted in #mobile`): YAML reads the rest as a
/// comment, so the value is cut. Reported while files are read, at the `#`;
/// this file describes it and carries its examples.
enum TruncatedValueRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .truncatedValue,
        help: "In YAML, a space followed by '#' starts a comment, so an unquoted value ends there: 'posted in #mobile' is read as 'posted in'. Put the whole value in quotes (\"posted in #mobile\") to keep it. A comment meant as one is written with a space after '#' ('# like this') and is left alone.",
        triggering: [
            RuleExample([
                "stages/discover.md": "---\nname: Discover\nquestion: What problem is worth solving?\noutput: A brief, posted in 2️⃣#product-briefs\n---\n",
                "contracts/brief.md": RuleExample.base("contracts/brief.md", replacing: "  - Brief cites 3 data points",
                        with: "  - Brief cites 3 data points\n  - Brief announced in 1️⃣#product"),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "stages/discover.md": "---\nname: Discover\nquestion: What problem is worth solving?\noutput: \"A brief, posted in #product-briefs\"   # the team's channel\n---\n",
            ]),
        ]
    )
}
