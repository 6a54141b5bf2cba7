import Diagnostics
import HandbookModel

/// A rule with its description and examples (`RuleDescriptor`).
protocol DescribedRule: SendableMetatype {
    static var descriptor: RuleDescriptor { get }
}

/// A rule checked over a loaded handbook. Each lives in its own file under
/// `Rules/` with its id, descriptor and messages, and has one line in
/// `RuleRegistry`.
protocol HandbookRule: DescribedRule, Sendable {
    init()
    func check(_ index: HandbookIndex) -> [Diagnostic]
}

extension HandbookRule {
    var id: RuleID { Self.descriptor.rule }

    func diagnostic(_ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) -> Diagnostic {
        Diagnostic(id, message, at: location, notes: notes)
    }
}
