import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// unenforced-data-contract: the rule's diagnostics at exact positions (`1️⃣` markers).
@Suite struct UnenforcedDataContractRuleTests {
    @Test func atTheContractMappingNotAsMissingField() throws {
        var handbook = TestHandbook(["objects/brief.md": RuleExample.governedObject(replacing: "contract:\n  enforced_by: A schema check in CI",
                                                                                    with: "contract:\n  1️⃣freshness: 24h\n  rules: [Dated]")])
        expectSame(try handbook.check().reported, [
            Reported(.unenforcedDataContract, .error, handbook.at("1️⃣"),
                     "the data contract of 'brief' names no enforced_by: a contract that fails no pipeline is a wish"),
        ])
    }

    @Test func aMissingContractIsMissingField() throws {
        var handbook = TestHandbook(["objects/brief.md": RuleExample.governedObject(replacing: "contract:\n  enforced_by: A schema check in CI\n", with: "")
            .patched("---\nname", with: "---\n1️⃣name")])
        expectSame(try handbook.check().reported, [
            Reported(.missingField, .error, handbook.at("1️⃣"), "missing required field 'contract'"),
        ])
    }

    @Test func objectRolesMustExist() throws {
        var handbook = TestHandbook(["objects/brief.md": RuleExample.governedObject
            .patched("producer: pm", with: "producer: 1️⃣pmm").patched("steward: pm", with: "steward: 2️⃣leadership\nconsumers: [leadership, 3️⃣clinic]")])
        expectSame(try handbook.check().reported, [
            Reported(.unknownRole, .error, handbook.at("1️⃣"), "unknown role 'pmm'", notes: ["did you mean 'pm'?", "'pm' declared here (content/roles/pm.md:1:1)"]),
            Reported(.unknownRole, .error, handbook.at("2️⃣"), "'leadership' is an external actor: a governed object's producer and steward are roles"),
            Reported(.unknownRole, .error, handbook.at("3️⃣"), "unknown role or external 'clinic'"),
        ])
    }
}
