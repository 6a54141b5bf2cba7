import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// too-many-objects: the rule's diagnostics at exact positions.
@Suite struct TooManyObjectsRuleTests {
    @Test func elevenObjectsAtHandbookYAML() throws {
        var files: [String: String?] = [:]
        for n in 1...11 { files["objects/o\(n).md"] = RuleExample.governedObject }
        var handbook = TestHandbook(files)
        expectSame(try handbook.check().reported, [
            Reported(.tooManyObjects, .warning, .init(file: "content/handbook.yaml", line: 1, column: 1),
                     "11 governed objects: more than 10 is all of the data again, not what the product promises"),
        ])
        files["objects/o11.md"] = nil
        var ten = TestHandbook(files)
        #expect(try ten.check().isEmpty)
    }
}
