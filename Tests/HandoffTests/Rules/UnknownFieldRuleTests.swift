import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// unknown-field: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct UnknownFieldRuleTests {
    @Test func unknownField() throws {
        var handbook = TestHandbook(["stages/decide.md": "---\n1️⃣name: Decide\nquestion: Which?\n2️⃣outptu: A pitch.\n---\n"])
        expectSame(try handbook.check().reported, [
            Reported(.missingField, .error, handbook.at("1️⃣"), "missing required field 'output'"),
            Reported(.unknownField, .warning, handbook.at("2️⃣"), "unknown field 'outptu'", notes: ["did you mean 'output'?"]),
        ])
    }
}
