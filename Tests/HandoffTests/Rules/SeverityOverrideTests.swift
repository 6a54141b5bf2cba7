import Diagnostics
import Foundation
import Testing
@testable import HandbookCheck

/// handbook.yaml's severity: overrides, and the base handbook's cleanliness.
@Suite struct SeverityOverrideTests {
    @Test func theBaseHandbookIsClean() throws {
        var handbook = TestHandbook()
        expectSame(try handbook.check().reported, [])
    }

    @Test func severityOverrides() throws {
        var handbook = TestHandbook([
            "handbook.yaml": "title: T\nlifecycle: [discover, decide]\nexternal:\n  leadership: Leadership\nseverity:\n  vague-gate: error\n  context-hoarding: off\n  1️⃣yaml-syntax: warning\n  2️⃣vage-gate: off\n",
            "contracts/brief.md": "---\nname: B\nfrom: pm\nto: eng\nboundary: discover -> decide\ncarries: [brief]\ngates:\n  - 3️⃣Enough detail\ntrigger: {acknowledge_within: 1d}\n---\n",
            "roles/pm.md": TestHandbook.base["roles/pm.md"]!.patched("to: [eng]", with: "to: [eng, qa]"),
            "roles/qa.md": "---\nname: QA\npurpose: Check.\nengagement: {decide: consult}\ncontext_in:\n  - context: brief\n    from: pm\n---\n",
        ])
        // Sorted by file: contracts/ before handbook.yaml. context-hoarding (qa) is off.
        expectSame(try handbook.check().reported, [
            Reported(.vagueGate, .error, handbook.at("3️⃣"), "gate 'Enough detail' states a preference, not a checkable constraint"),
            Reported(.invalidValue, .error, handbook.at("1️⃣"), "the severity of 'yaml-syntax' cannot be changed: it is always an error"),
            Reported(.invalidValue, .error, handbook.at("2️⃣"), "'vage-gate' is not a rule id", notes: ["did you mean 'vague-gate'?"]),
        ])
    }
}
