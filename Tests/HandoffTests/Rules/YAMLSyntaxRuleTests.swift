import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// yaml-syntax: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct YAMLSyntaxRuleTests {
    @Test func yamlSyntax() throws {
        var handbook = TestHandbook(["pages/bad.md": "---\nname: Bad\norder: [1, 2\n1️⃣---\n"])
        let diagnostics = try handbook.check().reported
        expectSame(diagnostics, [Reported(.yamlSyntax, .error, handbook.at("1️⃣"),
                                         "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)")])
    }
}
