import Dispatch
import HandbookModel
import Markup
import Testing

/// cmark-gfm keeps its special inline characters in one process-wide table
/// that each parse changes (`CCmarkSpecialChars`): parsing on many threads
/// must give the same bytes as parsing on one.
@Suite struct ParallelParseTests {
    /// A body heavy in what the extensions parse: autolinks, strikethrough,
    /// tables and footnotes.
    static func body(_ seed: Int) -> String {
        var lines: [String] = []
        for i in 0..<40 {
            lines.append("Item \(seed)-\(i): see www.example\(i).com, ~~old \(i)~~ and https://x.org/\(seed)/\(i) or a@b\(i).org.[^n\(i)]")
            lines.append("")
            lines.append("| a | ~~b~~ |\n|---|---|\n| www.t\(i).org | ~x~ |")
            lines.append("")
            lines.append("[^n\(i)]: Note \(i) with ~~strike~~ and www.note\(i).org.")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    @Test func manyParallelParsesEqualOneThread() {
        let bodies = (0..<300).map(Self.body)
        let sequential = bodies.map { MarkdownHTML.render($0, rewrite: { $0 }) }
        #expect(sequential[0].components(separatedBy: "<del>").count - 1 == 160)
        #expect(sequential[0].components(separatedBy: "<a href=\"http").count - 1 == 160)
        #expect(sequential[0].components(separatedBy: "<table>").count - 1 == 40)
        for _ in 0..<8 {
            let parallel = bodies.concurrentMap { MarkdownHTML.render($0, rewrite: { $0 }) }
            // Which bodies differ (not the bodies themselves: they are long).
            let differing = parallel.indices.filter { parallel[$0] != sequential[$0] }
            #expect(differing == [])
        }
        #expect(CmarkDocument.specialCharacterGuard != "none")
        #expect(CmarkDocument.specialCharacterHolders == 0)
    }
}
