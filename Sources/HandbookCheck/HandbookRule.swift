import Diagnostics
import HandbookModel

/// A rule of FORMAT.md's table, checked over a loaded handbook. Each rule
/// lives in its own file under `Rules/`, with its id and messages.
protocol HandbookRule: Sendable {
    var id: RuleID { get }
    func check(_ index: HandbookIndex) -> [Diagnostic]
}

extension HandbookRule {
    func diagnostic(_ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) -> Diagnostic {
        Diagnostic(id, message, at: location, notes: notes)
    }
}
