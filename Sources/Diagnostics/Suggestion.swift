/// "Did you mean": the closest candidate by edit distance, when it is close
/// enough to be a plausible typo.
public enum Suggestion {
    public static func closest<S: Sequence>(to word: String, among candidates: S) -> String? where S.Element == String {
        let target = Array(word.lowercased().unicodeScalars)
        guard !target.isEmpty else { return nil }
        var best: (distance: Int, candidate: String)?
        for candidate in candidates where candidate != word {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            let limit = max(1, min(scalars.count, target.count) / 4 + 1)
            guard abs(scalars.count - target.count) <= limit else { continue }
            let distance = editDistance(target, scalars, limit: limit)
            guard distance <= limit else { continue }
            if let current = best,
               current.distance < distance || (current.distance == distance && current.candidate < candidate) {
                continue
            }
            best = (distance, candidate)
        }
        return best?.candidate
    }

    /// Levenshtein distance; returns `limit + 1` early once it must exceed `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension Suggestion {
    /// "did you mean 'x'?" as a note, when a candidate is close; none otherwise.
    public static func notes<S: Sequence>(for word: String, among candidates: S, quote: (String) -> String = { $0 }) -> [Diagnostic.Note]
        where S.Element == String {
        closest(to: word, among: candidates).map { [Diagnostic.Note("did you mean '\(quote($0))'?")] } ?? []
    }
}

extension Suggestion {
    /// A known word that `word` almost certainly meant: one letter added,
    /// dropped, changed or two swapped (`ordr`, `drfat`), or a prefix of
    /// at least four letters (`desc`, `alias`); nil otherwise. Stricter than
    /// `closest`, for fields that sit among other tools' fields (`date` is
    /// not `name`).
    public static func nearMiss<S: Sequence>(to word: String, among candidates: S) -> String? where S.Element == String {
        let target = Array(word.lowercased().unicodeScalars)
        var best: String?
        for candidate in candidates where candidate != word {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            let prefix = target.count >= 4 && target.count < scalars.count && scalars.starts(with: target)
            guard prefix || optimalAlignmentDistance(target, scalars) <= 1 else { continue }
            if best == nil || candidate < best! { best = candidate }
        }
        return best
    }

    /// Edit distance counting a swap of neighbours as one edit.
    static func optimalAlignmentDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if abs(a.count - b.count) > 1 { return 2 }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
