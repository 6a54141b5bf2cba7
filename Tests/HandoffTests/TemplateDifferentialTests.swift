import Foundation
import HandbookPipeline
import HandbookCheck
import HandbookSource
import Mustache
import Testing
@testable import HandbookSite
@testable import Templates

/// The compiled engine against swift-mustache (kept as a test-only
/// dependency), byte for byte: every page of every fixture handbook with the
/// built-in theme, and thousands of generated templates over generated data.
///
/// Intended differences, left out of the generated templates: a standalone
/// partial's indentation (the spec indents the partial's lines before
/// rendering; swift-mustache indents rendered output per token), and
/// escaping by bytes rather than by Characters (swift-mustache leaves a `<`
/// that a combining mark joins into one Character unescaped).
@Suite struct TemplateDifferentialTests {
    /// swift-mustache with the built-in theme, fed the views as dictionaries from their schemas.
    struct SwiftMustache: PageRenderer {
        let library: MustacheLibrary

        init() throws {
            var library = MustacheLibrary()
            for (name, bytes) in Theme.builtInFiles where name.hasSuffix(".mustache") {
                library.register(try MustacheTemplate(string: String(decoding: bytes, as: UTF8.self)), named: String(name.dropLast(9)))
            }
            self.library = library
        }

        func render<V: TemplateView>(_ view: V, template: String) -> String {
            library.render(AnySchema.dictionary(view), withTemplate: template) ?? "(no template \(template))"
        }
    }

    @Test(arguments: ["content", "Tests/Fixtures/site/small/content", "Tests/Fixtures/site/nested/content", "Tests/Fixtures/valid/format-examples/content",
                      "Tests/Fixtures/invalid/accountability/content", "Tests/Fixtures/invalid/many-problems/content"])
    func everyPageOfAFixtureRendersTheSame(folder: String) throws {
        let path = Paths.packageRoot.appendingPathComponent(folder).path
        let loaded = try HandbookPipeline(content: path, contentDisplay: "content", renderHTML: true).run()
        let diagnostics = loaded.diagnostics
        let theme = try #require(loaded.theme)
        let builder = SiteBuilder(handbook: loaded.handbook, warnings: diagnostics, theme: theme,
                                  options: .init(contentRoot: "content", repositoryPath: "content", generator: "test"))
        let reference = try SwiftMustache()
        var compared = 0
        for page in builder.pages {
            let ours = builder.render(page, with: theme)
            let theirs = builder.render(page, with: reference)
            #expect(ours == theirs, "\(folder): \(page.path) differs")
            compared += 1
        }
        #expect(compared == builder.pages.count && compared > 10)
    }

    // MARK: Generated templates

    struct Node: TemplateView {
        var name: String
        var flag: Bool
        var count: Int
        var words: [String]
        var kids: [Leaf]
        var one: Leaf
        static let schema = Schema<Node>("a node", [
            .text("name", \.name), .bool("flag", \.flag), .number("count", \.count), .texts("words", \.words),
            .list("kids", \.kids), .view("one", \.one),
        ])
    }

    struct Leaf: TemplateView {
        var label: String
        var on: Bool
        var tags: [String]
        static let schema = Schema<Leaf>("a leaf", [.text("label", \.label), .bool("on", \.on), .texts("tags", \.tags)])
    }

    /// A small deterministic generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let texts = ["", "a", "<b>", "x & y", "\"q\"", "it's", "é", "line\nbreak", "  ", "{{no}}"]

    static func leaf(_ r: inout Random) -> Leaf {
        Leaf(label: r.pick(texts), on: r.below(2) == 0, tags: (0..<r.below(4)).map { _ in r.pick(texts) })
    }

    static func node(_ r: inout Random) -> Node {
        Node(name: r.pick(texts), flag: r.below(2) == 0, count: r.below(2000) - 1000, words: (0..<r.below(4)).map { _ in r.pick(texts) },
             kids: (0..<r.below(4)).map { _ in leaf(&r) }, one: leaf(&r))
    }

