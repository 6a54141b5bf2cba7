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
    /// The kinds of content file the rule reads, besides handbook.yaml:
    /// after an edit of only other kinds, its previous diagnostics stand
    /// (`IncrementalCheck`; its test compares with a full check after random edits).
    static var reads: Set<EntityKind> { get }
    func check(_ index: HandbookIndex) -> [Diagnostic]
}

extension HandbookRule {
    var id: RuleID { Self.descriptor.rule }
    var reads: Set<EntityKind> { Self.reads }

    func diagnostic(_ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) -> Diagnostic {
        Diagnostic(id, message, at: location, notes: notes)
    }
}
