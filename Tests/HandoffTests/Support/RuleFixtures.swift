import Foundation
import Testing

/// Role files the rule tests patch.
enum RuleFixtures {
    static let engWithFlows = TestHandbook.base["roles/eng.md"]!
    static let briefContract = TestHandbook.base["contracts/brief.md"]!

    static func pm(agents: String) -> String {
        TestHandbook.base["roles/pm.md"]!.patched("---\n# PM", with: "agents:\n\(agents)---\n# PM")
    }
}

extension String {
    func patched(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else {
            Issue.record("'\(target)' not found in test input")
            return self
        }
        return replacingCharacters(in: range, with: replacement)
    }
}
