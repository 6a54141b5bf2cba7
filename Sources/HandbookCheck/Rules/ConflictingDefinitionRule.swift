import Diagnostics
import HandbookModel

extension RuleID {
    public static let conflictingDefinition = RuleID("conflicting-definition", .error,
        "two handbooks of a portfolio define the same governed object differently")
}

/// conflicting-definition: with `objects_agree`, two handbooks define the
/// same object id with different `definition` text (at the later
/// handbook's `definition`, in `handbooks` order; the note names the first).
enum ConflictingDefinitionRule: DescribedRule {
    static let portfolio = "title: Clinical Data Products\nhandbooks: [cohorts, claims]\nconstraints:\n  objects_agree: true\n"

    static let descriptor = RuleDescriptor(
        .conflictingDefinition,
        help: "Two products that define the same object differently are building different things under one name. Agree one definition (the steward's), use it in both handbooks, or give the objects different ids if they really differ.",
        triggering: [
            RuleExample.portfolio(portfolio, handbooks: [
                ("cohorts", ["objects/brief.md": RuleExample.governedObject]),
                ("claims", ["objects/brief.md": RuleExample.governedObject(replacing: "definition: One problem brief, dated when the PM publishes it.",
                                                                          with: "definition: 1️⃣One problem brief per claim batch.")]),
            ]),
        ],
        nonTriggering: [
            RuleExample.portfolio(portfolio, handbooks: [
                ("cohorts", ["objects/brief.md": RuleExample.governedObject]),
                ("claims", ["objects/brief.md": RuleExample.governedObject]),
            ]),
        ]
    )

    static func check(_ members: [PortfolioChecker.Member]) -> [Diagnostic] {
        var first: [String: (member: PortfolioChecker.Member, object: GovernedObject)] = [:]
        var out: [Diagnostic] = []
        for member in members {
            for object in member.handbook.sortedObjects where !object.definition.isEmpty {
                guard let earlier = first[object.id] else {
                    first[object.id] = (member, object)
                    continue
                }
                guard earlier.object.definition != object.definition else { continue }
                out.append(Diagnostic(.conflictingDefinition,
                                      "governed object '\(object.id)' is defined differently in '\(earlier.member.folder)' and '\(member.folder)'",
                                      at: member.at(object.definitionLocation ?? .start(of: object.file)),
                                      notes: [.init("'\(earlier.member.folder)' defines it here", at: earlier.member.at(earlier.object.definitionLocation ?? .start(of: earlier.object.file)))]))
            }
        }
        return out
    }
}
