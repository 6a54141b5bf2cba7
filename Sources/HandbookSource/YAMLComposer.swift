import CLibYAML

/// Builds `YAMLNode` trees from libyaml's events (Debian's libyaml-dev,
/// 0.2.5). Nesting is capped here at 1,000 levels (`maxDepth`): the events
/// are pulled one at a time, so a deeper document stops there.
///
/// Why not a YAML library's composer (Yams' `compose`): it hashes every mapping key (an alias bomb used as
/// a key takes exponential time), reports duplicate keys at the first key, and
/// recurses. Here composition is iterative, aliases are expanded under a
/// budget of `nodeBudget` nodes (FORMAT.md: 10,000), duplicate keys are
/// reported at the second occurrence, and `<<` merge keys are applied.
enum YAMLComposer {
    static let nodeBudget = 10_000
    static let maxDepth = 1_000

    /// Composes the single document in `text`. `lineOffset` is added to every
    /// line (the front matter's first line in its file, minus one).
    static func compose(_ text: String, lineOffset: Int = 0, nodeBudget: Int = nodeBudget) -> Result<YAMLNode?, YAMLProblem> {
        compose(text, lineOffset: lineOffset, nodeBudget: nodeBudget, truncations: nil)
    }

    /// A plain value cut short by a comment: `posted in #mobile` is read as
    /// `posted in`, because ` #` starts a comment. (`truncated-value`)
    struct Truncation {
        /// Where the `#` stands (1-based line in the file, scalar column).
        var line: Int
        var column: Int
        /// The value as read, and the rest of its line.
        var value: String
        var rest: String
    }

