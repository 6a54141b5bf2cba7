import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// invalid-id: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct InvalidIDRuleTests {
    @Test func invalidIDInAReference() throws {
        var handbook = TestHandbook(["roles/eng.md": RuleFixtures.engWithFlows.patched("from: pm", with: "from: 1️⃣PM")])
        expectSame(try handbook.check().reported, [
            Reported(.invalidID, .error, handbook.at("1️⃣"),
                     "'PM' is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters",
                     notes: ["did you mean 'pm'?"]),
        ])
    }

    @Test func invalidIDInAFileName() throws {
        // Pages keep their file names (any name is an address); other kinds' names are ids.
        var handbook = TestHandbook(["contexts/How We Work.md": "---\nname: How we work\n---\n", "pages/How We Work.md": "---\nname: How we work\n---\n"])
        expectSame(try handbook.check().reported, [
            Reported(.invalidID, .error, .init(file: "content/contexts/How We Work.md", line: 1, column: 1),
                     "file name 'How We Work.md' is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters",
                     notes: ["did you mean 'how-we-work'?"]),
        ])
    }
}
