import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// broken-link: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct BrokenLinkRuleTests {
    @Test func brokenLink() throws {
        var handbook = TestHandbook(["pages/guide.md": """
            ---
            name: Guide
            ---
            # Guide

            See [ok](../roles/pm.md#how-we-work), [ok](../roles/eng.md#context-in), [ok](#guide) and [web](https://example.com/x.md).

            1️⃣[a](../roles/pm.md#nowhere) and 2️⃣[b](../roles/nobody.md) and 3️⃣[c](#gide).
            😀 é 4️⃣[d](../../outside.md)
            """])
        expectSame(try handbook.check().reported, [
            Reported(.brokenLink, .error, handbook.at("1️⃣"), "link '../roles/pm.md#nowhere' names no heading in 'roles/pm.md'"),
            Reported(.brokenLink, .error, handbook.at("2️⃣"), "link '../roles/nobody.md' names no content file: 'roles/nobody.md' does not exist"),
            Reported(.brokenLink, .error, handbook.at("3️⃣"), "link '#gide' names no heading in this file", notes: ["did you mean '#guide'?"]),
            Reported(.brokenLink, .error, handbook.at("4️⃣"), "link '../../outside.md' leaves the handbook folder"),
        ])
        #expect(handbook.at("4️⃣").column == 5) // Unicode scalars (😀 is 4 bytes, é 2), not bytes
    }
}
