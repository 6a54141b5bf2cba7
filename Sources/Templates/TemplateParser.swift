/// Mustache templates parsed into a tree, with the position of every tag.
///
/// The spec's core modules: interpolation (`{{x}}`, `{{{x}}}`, `{{& x}}`),
/// sections and inverted sections, partials (`{{> x}}`, a standalone one
/// indents every line it renders), comments, set delimiters (`{{=<% %>=}}`),
/// dotted names and the implicit iterator (`{{.}}`). Standalone tags (alone on
/// their line but for whitespace) remove their whole line. swift-mustache's
/// sequence functions `first()`, `last()`, `index()`, `even()`, `odd()` are
/// names too. Not supported: lambdas, inheritance (`{{< x}}`, `{{$ x}}`),
/// dynamic names (`{{>* x}}`), pragmas (`{{% x}}`): each is an error at its tag.
public enum TemplateSyntax {
    /// A tag's name: `a.b.c`, `.` or `last()`.
    public struct Name: Sendable, Equatable {
        public var parts: [String]
        /// `{{.}}`
        public var isImplicit: Bool { parts.isEmpty && function == nil }
        /// `first`, `last`, `index`, `even` or `odd` for `{{last()}}`.
        public var function: String?
        public var text: String

        static func parse(_ text: String) -> Name? {
            if text == "." { return Name(parts: [], function: nil, text: text) }
            if text.hasSuffix("()") {
                let function = String(text.dropLast(2))
                guard ["first", "last", "index", "even", "odd"].contains(function) else { return nil }
                return Name(parts: [], function: function, text: text)
            }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !parts.contains(where: \.isEmpty),
                  parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } }) else { return nil }
            return Name(parts: parts, function: nil, text: text)
        }
    }

    public struct Position: Sendable, Equatable {
        public var line: Int
        public var column: Int
    }

    public indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool, at: Position)
        case section(Name, inverted: Bool, children: [Node], at: Position)
        /// `indentation` is the whitespace before a standalone partial tag.
        case partial(String, indentation: [UInt8], at: Position)
    }

    public struct Error: Swift.Error, Sendable, Equatable {
        public var message: String
        public var position: Position
    }

    /// Parses a template's bytes (UTF-8).
    public static func parse(_ bytes: [UInt8]) throws(Error) -> [Node] {
        var parser = Parser(bytes: bytes)
        return try parser.parse()
    }
}

private struct Parser {
    typealias Node = TemplateSyntax.Node
    typealias Position = TemplateSyntax.Position

    enum Token {
        case text(ArraySlice<UInt8>)
        /// The whitespace before a standalone partial tag.
        case indentation([UInt8])
        case newline(ArraySlice<UInt8>)
        case tag(kind: UInt8, content: String, at: Position, tagStart: Int)
    }

    let bytes: [UInt8]
    /// Byte offsets where each line starts.
    let lineStarts: [Int]
    var open: [UInt8] = Array("{{".utf8)
    var close: [UInt8] = Array("}}".utf8)

    init(bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
    }

