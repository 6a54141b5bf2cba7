import Diagnostics

struct Compiler {
    let templates: [String: (nodes: [TemplateSyntax.Node], file: String)]
    /// Templates that did not parse (reported already).
    let failed: Set<String>
    var problems: [TemplateSet.Problem] = []
    /// Fields of the outermost view the template resolved.
    var rootFields = Set<String>()

    init(templates: [String: (nodes: [TemplateSyntax.Node], file: String)], failed: Set<String> = []) {
        self.templates = templates
        self.failed = failed
    }

    mutating func problem(_ file: String, _ at: TemplateSyntax.Position, _ message: String, notes: [String] = []) {
        let problem = TemplateSet.Problem(template: file, line: at.line, column: at.column, message: message, notes: notes)
        if !problems.contains(problem) { problems.append(problem) }
    }

    /// - Parameters:
    ///   - scopes: outermost first; the runtime stack has one value per scope.
    ///   - sequence: directly inside a list section, or in a condition's
    ///     section inside one (first(), last()... are defined); a view's
    ///     section, an inverted list section and a partial start outside.
    ///   - partials: the partials being compiled, to refuse recursion.
    mutating func compile(_ nodes: [TemplateSyntax.Node], file: String, scopes: [Scope], sequence: Bool, partials: [String],
                          indentation: [UInt8] = []) -> Program {
        var steps: [(RenderContext) -> Void] = []
        for node in nodes {
            switch node {
            case let .text(bytes):
                let text = bytes
                steps.append { $0.out.append(contentsOf: text) }
            case let .variable(name, escaped, at):
                if let step = variable(name, escaped: escaped, at: at, file: file, scopes: scopes, sequence: sequence) { steps.append(step) }
            case let .section(name, inverted, children, at):
                if let step = section(name, inverted: inverted, children: children, at: at, file: file, scopes: scopes,
                                      sequence: sequence, partials: partials) {
                    steps.append(step)
                }
            case let .partial(name, partialIndentation, at):
                guard let partial = templates[name] else {
                    if failed.contains(name) { continue }
                    let known = templates.keys.sorted()
                    problem(file, at, "partial '\(name)' does not exist\(Suggestion.closest(to: name, among: known).map { "; did you mean '\($0)'?" } ?? "")",
                            notes: ["templates: " + known.joined(separator: ", ")])
                    continue
                }
                guard !partials.contains(name), partials.count < 32 else {
                    problem(file, at, "partial '\(name)' includes itself (\((partials + [name]).joined(separator: " > ")))")
                    continue
                }
                let nodes = partialIndentation.isEmpty ? partial.nodes : Self.indented(partial.nodes, by: partialIndentation)
                // As in swift-mustache, a partial starts outside any list: first(), last()... are undefined in it.
                let program = compile(nodes, file: partial.file, scopes: scopes, sequence: false, partials: partials + [name])
                steps.append { program.run($0) }
            }
        }
        return Program(steps: steps)
    }

    /// A standalone partial's lines, each indented (the spec's "Standalone
    /// Indentation": the template's lines, not what interpolation inserts).
    static func indented(_ nodes: [TemplateSyntax.Node], by indentation: [UInt8]) -> [TemplateSyntax.Node] {
        var atLineStart = true
        func walk(_ nodes: [TemplateSyntax.Node]) -> [TemplateSyntax.Node] {
            nodes.flatMap { node -> [TemplateSyntax.Node] in
                switch node {
                case let .text(bytes):
                    var out: [UInt8] = []
                    for byte in bytes {
                        if atLineStart { out += indentation }
                        out.append(byte)
                        atLineStart = byte == 0x0A
                    }
                    return [.text(out)]
                case .variable, .partial:
                    defer { atLineStart = false }
                    return atLineStart ? [.text(indentation), node] : [node]
                case let .section(name, inverted, children, at):
                    return [.section(name, inverted: inverted, children: walk(children), at: at)]
                }
            }
        }
        return walk(nodes)
    }

    // MARK: Names

    enum Target {
        /// A field reached from the value of scope `level` through `path`.
        case field(level: Int, path: [AnyField])
        /// `{{.}}` on a text.
        case implicitText(level: Int)
        /// `{{.}}` on a view.
        case implicitView(level: Int, schema: AnySchema)
        case function(String)
    }

