import Diagnostics

/// A theme's templates, compiled: each template that renders a page is
/// bound to its view type's schema once, at load, into a closure tree; the
/// others are partials, compiled into every place that includes them.
///
/// Rendering appends to one byte buffer: static text is pre-encoded, names
/// are resolved to field offsets, HTML escaping works on bytes.
public struct TemplateSet: @unchecked Sendable {
    /// A problem in a template, at its position.
    public struct Problem: Error, Sendable, Equatable {
        public var template: String
        public var line: Int
        public var column: Int
        public var message: String
        public var notes: [String]
    }

    /// A template's source.
    public struct Source: Sendable {
        public var name: String
        public var bytes: [UInt8]
        /// How the file is named in messages ("templates/role.mustache").
        public var file: String

        public init(name: String, bytes: [UInt8], file: String) {
            self.name = name
            self.bytes = bytes
            self.file = file
        }
    }

    /// Which view type a page template renders.
    public struct Binding: Sendable {
        public let name: String
        public let schema: AnySchema
        let type: ObjectIdentifier

        public static func template<V: TemplateView>(_ name: String, renders type: V.Type) -> Binding {
            Binding(name: name, schema: V.schema.erased, type: ObjectIdentifier(V.self))
        }
    }

    let compiled: [String: (program: Program, type: ObjectIdentifier)]
    /// The fields of its own view each compiled template uses (partials included).
    let rootFields: [String: Set<String>]

    /// `template` uses `field` of the view it renders (so a caller may skip computing it otherwise).
    public func uses(_ field: String, in template: String) -> Bool { rootFields[template]?.contains(field) ?? false }

    /// Parses every template and compiles each bound one against its view.
    /// All problems are returned, each at its template's position; templates
    /// that no binding names and no template includes are checked for syntax only.
    public static func compile(_ sources: [Source], bindings: [Binding]) -> (set: TemplateSet, problems: [Problem]) {
        var problems: [Problem] = []
        var parsed: [String: (nodes: [TemplateSyntax.Node], file: String)] = [:]
        var failed = Set<String>()
        for source in sources {
            do {
                parsed[source.name] = (try TemplateSyntax.parse(source.bytes), source.file)
            } catch {
                failed.insert(source.name)
                problems.append(Problem(template: source.file, line: error.position.line, column: error.position.column,
                                        message: error.message, notes: []))
            }
        }
        var compiled: [String: (Program, ObjectIdentifier)] = [:]
        var rootFields: [String: Set<String>] = [:]
        for binding in bindings {
            guard let template = parsed[binding.name] else {
                if !failed.contains(binding.name) {
                    problems.append(Problem(template: binding.name + ".mustache", line: 1, column: 1,
                                            message: "template '\(binding.name)' is missing", notes: []))
                }
                continue
            }
            var compiler = Compiler(templates: parsed, failed: failed)
            let program = compiler.compile(template.nodes, file: template.file,
                                           scopes: [.view(binding.schema)], sequence: false, partials: [])
            problems += compiler.problems
            compiled[binding.name] = (program, binding.type)
            rootFields[binding.name] = compiler.rootFields
        }
        return (TemplateSet(compiled: compiled, rootFields: rootFields), problems.sorted { ($0.template, $0.line, $0.column) < ($1.template, $1.line, $1.column) })
    }

    /// Renders `value` with the template bound to its type, appending to `out`.
    public func render<V: TemplateView>(_ value: V, template: String, into out: inout [UInt8]) {
        guard let entry = compiled[template] else { return }
        precondition(entry.type == ObjectIdentifier(V.self), "template '\(template)' renders another view type")
        let context = RenderContext()
        swap(&context.out, &out)
        withUnsafePointer(to: value) { pointer in
            context.stack.append(UnsafeRawPointer(pointer))
            entry.program.run(context)
            context.stack.removeAll(keepingCapacity: true)
        }
        swap(&context.out, &out)
    }

    public func render<V: TemplateView>(_ value: V, template: String) -> String {
        var out: [UInt8] = []
        render(value, template: template, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// What a compiled template runs on: the output, the values of the open
/// sections (innermost last) and the position in the innermost list.
final class RenderContext {
    var out: [UInt8] = []
    var stack: [UnsafeRawPointer] = []
    var index = 0
    var count = 0

    init() { stack.reserveCapacity(16) }
}

/// A compiled template: one closure per node.
struct Program {
    let steps: [(RenderContext) -> Void]

    @inline(__always)
    func run(_ context: RenderContext) {
        for step in steps { step(context) }
    }
}

/// What a section's body renders against: a view (by schema) or a text of a list of texts.
enum Scope {
    case view(AnySchema)
    case text
}

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
            if let innermost { notes.append("\(innermost.noun) offers: " + innermost.fields.map(\.name).joined(separator: ", ")) }
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
                problem(file, at, message, notes: ["\(schema.noun) offers: " + schema.fields.map(\.name).joined(separator: ", ")])
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
                    notes: ["\(schema.noun) offers: " + schema.fields.map(\.name).joined(separator: ", ")])
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

/// HTML escaping on bytes: `< > & " '` become `&lt; &gt; &amp; &quot; &#39;`
/// (the entities swift-mustache writes).
enum HTMLBytes {
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[i] {
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x26: replacement = "&amp;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                default: continue
                }
                if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                start = i + 1
            }
            if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
    }
}
