import Foundation
import Testing
@testable import Templates

/// The template compiler: the Mustache spec's core modules (cases adapted
/// from the spec's interpolation, sections, inverted, partials, comments and
/// delimiters files to typed views), and every template problem at its position.
@Suite struct TemplateEngineTests {
    struct Leaf: TemplateView {
        var name: String
        var on: Bool
        static let schema = Schema<Leaf>("a leaf", [.text("name", \.name), .bool("on", \.on)])
    }

    struct Item: TemplateView {
        var name = "Joe"
        var html = "& \" < > '"
        var flag = true
        var off = false
        var count = 42
        var tags = ["a", "b", "c"]
        var none: [String] = []
        var child = Leaf(name: "inner", on: true)
        var items = [Leaf(name: "x", on: true), Leaf(name: "y", on: false)]
        var empty: [Leaf] = []
        var content = "<\n->"

        static let schema = Schema<Item>("an item", [
            .text("name", \.name), .text("html", \.html), .bool("flag", \.flag), .bool("off", \.off),
            .number("count", \.count), .texts("tags", \.tags), .texts("none", \.none),
            .view("child", \.child), .list("items", \.items), .list("empty", \.empty), .text("content", \.content),
        ])
    }

    static func compile(_ template: String, partials: [String: String] = [:]) -> (set: TemplateSet, problems: [TemplateSet.Problem]) {
        let sources = [TemplateSet.Source(name: "t", bytes: Array(template.utf8), file: "t.mustache")]
            + partials.sorted { $0.key < $1.key }.map { TemplateSet.Source(name: $0.key, bytes: Array($0.value.utf8), file: "\($0.key).mustache") }
        return TemplateSet.compile(sources, bindings: [.template("t", renders: Item.self)])
    }

    static func render(_ template: String, _ item: Item = Item(), partials: [String: String] = [:]) -> String {
        let compiled = compile(template, partials: partials)
        #expect(compiled.problems.isEmpty, "\(compiled.problems)")
        return compiled.set.render(item, template: "t")
    }

    // MARK: Interpolation

    @Test func interpolation() {
        #expect(Self.render("Hello, {{name}}!") == "Hello, Joe!")
        #expect(Self.render("No tags here.\n") == "No tags here.\n")
        #expect(Self.render("{{html}}|{{{html}}}|{{&html}}") == "&amp; &quot; &lt; &gt; &#39;|& \" < > '|& \" < > '")
        #expect(Self.render("{{count}} {{flag}} {{off}}") == "42 true false")
        #expect(Self.render("{{child.name}} {{ child.name }} {{{ child.name }}}") == "inner inner inner")
        #expect(Self.render("  {{name}}\n") == "  Joe\n") // interpolation is never standalone
        #expect(Self.render("{{#items}}{{name}}:{{count}} {{/items}}") == "x:42 y:42 ") // outer names resolve
    }

    // MARK: Sections

    @Test func sections() {
        #expect(Self.render("{{#flag}}yes{{/flag}}{{#off}}no{{/off}}") == "yes")
        #expect(Self.render("{{#items}}<{{name}}{{#on}}!{{/on}}>{{/items}}") == "<x!><y>")
        #expect(Self.render("{{#child}}{{name}} of {{count}}{{/child}}") == "inner of 42")
        #expect(Self.render("{{#tags}}{{.}}{{/tags}}") == "abc")
        #expect(Self.render("{{#tags}}{{.}}{{^last()}}, {{/last()}}{{/tags}}") == "a, b, c")
        #expect(Self.render("{{#tags}}{{index()}}{{#first()}}F{{/first()}}{{#even()}}e{{/even()}}{{/tags}}") == "0Fe12e")
        #expect(Self.render("{{#items}}{{#child}}{{name}}{{/child}}{{/items}}") == "innerinner")
        // Standalone lines.
        #expect(Self.render("| This Is\n{{#flag}}\n|\n{{/flag}}\n| A Line\n") == "| This Is\n|\n| A Line\n")
        #expect(Self.render("| This Is\n  {{#flag}}\n|\n  {{/flag}}\n| A Line\n") == "| This Is\n|\n| A Line\n")
        #expect(Self.render("|\r\n{{#flag}}\r\n{{/flag}}\r\n|") == "|\r\n|")
        #expect(Self.render("  {{#flag}}\n#{{/flag}}") == "#")
        #expect(Self.render("#{{#flag}}\n/\n  {{/flag}}") == "#\n/\n")
        #expect(Self.render(" | {{#flag}}\t|\t{{/flag}} | \n") == " | \t|\t | \n")
    }

    // MARK: Inverted

    @Test func inverted() {
        #expect(Self.render("{{^off}}shown{{/off}}{{^flag}}hidden{{/flag}}") == "shown")
        #expect(Self.render("{{^empty}}none{{/empty}}{{^items}}some{{/items}}{{^none}}no tags{{/none}}") == "noneno tags")
        #expect(Self.render("| This Is\n{{^off}}\n|\n{{/off}}\n| A Line\n") == "| This Is\n|\n| A Line\n")
    }