    /// The position of byte offset `i` (1-based line, column in characters).
    func position(of i: Int) -> Position {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= i { low = mid } else { high = mid - 1 }
        }
        let column = String(decoding: bytes[lineStarts[low]..<i], as: UTF8.self).count + 1
        return Position(line: low + 1, column: column)
    }

    func matches(_ pattern: [UInt8], at i: Int) -> Bool {
        guard i + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[i + k] != pattern[k] { return false }
        return true
    }

    static func isBlank(_ slice: ArraySlice<UInt8>) -> Bool { slice.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// Tokenizes one line at a time and drops the lines that hold a single
    /// standalone tag and whitespace.
    mutating func parse() throws(TemplateSyntax.Error) -> [Node] {
        var tokens: [Token] = []
        var line: [Token] = []
        var i = 0
        var textStart = 0
        func flushText(_ end: Int) {
            if end > textStart { line.append(.text(bytes[textStart..<end])) }
        }
        func endLine(_ newline: ArraySlice<UInt8>?, into tokens: inout [Token], line: inout [Token]) {
            // Standalone: exactly one tag of a standalone kind, all else blank text.
            let tags = line.filter { if case .tag = $0 { true } else { false } }
            let blank = line.allSatisfy { token in
                switch token {
                case let .text(slice): Self.isBlank(slice)
                default: true
                }
            }
            if tags.count == 1, blank, case let .tag(kind, _, _, _) = tags[0], Self.standaloneKinds.contains(kind) {
                if kind == UInt8(ascii: ">") {
                    // Keep the indentation for the partial; drop the line's other whitespace.
                    var indentation: [UInt8] = []
                    for token in line {
                        if case let .text(slice) = token { indentation += slice } else { break }
                    }
                    tokens.append(.indentation(indentation))
                }
                tokens.append(tags[0])
            } else {
                tokens += line
                if let newline { tokens.append(.newline(newline)) }
            }
            line = []
        }
        while i < bytes.count {
            if bytes[i] == 0x0A {
                flushText(i)
                endLine(bytes[i...i], into: &tokens, line: &line)
                i += 1
                textStart = i
                continue
            }
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                flushText(i)
                endLine(bytes[i...(i + 1)], into: &tokens, line: &line)
                i += 2
                textStart = i
                continue
            }
            guard matches(open, at: i) else {
                i += 1
                continue
            }
            flushText(i)
            let tagStart = i
            var j = i + open.count
            var kind: UInt8 = 0
            var closer = close
            if j < bytes.count, [UInt8]("#^/>!&={<$%".utf8).contains(bytes[j]) {
                kind = bytes[j]
                j += 1
            }
            if kind == UInt8(ascii: "{") { closer = Array("}".utf8) + close }
            if kind == UInt8(ascii: "=") { closer = Array("=".utf8) + close }
            var end = j
            while end < bytes.count, !matches(closer, at: end) { end += 1 }
            guard end < bytes.count else {
                throw TemplateSyntax.Error(message: "tag is not closed", position: position(of: tagStart))
            }
            let content = String(decoding: bytes[j..<end], as: UTF8.self).trimmingWhitespace
            let at = position(of: tagStart)
            i = end + closer.count
            textStart = i
            if kind == UInt8(ascii: "=") {
                let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
                    throw TemplateSyntax.Error(message: "a set-delimiter tag names two delimiters, such as {{=<% %>=}}", position: at)
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            }
            line.append(.tag(kind: kind, content: content, at: at, tagStart: tagStart))
        }
        flushText(bytes.count)
        if !line.isEmpty { endLine(nil, into: &tokens, line: &line) }
        var index = 0
        let nodes = try build(tokens, &index, closing: nil)
        return nodes
    }

    static let standaloneKinds: Set<UInt8> = Set("#^/>!=".utf8)

    func build(_ tokens: [Token], _ index: inout Int, closing: (name: String, at: Position)?) throws(TemplateSyntax.Error) -> [Node] {
        var nodes: [Node] = []
        var pendingIndentation: [UInt8] = []
        func appendText(_ slice: ArraySlice<UInt8>) {
            if case let .text(previous)? = nodes.last {
                nodes[nodes.count - 1] = .text(previous + slice)
            } else {
                nodes.append(.text(Array(slice)))
            }
        }
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case let .text(slice):
                if !slice.isEmpty { appendText(slice) }
            case let .indentation(indentation):
                pendingIndentation = indentation
            case let .newline(slice):
                appendText(slice)
            case let .tag(kind, content, at, _):
                switch kind {
                case UInt8(ascii: "!"), UInt8(ascii: "="):
                    continue
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    let name = try Self.name(content, at: at)
                    let children = try build(tokens, &index, closing: (content, at))
                    nodes.append(.section(name, inverted: kind == UInt8(ascii: "^"), children: children, at: at))
                case UInt8(ascii: "/"):
                    guard let closing else {
                        throw TemplateSyntax.Error(message: "'{{/\(content)}}' closes a section that is not open", position: at)
                    }
                    guard closing.name == content else {
                        throw TemplateSyntax.Error(
                            message: "'{{/\(content)}}' closes '\(closing.name)' (opened at \(closing.at.line):\(closing.at.column)); close it with '{{/\(closing.name)}}'",
                            position: at)
                    }
                    return nodes
                case UInt8(ascii: ">"):
                    guard !content.isEmpty, !content.hasPrefix("*") else {
                        throw TemplateSyntax.Error(message: "a partial tag names a template: {{> name}} (dynamic names are not supported)", position: at)
                    }
                    nodes.append(.partial(content, indentation: pendingIndentation, at: at))
                    pendingIndentation = []
                case UInt8(ascii: "{"), UInt8(ascii: "&"):
                    nodes.append(.variable(try Self.name(content, at: at), escaped: false, at: at))
                case UInt8(ascii: "<"), UInt8(ascii: "$"):
                    throw TemplateSyntax.Error(message: "template inheritance ({{<...}}, {{$...}}) is not supported", position: at)
                case UInt8(ascii: "%"):
                    throw TemplateSyntax.Error(message: "pragmas ({{%...}}) are not supported", position: at)
                default:
                    nodes.append(.variable(try Self.name(content, at: at), escaped: true, at: at))
                }
            }
        }
        if let closing {
            throw TemplateSyntax.Error(message: "section '\(closing.name)' is never closed; add '{{/\(closing.name)}}'", position: closing.at)
        }
        return nodes
    }

    static func name(_ content: String, at: Position) throws(TemplateSyntax.Error) -> TemplateSyntax.Name {
        guard let name = TemplateSyntax.Name.parse(content) else {
            throw TemplateSyntax.Error(message: "'\(content)' is not a name: use letters, digits, '_', '-' and dots, '.' or a sequence function such as last()",
                                       position: at)
        }
        return name
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
