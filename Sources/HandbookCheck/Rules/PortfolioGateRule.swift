import Diagnostics
import HandbookModel

extension RuleID {
    public static let portfolioGate = RuleID("portfolio-gate", .error,
        "a contract into a stage lacks the gate the portfolio requires, or a handbook has no contract into it")
}

/// portfolio-gate: for a `constraints.gates` entry, a contract whose
/// boundary leads into the named stage (`last`: each handbook's last
/// lifecycle stage) has no gate matching the pattern (at the contract's
/// `gates` key), or a handbook has no contract into that stage (at its
/// handbook.yaml 1:1).
enum PortfolioGateRule: DescribedRule {
    static let portfolio = "title: Clinical Data Products\nhandbooks: [cohorts, claims]\nconstraints:\n  gates:\n    - into: last\n      matching: \"(?i)data points\"\n"

    static let descriptor = RuleDescriptor(
        .portfolioGate,
        help: "The portfolio decided what must be checked before work enters a stage (a bias review before the last, say). Add a gate that matches to every contract into that stage, and a contract where a handbook has none.",
        triggering: [
            RuleExample.portfolio(portfolio, handbooks: [
                ("cohorts", [:]),
                ("claims", ["contracts/brief.md": RuleExample.base("contracts/brief.md", replacing: "gates:\n  - Brief cites 3 data points",
                                                                     with: "1️⃣gates:\n  - Brief names 3 customers")]),
            ]),
        ],
        nonTriggering: [
            RuleExample.portfolio(portfolio, handbooks: [("cohorts", [:]), ("claims", [:])]),
        ]
    )

    static func check(_ constraint: Portfolio.GateConstraint, _ members: [PortfolioChecker.Member]) -> [Diagnostic] {
        guard let pattern = try? Regex(constraint.matching.value) else { return [] }
        var out: [Diagnostic] = []
        for member in members {
            guard let lifecycle = member.handbook.settings?.lifecycle.map(\.value), let last = lifecycle.last else { continue }
            let stage = constraint.into.value == "last" ? last : constraint.into.value
            let into = member.handbook.sortedContracts.filter { $0.boundary?.to == stage }
            if into.isEmpty {
                out.append(Diagnostic(.portfolioGate, "'\(member.folder)' has no contract into '\(stage)', where the portfolio requires a gate matching '\(constraint.matching.value)'",
                                      at: PortfolioChecker.settingsStart(member),
                                      notes: [.init("the constraint is declared here", at: constraint.into.location)]))
                continue
            }
            for contract in into where !contract.gates.contains(where: { $0.value.contains(pattern) }) && !contract.gatesWereInvalid {
                out.append(Diagnostic(.portfolioGate, "contract '\(contract.id)' leads into '\(stage)' without a gate matching '\(constraint.matching.value)'",
                                      at: member.at(contract.gatesKeyLocation ?? contract.location),
                                      notes: [.init("the portfolio requires it here", at: constraint.matching.location)]))
            }
        }
        return out
    }
}