    mutating func resolve(_ name: TemplateSyntax.Name, at: TemplateSyntax.Position, file: String, scopes: [Scope], sequence: Bool) -> Target? {
        if let function = name.function {
            guard sequence else {
                problem(file, at, "'\(name.text)' is defined only inside a list section ({{#list}}...{{/list}})")
                return nil
            }
            return .function(function)
        }
        if name.isImplicit {
            switch scopes.last! {
            case .text: return .implicitText(level: scopes.count - 1)
            case let .view(schema): return .implicitView(level: scopes.count - 1, schema: schema)
            }
        }
        // The first part is looked up from the innermost section outwards; the rest within it.
        var start: (level: Int, field: AnyField)?
        for level in stride(from: scopes.count - 1, through: 0, by: -1) {
            if case let .view(schema) = scopes[level], let field = schema.field(name.parts[0]) {
                start = (level, field)
                break
            }
        }
        guard let start else {
            let visible = scopes.reversed().flatMap { scope -> [String] in
                if case let .view(schema) = scope { return schema.fields.map(\.name) }
                return []
            }
            let innermost = scopes.last.flatMap { scope -> AnySchema? in if case let .view(schema) = scope { schema } else { nil } }
            var message = "'\(name.parts[0])' is not a field of \(innermost?.noun ?? "a text")"
            if let close = Suggestion.closest(to: name.parts[0], among: visible) { message += "; did you mean '\(close)'?" }
            var notes: [String] = []
            if let innermost { notes.append("\(innermost.noun) offers: " + innermost.declaredFields.map(\.name).joined(separator: ", ")) }
            problem(file, at, message, notes: notes)
            return nil
        }
        if start.level == 0 { rootFields.insert(start.field.name) }
        var path = [start.field]
        for part in name.parts.dropFirst() {
            guard case let .view(reference) = path.last!.kind else {
                problem(file, at, "'\(path.map(\.name).joined(separator: "."))' is \(path.last!.kind.description), which has no field '\(part)'")
                return nil
            }
            let schema = reference.schema
            guard let field = schema.field(part) else {
                var message = "'\(part)' is not a field of \(schema.noun)"
                if let close = Suggestion.closest(to: part, among: schema.fields.map(\.name)) { message += "; did you mean '\(close)'?" }
                problem(file, at, message, notes: ["\(schema.noun) offers: " + schema.declaredFields.map(\.name).joined(separator: ", ")])
                return nil
            }
            path.append(field)
        }
        return .field(level: start.level, path: path)
    }

    /// Reaches a field's storage from the stack: one addition when every step is a stored property.
    static func accessor(level: Int, path: [AnyField]) -> (RenderContext, (UnsafeRawPointer) -> Void) -> Void {
        let offsets = path.compactMap(\.read.offset)
        if offsets.count == path.count {
            let offset = offsets.reduce(0, +)
            return { context, body in body(context.stack[level] + offset) }
        }
        let readers = path.map(\.read)
        return { context, body in
            func step(_ pointer: UnsafeRawPointer, _ index: Int) {
                if index == readers.count { return body(pointer) }
                readers[index](pointer) { step($0, index + 1) }
            }
            step(context.stack[level], 0)
        }
    }

    // MARK: Nodes

    mutating func variable(_ name: TemplateSyntax.Name, escaped: Bool, at: TemplateSyntax.Position, file: String,
                           scopes: [Scope], sequence: Bool) -> ((RenderContext) -> Void)? {
        guard let target = resolve(name, at: at, file: file, scopes: scopes, sequence: sequence) else { return nil }
        switch target {
        case let .function(function):
            return { context in
                switch function {
                case "first": context.out.append(contentsOf: context.index == 0 ? Self.trueBytes : Self.falseBytes)
                case "last": context.out.append(contentsOf: context.index == context.count - 1 ? Self.trueBytes : Self.falseBytes)
                case "even": context.out.append(contentsOf: context.index & 1 == 0 ? Self.trueBytes : Self.falseBytes)
                case "odd": context.out.append(contentsOf: context.index & 1 == 1 ? Self.trueBytes : Self.falseBytes)
                default: context.out.append(contentsOf: String(context.index).utf8)
                }
            }
        case let .implicitText(level):
            return Self.textStep({ context, body in body(context.stack[level]) }, escaped: escaped)
        case let .implicitView(_, schema):
            problem(file, at, "'.' is \(schema.noun) here, not text: name one of its fields",
                    notes: ["\(schema.noun) offers: " + schema.declaredFields.map(\.name).joined(separator: ", ")])
            return nil
        case let .field(level, path):
            let access = Self.accessor(level: level, path: path)
            let field = path.last!
            switch field.kind {
            case .text:
                return Self.textStep(access, escaped: escaped)
            case .number:
                return { context in access(context) { context.out.append(contentsOf: String($0.assumingMemoryBound(to: Int.self).pointee).utf8) } }
            case .bool:
                return { context in
                    access(context) { context.out.append(contentsOf: $0.assumingMemoryBound(to: Bool.self).pointee ? Self.trueBytes : Self.falseBytes) }
                }
            case .texts, .list, .view:
                problem(file, at, "'\(name.text)' is \(field.kind.description), not text: render it with a section, {{#\(name.text)}}...{{/\(name.text)}}")
                return nil
            }
        }
    }