    /// Template text valid for a scope: `leaf` inside kids/one, `text` inside words/tags.
    /// `inList`: first(), last()... are defined (directly in a list section, or in a condition's section there).
    static func template(_ r: inout Random, scope: String, depth: Int, inList: Bool = false) -> String {
        var out = ""
        for _ in 0..<(1 + r.below(5)) {
            let space = r.pick(["", " ", "\n", "  ", "\t", "\n  "])
            var choices: [String] = ["text", "text", "variable"]
            if depth < 3 { choices += ["section", "inverted"] }
            if inList { choices.append("function") }
            switch r.pick(choices) {
            case "text":
                out += r.pick(["a", "<p>", " & ", "x\n", "\n", "  ", "-"]) + space
            case "variable":
                let names: [String]
                switch scope {
                case "leaf": names = ["label", "on", "name", "count", "flag", "one.label"]
                case "text": names = [".", "name", "count"]
                case "outerText": names = ["name", "count"] // in an inverted list section inside a list of texts
                default: names = ["name", "count", "flag", "one.label", "one.on"]
                }
                let name = r.pick(names)
                out += r.pick(["{{\(name)}}", "{{{\(name)}}}", "{{& \(name)}}", "{{ \(name) }}"]) + space
            case "function":
                out += r.pick(["{{index()}}", "{{#last()}}L{{/last()}}", "{{^last()}}, {{/last()}}", "{{#first()}}F{{/first()}}"]) + space
            case "section", "inverted":
                let inverted = out.count % 2 == 1 || r.below(3) == 0
                var options: [(String, String)] = [("flag", scope), ("kids", "leaf"), ("words", "text")]
                if scope == "leaf" { options += [("on", "leaf"), ("tags", "text")] }
                if scope == "outerText" { options = [("flag", scope), ("kids", "leaf")] }
                if !inverted { options.append(("one", "leaf")) }
                let (name, inner) = r.pick(options)
                let sigil = inverted ? "^" : "#"
                // Standalone tags on their own lines, or inline.
                let standalone = r.below(2) == 0
                let condition = name == "flag" || name == "on"
                let list = ["kids", "words", "tags"].contains(name)
                // swift-mustache makes the empty list the context of an inverted list section ({{.}}
                // renders "[]"); the spec keeps the enclosing context, as this engine does.
                let bodyScope = inverted && list && scope == "text" ? "outerText" : (inverted || condition ? scope : inner)
                let body = template(&r, scope: bodyScope, depth: depth + 1,
                                    inList: condition ? inList : (list && !inverted))
                // An inline section stays on one line: swift-mustache keeps the line of a standalone
                // closing tag whose section opened mid-line (the spec removes it).
                out += standalone ? "\n{{\(sigil)\(name)}}\n\(body)\n{{/\(name)}}\n"
                    : "{{\(sigil)\(name)}}\(body.replacingOccurrences(of: "\n", with: " ")){{/\(name)}}"
            default:
                break
            }
        }
        if r.below(10) == 0 { out += "{{! a comment }}" }
        return out
    }

    /// A line holding one standalone-kind tag with whitespace after it: the
    /// spec (and mustache.js) remove the line; swift-mustache keeps it. Such
    /// templates are counted, not compared.
    static func hasTrailingWhitespaceAfterStandaloneTag(_ template: String) -> Bool {
        template.split(separator: "\n", omittingEmptySubsequences: false).contains { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("{{"), let sigil = trimmed.dropFirst(2).first, "#^/!=".contains(sigil),
                  let close = trimmed.range(of: "}}") else { return false }
            let rest = trimmed[close.upperBound...]
            return !rest.isEmpty && rest.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } && trimmed.components(separatedBy: "{{").count == 2
        }
    }

    @Test func generatedTemplatesRenderTheSame() throws {
        var r = Random(state: 2026)
        var compared = 0, skipped = 0
        for _ in 0..<3000 {
            // Ends with a visible character: swift-mustache drops a last line of only whitespace, and
            // keeps the whitespace after a standalone tag on a last line without a newline (both
            // against the spec; chevron agrees with this engine on the first).
            let text = Self.template(&r, scope: "node", depth: 0) + "."
            let value = Self.node(&r)
            let compiled = TemplateSet.compile([.init(name: "t", bytes: Array(text.utf8), file: "t.mustache")],
                                               bindings: [.template("t", renders: Node.self)])
            #expect(compiled.problems.isEmpty, "\(text.debugDescription): \(compiled.problems)")
            guard compiled.problems.isEmpty else { continue }
            if Self.hasTrailingWhitespaceAfterStandaloneTag(text) {
                skipped += 1
                continue
            }
            let theirs = try MustacheTemplate(string: text).render(AnySchema.dictionary(value))
            let ours = compiled.set.render(value, template: "t")
            if ours != theirs, let dump = ProcessInfo.processInfo.environment["DUMP"] {
                let record: [String: Any] = ["template": text, "data": AnySchema.dictionary(value), "ours": ours, "theirs": theirs]
                let line = String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self) + "\n"
                if let handle = FileHandle(forWritingAtPath: dump) { handle.seekToEndOfFile(); handle.write(Data(line.utf8)); try? handle.close() }
                continue
            }
            #expect(ours == theirs, "template \(text.debugDescription)")
            if ours != theirs { break }
            compared += 1
        }
        #expect(compared + skipped == 3000)
        #expect(skipped < 300, "\(skipped) templates skipped")
        print("TemplateDifferentialTests: \(compared) generated templates render the same; \(skipped) skipped (whitespace after a standalone tag)")
    }
}
