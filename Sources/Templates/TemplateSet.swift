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