    static let trueBytes = Array("true".utf8)
    static let falseBytes = Array("false".utf8)

    static func textStep(_ access: @escaping (RenderContext, (UnsafeRawPointer) -> Void) -> Void, escaped: Bool) -> (RenderContext) -> Void {
        if escaped {
            return { context in access(context) { HTMLBytes.appendEscaped($0.assumingMemoryBound(to: String.self).pointee, to: &context.out) } }
        }
        return { context in access(context) { HTMLBytes.append($0.assumingMemoryBound(to: String.self).pointee, to: &context.out) } }
    }

    mutating func section(_ name: TemplateSyntax.Name, inverted: Bool, children: [TemplateSyntax.Node], at: TemplateSyntax.Position,
                          file: String, scopes: [Scope], sequence: Bool, partials: [String]) -> ((RenderContext) -> Void)? {
        guard let target = resolve(name, at: at, file: file, scopes: scopes, sequence: sequence) else {
            _ = compile(children, file: file, scopes: scopes, sequence: sequence, partials: partials) // report what is inside too
            return nil
        }
        switch target {
        case let .function(function):
            guard function != "index" else {
                problem(file, at, "'index()' is a number, not a condition")
                return nil
            }
            let body = compile(children, file: file, scopes: scopes, sequence: sequence, partials: partials)
            return { context in
                let value: Bool
                switch function {
                case "first": value = context.index == 0
                case "last": value = context.index == context.count - 1
                case "even": value = context.index & 1 == 0
                default: value = context.index & 1 == 1
                }
                if value != inverted { body.run(context) }
            }
        case .implicitText, .implicitView:
            problem(file, at, "a section needs a name: '{{#.}}' is not supported")
            return nil
        case let .field(level, path):
            let access = Self.accessor(level: level, path: path)
            let field = path.last!
            switch field.kind {
            case .bool:
                let body = compile(children, file: file, scopes: scopes, sequence: sequence, partials: partials)
                return { context in
                    access(context) { if $0.assumingMemoryBound(to: Bool.self).pointee != inverted { body.run(context) } }
                }
            case let .view(reference):
                guard !inverted else {
                    problem(file, at, "'\(name.text)' is \(reference.schema.noun), which is always there: '{{^\(name.text)}}' would never render")
                    return nil
                }
                // A view's section is not a list element: first(), last()... are undefined in it (as in swift-mustache).
                let body = compile(children, file: file, scopes: scopes + [.view(reference.schema)], sequence: false, partials: partials)
                return { context in
                    access(context) { pointer in
                        context.stack.append(pointer)
                        body.run(context)
                        context.stack.removeLast()
                    }
                }
            case .list, .texts:
                let elements = field.elements!
                if inverted {
                    let body = compile(children, file: file, scopes: scopes, sequence: false, partials: partials)
                    return { context in access(context) { if elements.count($0) == 0 { body.run(context) } } }
                }
                let inner: Scope
                if case let .list(reference) = field.kind { inner = .view(reference.schema) } else { inner = .text }
                let body = compile(children, file: file, scopes: scopes + [inner], sequence: true, partials: partials)
                return { context in
                    access(context) { array in
                        let (savedIndex, savedCount) = (context.index, context.count)
                        elements.forEach(array) { element, index, count in
                            context.index = index
                            context.count = count
                            context.stack.append(element)
                            body.run(context)
                            context.stack.removeLast()
                        }
                        (context.index, context.count) = (savedIndex, savedCount)
                    }
                }
            case .text, .number:
                problem(file, at, "'\(name.text)' is \(field.kind.description): a section needs a condition or a list (a field named 'has...' often is one)")
                return nil
            }
        }
    }
}
