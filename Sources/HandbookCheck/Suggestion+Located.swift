import Diagnostics
import HandbookModel

extension Suggestion {
    /// "did you mean 'x'?" pointing at where the closest candidate is declared.
    static func notes(for word: String, among candidates: [Located<String>]) -> [Diagnostic.Note] {
        guard let close = closest(to: word, among: candidates.map(\.value)),
              let declared = candidates.first(where: { $0.value == close }) else { return [] }
        return [Diagnostic.Note("did you mean '\(close)'?", at: declared.location)]
    }
}
