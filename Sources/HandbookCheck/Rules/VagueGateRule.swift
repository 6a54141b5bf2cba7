import Diagnostics
import HandbookModel

extension RuleID {
    public static let vagueGate = RuleID("vague-gate", .warning,
        "a gate that states a preference instead of a checkable constraint")
}

/// vague-gate: a gate with no number and a preference word.
struct VagueGateRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.contracts]

    static let descriptor = RuleDescriptor(
        .vagueGate,
        help: "A gate is checked by a reviewer before work crosses the boundary, so it must be checkable. This rule fires on a gate with no number that uses a preference word (good, relevant, appropriate, adequate, sufficient, proper, enough, clear, reasonable, ASAP, etc.) or defers to later judgement (as needed, when needed, if needed, if possible, where possible, as appropriate). Replace it with something a reviewer can check: a number, a named artifact, a yes/no fact.",
        triggering: [
            RuleExample([
                "contracts/brief.md": RuleExample.base("contracts/brief.md", replacing: "  - Brief cites 3 data points",
                        with: """
                          - Brief cites 3 data points
                          - 1️⃣Provide good context
                        """),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "contracts/brief.md": RuleExample.base("contracts/brief.md", replacing: "  - Brief cites 3 data points",
                        with: """
                          - Brief cites 3 data points
                          - The open questions are listed in the brief
                        """),
            ]),
        ]
    )

    static let preferenceWords: Set<String> = ["good", "relevant", "appropriate", "adequate", "sufficient", "proper", "enough", "clear", "reasonable",
                                               "asap", "etc"]
    /// Phrases that defer the constraint to someone's judgement later.
    static let preferencePhrases: [[String]] = [["as", "needed"], ["when", "needed"], ["if", "needed"], ["if", "possible"], ["where", "possible"], ["as", "appropriate"]]

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for contract in index.contracts {
            for gate in contract.gates where Self.isVague(gate.value) {
                out.append(diagnostic("gate '\(gate.value)' states a preference, not a checkable constraint", at: gate.location))
            }
        }
        return out
    }

    /// No digit, and a preference word (whole word, any case: good, ASAP,
    /// etc...) or phrase ("as needed", "when needed", "if possible").
    static func isVague(_ gate: String) -> Bool {
        if gate.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return false }
        var words: [String] = []
        var current = ""
        for scalar in gate.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        if words.contains(where: preferenceWords.contains) { return true }
        return zip(words, words.dropFirst()).contains { pair in preferencePhrases.contains { $0[0] == pair.0 && $0[1] == pair.1 } }
    }
}