    // MARK: Partials

    @Test func partials() {
        #expect(Self.render("\"{{>p}}\"", partials: ["p": "[{{name}}]"]) == "\"[Joe]\"")
        #expect(Self.render("{{#child}}{{>p}}{{/child}}", partials: ["p": "*{{name}}*"]) == "*inner*")
        #expect(Self.render("|\n{{>p}}\n|", partials: ["p": ">\n>"]) == "|\n>\n>|")
        // Standalone indentation: the partial's lines are indented, interpolated text is not.
        #expect(Self.render("\\\n {{>p}}\n/\n", partials: ["p": "|\n{{{content}}}\n|\n"]) == "\\\n |\n <\n->\n |\n/\n")
    }

    // MARK: Comments and delimiters

    @Test func commentsAndDelimiters() {
        #expect(Self.render("12345{{! Comment Block! }}67890") == "1234567890")
        #expect(Self.render("Begin.\n{{! Comment Block! }}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(Self.render("Begin.\n{{!\nSomething's going on here\n}}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(Self.render("{{=<% %>=}}(<%name%>)") == "(Joe)")
        #expect(Self.render("[\n{{#flag}}\n{{name}}\n{{=| |=}}\n|/flag|\n]\n") == "[\nJoe\n]\n")
        #expect(Self.render("{{=| |=}}|#tags||.||/tags|") == "abc")
    }

    // MARK: Problems

    static func problems(_ template: String, partials: [String: String] = [:]) -> [String] {
        compile(template, partials: partials).problems.map { "\($0.template):\($0.line):\($0.column): \($0.message)" + $0.notes.map { " | \($0)" }.joined() }
    }

    @Test func unknownNamesSayWhatTheViewOffers() {
        #expect(Self.problems("<p>\n  {{nme}}</p>") == [
            "t.mustache:2:3: 'nme' is not a field of an item; did you mean 'name'? | an item offers: name, html, flag, off, count, tags, none, child, items, empty, content",
        ])
        #expect(Self.problems("{{child.nam}}") == [
            "t.mustache:1:1: 'nam' is not a field of a leaf; did you mean 'name'? | a leaf offers: name, on",
        ])
        #expect(Self.problems("{{name.first}}") == ["t.mustache:1:1: 'name' is text, which has no field 'first'"])
    }

    @Test func sectionsNeedAConditionOrAList() {
        #expect(Self.problems("{{#name}}x{{/name}}") == [
            "t.mustache:1:1: 'name' is text: a section needs a condition or a list (a field named 'has...' often is one)",
        ])
        #expect(Self.problems("{{items}}") == [
            "t.mustache:1:1: 'items' is a list (each a leaf), not text: render it with a section, {{#items}}...{{/items}}",
        ])
        #expect(Self.problems("{{^child}}x{{/child}}") == [
            "t.mustache:1:1: 'child' is a leaf, which is always there: '{{^child}}' would never render",
        ])
        #expect(Self.problems("{{last()}}") == ["t.mustache:1:1: 'last()' is defined only inside a list section ({{#list}}...{{/list}})"])
        #expect(Self.problems("{{#items}}{{.}}{{/items}}") == [
            "t.mustache:1:11: '.' is a leaf here, not text: name one of its fields | a leaf offers: name, on",
        ])
    }

    @Test func structureProblems() {
        #expect(Self.problems("a\n{{#flag}}\nb") == ["t.mustache:2:1: section 'flag' is never closed; add '{{/flag}}'"])
        #expect(Self.problems("{{#flag}}{{/off}}") == ["t.mustache:1:10: '{{/off}}' closes 'flag' (opened at 1:1); close it with '{{/flag}}'"])
        #expect(Self.problems("x {{/flag}}") == ["t.mustache:1:3: '{{/flag}}' closes a section that is not open"])
        #expect(Self.problems("{{name") == ["t.mustache:1:1: tag is not closed"])
        #expect(Self.problems("é {{> footer}}", partials: ["header": ""]) == [
            "t.mustache:1:3: partial 'footer' does not exist | templates: header, t",
        ])
        #expect(Self.problems("{{> loop}}", partials: ["loop": "{{> loop}}"]) == ["loop.mustache:1:1: partial 'loop' includes itself (loop > loop)"])
        #expect(Self.problems("{{< base}}{{/base}}") == ["t.mustache:1:1: template inheritance ({{<...}}, {{$...}}) is not supported"])
        #expect(Self.problems("{{a b}}") == [
            "t.mustache:1:1: 'a b' is not a name: use letters, digits, '_', '-' and dots, '.' or a sequence function such as last()",
        ])
    }
}
