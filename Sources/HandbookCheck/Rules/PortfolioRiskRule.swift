import Diagnostics
import HandbookModel

extension RuleID {
    public static let portfolioRisk = RuleID("portfolio-risk", .error,
        "a handbook of a portfolio names no owner for a risk the portfolio requires")
}

/// portfolio-risk: a handbook has no owner for a risk listed in the
/// portfolio's `constraints.risks` (at its handbook.yaml 1:1).
enum PortfolioRiskRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .portfolioRisk,
        help: "The portfolio decided that every product names an owner for these risks. Add risks: to the handbook.yaml of each product that lacks one, with one role for each risk.",
        triggering: [
            RuleExample.portfolio("title: Clinical Data Products\nhandbooks: [cohorts, claims]\nconstraints:\n  risks: [ethical]\n", handbooks: [
                ("cohorts", ["handbook.yaml": RuleExample.base("handbook.yaml") + "\nrisks:\n  value: pm\n  usability: pm\n  feasibility: eng\n  viability: pm\n  ethical: pm\n"]),
                ("claims", ["handbook.yaml": "1️⃣" + RuleExample.base("handbook.yaml")]),
            ]),
        ],
        nonTriggering: [
            RuleExample.portfolio("title: Clinical Data Products\nhandbooks: [cohorts, claims]\nconstraints:\n  risks: [ethical]\n", handbooks: [
                ("cohorts", ["handbook.yaml": RuleExample.base("handbook.yaml") + "\nrisks:\n  value: pm\n  usability: pm\n  feasibility: eng\n  viability: pm\n  ethical: pm\n"]),
                ("claims", ["handbook.yaml": RuleExample.base("handbook.yaml") + "\nrisks:\n  value: pm\n  usability: pm\n  feasibility: eng\n  viability: pm\n  ethical: pm\n"]),
            ]),
        ]
    )

    static func check(_ risks: [Settings.Risk], _ members: [PortfolioChecker.Member]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for member in members {
            guard let settings = member.handbook.settings else { continue }
            for risk in risks where settings.risks?.first(where: { $0.risk == risk }) == nil {
                out.append(Diagnostic(.portfolioRisk, "'\(member.folder)' names no owner for the \(risk.rawValue) risk, which the portfolio requires",
                                      at: PortfolioChecker.settingsStart(member),
                                      notes: [.init("add '\(risk.rawValue): <role id>' under risks: in its handbook.yaml")]))
            }
        }
        return out
    }
}
