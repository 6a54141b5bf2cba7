import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// truncated-value: a plain value cut by ` #`, at the `#`, with the quoted fix.
@Suite struct TruncatedValueRuleTests {
    @Test func valuesCutByAComment() throws {
        var handbook = TestHandbook([
            "stages/discover.md": "---\nname: Discover\nquestion: What?\noutput: Brief posted in 1️⃣#product\n---\n",
            "contracts/brief.md": RuleFixtures.briefContract.patched("  - Brief cites 3 data points",
                with: "  - Brief cites 3 data points\n  - Release announced in 2️⃣#mobile-releases\n  - Sign off by QA   # a real comment\n  - \"Quoted #kept\""),
            "handbook.yaml": TestHandbook.base["handbook.yaml"]! + "\ndescription: Team \"A\" notes 3️⃣#q3\n",
        ])
        expectSame(try handbook.check().reported, [
            Reported(.truncatedValue, .warning, handbook.at("2️⃣"),
                     "the value is cut at ' #': YAML reads '#mobile-releases' as a comment, so the value is 'Release announced in'",
                     notes: ["put the whole value in quotes: \"Release announced in #mobile-releases\""]),
            Reported(.truncatedValue, .warning, handbook.at("3️⃣"),
                     "the value is cut at ' #': YAML reads '#q3' as a comment, so the value is 'Team \"A\" notes'",
                     notes: ["put the whole value in quotes: 'Team \"A\" notes #q3'"]),
            Reported(.truncatedValue, .warning, handbook.at("1️⃣"),
                     "the value is cut at ' #': YAML reads '#product' as a comment, so the value is 'Brief posted in'",
                     notes: ["put the whole value in quotes: \"Brief posted in #product\""]),
        ])
    }
}