    /// Composes, and collects into `truncations` every plain value that a
    /// ` #` comment cuts (a `#` right after a space and before a non-space).
    static func compose(_ text: String, lineOffset: Int = 0, nodeBudget: Int = nodeBudget, truncations: UnsafeMutablePointer<[Truncation]>?) -> Result<YAMLNode?, YAMLProblem> {
        var text = text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(YAMLProblem(message: "the YAML parser could not start", line: lineOffset + 1, column: 1))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var builder = Builder(lineOffset: lineOffset, nodeBudget: nodeBudget)
            builder.text = truncations == nil ? nil : UnsafeBufferPointer(rebasing: bytes[...])
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(builder.problem(from: parser, text: UnsafeBufferPointer(rebasing: bytes[...])))
                }
                defer { yaml_event_delete(&event) }
                do {
                    if try builder.handle(event) { break }
                } catch let problem as YAMLProblem {
                    return .failure(problem)
                } catch {
                    return .failure(YAMLProblem(message: "\(error)", line: lineOffset + 1, column: 1))
                }
            }
            truncations?.pointee = builder.truncations
            return .success(builder.root)
        }
    }

    private struct Builder {
        enum Frame {
            case sequence(items: [YAMLNode], line: Int, column: Int, anchor: String?, startCount: Int)
            case mapping(pairs: [YAMLPair], pendingKey: YAMLNode?, line: Int, column: Int, anchor: String?, startCount: Int)
        }

        let lineOffset: Int
        let nodeBudget: Int
        var stack: [Frame] = []
        var anchors: [String: (node: YAMLNode, size: Int)] = [:]
        var nodeCount = 0
        var root: YAMLNode?
        var documents = 0
        /// The source, when truncations are wanted.
        var text: UnsafeBufferPointer<UInt8>?
        var truncations: [Truncation] = []

        init(lineOffset: Int, nodeBudget: Int) {
            self.lineOffset = lineOffset
            self.nodeBudget = nodeBudget
        }

        func position(_ mark: yaml_mark_t) -> (Int, Int) {
            (Int(mark.line) + 1 + lineOffset, Int(mark.column) + 1)
        }

        func problem(from parser: yaml_parser_t, text: UnsafeBufferPointer<UInt8>) -> YAMLProblem {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
            var message = "invalid YAML: \(problem)"
            if parser.error == YAML_READER_ERROR {
                // Reader errors carry a byte offset and value, not a mark.
                let hex = String(UInt32(bitPattern: parser.problem_value), radix: 16, uppercase: true)
                message += " (character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))"
                let (line, column) = TextPosition.of(byte: Int(parser.problem_offset), in: text)
                return YAMLProblem(message: message, line: line + lineOffset, column: column)
            }
            let context = parser.context.map { String(cString: $0) }
            if let context, context != "while parsing" { message += " (\(context))" }
            let (line, column) = position(parser.problem_mark)
            var result = YAMLProblem(message: message, line: line, column: column)
            result.hint = Self.hint(problem: problem, context: context, at: Int(parser.problem_mark.index), contextColumn: Int(parser.context_mark.column) + 1,
                                    contextLine: Int(parser.context_mark.line) + 1 + lineOffset, contextIndex: Int(parser.context_mark.index),
                                    lineOffset: lineOffset, text: text)
            return result
        }

        /// A line of the source: its indentation (in columns), its text
        /// after it, and its 1-based number in the file.
        struct SourceLine {
            var indent: Int
            var text: Substring
            var number: Int

            /// `key:` at the start of the text (a plain key), or nil.
            var key: String? {
                guard let first = text.first, !"-#'\"[{&*!|>%@`?".contains(first) else { return nil }
                guard let colon = text.firstIndex(of: ":") else { return nil }
                let after = text.index(after: colon)
                guard after == text.endIndex || text[after] == " " || text[after] == "\t" else { return nil }
                return String(text[..<colon])
            }
        }

        /// The line holding byte `offset`, and the non-blank, non-comment lines before it (nearest first).
        static func lines(around offset: Int, in text: UnsafeBufferPointer<UInt8>, lineOffset: Int) -> (SourceLine, [SourceLine])? {
            guard offset >= 0, offset <= text.count else { return nil }
            var all: [SourceLine] = []
            var start = 0
            var number = 1 + lineOffset
            var current: SourceLine?
            while start <= text.count {
                var end = start
                while end < text.count, text[end] != 0x0A { end += 1 }
                var indent = 0
                while start + indent < end, text[start + indent] == UInt8(ascii: " ") { indent += 1 }
                var contentEnd = end
                if contentEnd > start, text[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                let body = Substring(String(decoding: UnsafeBufferPointer(rebasing: text[(start + indent)..<max(start + indent, contentEnd)]), as: UTF8.self))
                let line = SourceLine(indent: indent, text: body, number: number)
                if offset >= start && (offset <= end) { current = line; break }
                if !body.isEmpty, !body.hasPrefix("#") { all.append(line) }
                start = end + 1
                number += 1
            }
            guard let current else { return nil }
            return (current, all.reversed())
        }

        /// A fix for libyaml's commonest complaints, in the user's terms.
        static func hint(problem: String, context: String?, at offset: Int, contextColumn: Int, contextLine: Int, contextIndex: Int = -1,
                         lineOffset: Int = 0, text: UnsafeBufferPointer<UInt8>) -> String? {
            let byte = offset >= 0 && offset < text.count ? text[offset] : 0
            if byte == 0x09 || (problem.contains("tab") && problem.contains("indentation")) {
                return "YAML does not allow tabs for indentation; use spaces"
            }
            let here = lines(around: offset, in: text, lineOffset: lineOffset)
            switch problem {
            case "mapping values are not allowed in this context":
                // A key indented further than the key above it reads as the rest of that key's value.
                if let (line, before) = here, let key = line.key, let above = before.first, let aboveKey = above.key, above.indent < line.indent {
                    return "'\(key)' is indented further than '\(aboveKey)' above it (line \(above.number)), so YAML reads it as the rest of that value: start it at column \(above.indent + 1)"
                }
                return "a value that contains ': ' must be quoted: put the value in quotes (key: \"a: b\")"
            case "could not find expected ':'":
                return "a key needs ': ' after it; if this line continues a value, put the whole value in quotes"
            case "did not find expected key" where context == "while parsing a block mapping":
                if let (line, _) = here, line.indent + 1 == contextColumn {
                    if line.text.hasPrefix("- ") || line.text == "-" {
                        return "a list item ('- ') cannot stand at the column of this mapping's keys (column \(contextColumn)): put it under the key whose list it is, indented (key:, then   - item)"
                    }
                    return "this line stands at the column of the mapping's keys (column \(contextColumn)) but is not 'key: value': quote a value that starts with a special character"
                }
                return "the keys of this mapping start at column \(contextColumn) (line \(contextLine)): indent this line to match, or quote a value that starts with a special character"
            case "did not find expected '-' indicator":
                // A key at the list's own column: it belongs to the item above, whose keys start after '- '.
                if let (line, _) = here, let key = line.key, line.indent + 1 == contextColumn,
                   let item = lines(around: max(contextIndex, 0), in: text, lineOffset: lineOffset)?.0, item.text.hasPrefix("- ") {
                    let afterDash = item.text.dropFirst(2)
                    let column = contextColumn + 2 + afterDash.prefix(while: { $0 == " " }).count
                    let first = SourceLine(indent: 0, text: afterDash.drop(while: { $0 == " " }), number: item.number).key
                    return "'\(key)' stands at the list's column, where only '- ' may start an item: a key of the item above starts at column \(column)"
                        + (first.map { ", like '\($0)' on line \(item.number)" } ?? "")
                }
                return "the items of this list start at column \(contextColumn) (line \(contextLine)): indent this line to match"
            case "found character that cannot start any token":
                if byte == UInt8(ascii: "@") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "%") {
                    return "a value cannot start with '\(Character(Unicode.Scalar(byte)))': put the value in quotes"
                }
                return nil
            default:
                return nil
            }
        }

        static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }

        mutating func count(_ n: Int, at mark: yaml_mark_t) throws {
            nodeCount += n
            if nodeCount > nodeBudget {
                let (line, column) = position(mark)
                throw YAMLProblem(message: "YAML expands beyond \(nodeBudget) nodes (check aliases)", line: line, column: column)
            }
        }

        /// Returns true at the end of the stream.
        mutating func handle(_ event: yaml_event_t) throws -> Bool {
            let (line, column) = position(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return true
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw YAMLProblem(message: "invalid YAML: more than one document", line: line, column: column)
                }
            case YAML_SCALAR_EVENT:
                try count(1, at: event.start_mark)
                let scalar = event.data.scalar
                let value = scalar.value.map { pointer in
                    String(decoding: UnsafeBufferPointer(start: pointer, count: scalar.length), as: UTF8.self)
                } ?? ""
                let node = YAMLNode(content: .scalar(value, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), line: line, column: column)
                if scalar.style == YAML_PLAIN_SCALAR_STYLE, scalar.length > 0, let text {
                    checkTruncation(value, end: event.end_mark, in: text)
                }
                if let anchor = Self.string(scalar.anchor) { anchors[anchor] = (node, 1) }
                try add(node)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let (node, size) = anchors[name] else {
                    throw YAMLProblem(message: "invalid YAML: unknown alias '*\(name)'", line: line, column: column)
                }
                try count(size, at: event.start_mark)
                try add(node)
            case YAML_SEQUENCE_START_EVENT where stack.count >= YAMLComposer.maxDepth,
                 YAML_MAPPING_START_EVENT where stack.count >= YAMLComposer.maxDepth:
                throw YAMLProblem(message: "invalid YAML: nesting deeper than \(YAMLComposer.maxDepth) levels", line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                try count(1, at: event.start_mark)
                stack.append(.sequence(items: [], line: line, column: column,
                                       anchor: Self.string(event.data.sequence_start.anchor), startCount: nodeCount))
            case YAML_MAPPING_START_EVENT:
                try count(1, at: event.start_mark)
                stack.append(.mapping(pairs: [], pendingKey: nil, line: line, column: column,
                                      anchor: Self.string(event.data.mapping_start.anchor), startCount: nodeCount))
            case YAML_SEQUENCE_END_EVENT:
                guard case let .sequence(items, l, c, anchor, startCount) = stack.removeLast() else { break }
                let node = YAMLNode(content: .sequence(items), line: l, column: c)
                if let anchor { anchors[anchor] = (node, nodeCount - startCount + 1) }
                try add(node)
            case YAML_MAPPING_END_EVENT:
                guard case let .mapping(pairs, _, l, c, anchor, startCount) = stack.removeLast() else { break }
                let node = YAMLNode(content: .mapping(try Self.merged(pairs)), line: l, column: c)
                if let anchor { anchors[anchor] = (node, nodeCount - startCount + 1) }
                try add(node)
            default:
                break
            }
            return false
        }

        /// After a plain scalar: spaces, then `#` and a non-space on the same line.
        mutating func checkTruncation(_ value: String, end: yaml_mark_t, in text: UnsafeBufferPointer<UInt8>) {
            var i = Int(end.index)
            var skipped = 0
            while i < text.count, text[i] == UInt8(ascii: " ") || text[i] == 0x09 {
                i += 1
                skipped += 1
            }
            guard skipped > 0, i + 1 < text.count, text[i] == UInt8(ascii: "#"),
                  text[i + 1] != UInt8(ascii: " "), text[i + 1] != 0x09, text[i + 1] != 0x0A, text[i + 1] != 0x0D else { return }
            var j = i
            while j < text.count, text[j] != 0x0A, text[j] != 0x0D { j += 1 }
            var rest = String(decoding: text[i..<j], as: UTF8.self)
            while rest.hasSuffix(" ") || rest.hasSuffix("\t") { rest.removeLast() }
            let (line, column) = position(end)
            truncations.append(Truncation(line: line, column: column + skipped, value: value, rest: rest))
        }

        mutating func add(_ node: YAMLNode) throws {
            guard let top = stack.popLast() else {
                root = node
                return
            }
            switch top {
            case .sequence(var items, let line, let column, let anchor, let startCount):
                items.append(node)
                stack.append(.sequence(items: items, line: line, column: column, anchor: anchor, startCount: startCount))
            case .mapping(var pairs, let pendingKey, let line, let column, let anchor, let startCount):
                if let key = pendingKey {
                    pairs.append(YAMLPair(key: key, value: node))
                    stack.append(.mapping(pairs: pairs, pendingKey: nil, line: line, column: column, anchor: anchor, startCount: startCount))
                } else {
                    if let text = node.text, let first = pairs.first(where: { $0.key.text == text }) {
                        throw YAMLProblem(message: "duplicate key '\(text)'", line: node.line, column: node.column,
                                          note: ("'\(text)' first defined here", first.key.line, first.key.column))
                    }
                    stack.append(.mapping(pairs: pairs, pendingKey: node, line: line, column: column, anchor: anchor, startCount: startCount))
                }
            }
        }

        /// Applies `<<` merge keys: the merged mappings' pairs whose keys the
        /// mapping does not set itself.
        static func merged(_ pairs: [YAMLPair]) throws -> [YAMLPair] {
            guard pairs.contains(where: { $0.key.text == "<<" && $0.key.isPlainScalar }) else { return pairs }
            var own = pairs.filter { !($0.key.text == "<<" && $0.key.isPlainScalar) }
            for pair in pairs where pair.key.text == "<<" && pair.key.isPlainScalar {
                let sources: [YAMLNode]
                switch pair.value.content {
                case .mapping: sources = [pair.value]
                case let .sequence(items): sources = items
                case .scalar:
                    throw YAMLProblem(message: "invalid YAML: '<<' must merge a mapping", line: pair.value.line, column: pair.value.column)
                }
                for source in sources {
                    guard case let .mapping(merged) = source.content else {
                        throw YAMLProblem(message: "invalid YAML: '<<' must merge a mapping", line: source.line, column: source.column)
                    }
                    for candidate in merged where !own.contains(where: { $0.key.text == candidate.key.text }) {
                        own.append(candidate)
                    }
                }
            }
            return own
        }
    }
}

extension YAMLNode {
    var isPlainScalar: Bool {
        if case let .scalar(_, plain) = content { return plain }
        return false
    }
}
