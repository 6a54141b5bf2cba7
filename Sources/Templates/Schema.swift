/// A view model the templates render: its schema names every field a
/// template may use, with its kind and where it is stored. The compiler
/// resolves each `{{name}}` against it once, so rendering reads fields
/// through precomputed offsets: no dictionary, no `Mirror`, no dynamic cast.
public protocol TemplateView: SendableMetatype {
    static var schema: Schema<Self> { get }
}

/// The fields of `Root`, declared with key paths (`.text("name", \.name)`).
/// The compiler checks every name a template uses against it.
public struct Schema<Root>: Sendable {
    public let erased: AnySchema

    /// - Parameters:
    ///   - noun: what a value is, for messages ("a role page", "an agent").
    public init(_ noun: String, _ fields: [Field<Root>]) {
        erased = AnySchema(noun: noun, fields: fields.map(\.erased))
    }
}

/// One field of a schema.
public struct Field<Root>: Sendable {
    let erased: AnyField

    /// Plain text, HTML-escaped by `{{name}}` (or raw with `{{{name}}}`).
    public static func text(_ name: String, _ path: KeyPath<Root, String> & Sendable) -> Field {
        Field(erased: AnyField(name: name, kind: .text, read: Reader(path)))
    }

    /// A number, rendered in decimal.
    public static func number(_ name: String, _ path: KeyPath<Root, Int> & Sendable) -> Field {
        Field(erased: AnyField(name: name, kind: .number, read: Reader(path)))
    }

    /// A condition for `{{#name}}` / `{{^name}}`.
    public static func bool(_ name: String, _ path: KeyPath<Root, Bool> & Sendable) -> Field {
        Field(erased: AnyField(name: name, kind: .bool, read: Reader(path)))
    }

    /// A list of texts: `{{#name}}{{.}}{{/name}}`.
    public static func texts(_ name: String, _ path: KeyPath<Root, [String]> & Sendable) -> Field {
        Field(erased: AnyField(name: name, kind: .texts, read: Reader(path), elements: ListAccess(String.self)))
    }

    /// A nested view: `{{#name}}...{{/name}}` renders it once, or `{{name.field}}`.
    public static func view<V: TemplateView>(_ name: String, _ path: KeyPath<Root, V> & Sendable) -> Field {
        Field(erased: AnyField(name: name, kind: .view(SchemaReference(V.self)), read: Reader(path)))
    }

    /// A list of views: `{{#name}}...{{/name}}` renders once per element.
    public static func list<V: TemplateView>(_ name: String, _ path: KeyPath<Root, [V]> & Sendable) -> Field {
        Field(erased: AnyField(name: name, kind: .list(SchemaReference(V.self)), read: Reader(path), elements: ListAccess(V.self)))
    }
}

/// A schema without its root type.
public struct AnySchema: Sendable {
    public let noun: String
    public let fields: [AnyField]
    let byName: [String: Int]

    init(noun: String, fields declared: [AnyField]) {
        self.noun = noun
        var byName: [String: Int] = [:]
        for (index, field) in declared.enumerated() {
            precondition(byName[field.name] == nil, "\(noun) declares '\(field.name)' twice")
            byName[field.name] = index
        }
        // Every text and list has its condition: `hasAgents` is true when
        // `agents` is not empty, `hasEditURL` when `editURL` is not "" (a
        // view declares a `has...` of its own only when it means more).
        var fields = declared
        for field in declared {
            guard let derived = field.emptinessCondition(), byName[derived.name] == nil else { continue }
            byName[derived.name] = fields.count
            fields.append(derived)
        }
        self.fields = fields
        self.byName = byName
    }

    public func field(_ name: String) -> AnyField? { byName[name].map { fields[$0] } }

    /// The fields the view declares (messages and docs list these; each
    /// text or list also has its derived `has...` condition).
    public var declaredFields: [AnyField] { fields.filter { !$0.isDerived } }
}

/// A lazily resolved schema (view types may nest each other).
public struct SchemaReference: Sendable {
    let resolve: @Sendable () -> AnySchema
    let typeName: String

    /// A schema known already (built at run time).
    init(_ schema: AnySchema) {
        resolve = { schema }
        typeName = schema.noun
    }

    init<V: TemplateView>(_ type: V.Type) {
        resolve = { V.schema.erased }
        typeName = String(describing: V.self)
    }

    public var schema: AnySchema { resolve() }
}

public struct AnyField: Sendable {
    public enum Kind: Sendable {
        case text, number, bool, texts
        case view(SchemaReference)
        case list(SchemaReference)

        /// "text", "a list of agents"...
        public var description: String {
            switch self {
            case .text: "text"
            case .number: "a number"
            case .bool: "a condition"
            case .texts: "a list of texts"
            case let .view(reference): reference.schema.noun
            case let .list(reference): "a list (each \(reference.schema.noun))"
            }
        }
    }

    public let name: String
    public let kind: Kind
    let read: Reader
    /// For lists: how to walk the array the field holds.
    var elements: ListAccess? = nil
    /// Worked out from another field (`hasAgents` from `agents`), not declared.
    public var isDerived = false

    /// `has` + the name (`html` → `hasHTML`, `editURL` → `hasEditURL`):
    /// a condition true when this text or list is not empty.
    func emptinessCondition() -> AnyField? {
        let base = read
        let test: (UnsafeRawPointer) -> Bool
        switch kind {
        case .text: test = { !$0.assumingMemoryBound(to: String.self).pointee.isEmpty }
        case .texts, .list:
            guard let elements else { return nil }
            test = { elements.count($0) > 0 }
        case .number, .bool, .view: return nil
        }
        let capitalised = Self.acronyms.contains(name) ? name.uppercased() : name.prefix(1).uppercased() + name.dropFirst()
        let reader = Reader(finding: { root, body in
            base(root) { field in
                var value = test(field)
                withUnsafePointer(to: &value) { body(UnsafeRawPointer($0)) }
            }
        })
        return AnyField(name: "has" + capitalised, kind: .bool, read: reader, isDerived: true)
    }

    static let acronyms: Set<String> = ["html", "url", "svg"]
}

/// Walks an array of a known element type, given a pointer to the array.
struct ListAccess: @unchecked Sendable {
    let count: (UnsafeRawPointer) -> Int
    let forEach: (UnsafeRawPointer, (UnsafeRawPointer, Int, Int) -> Void) -> Void

    init(count: @escaping (UnsafeRawPointer) -> Int, forEach: @escaping (UnsafeRawPointer, (UnsafeRawPointer, Int, Int) -> Void) -> Void) {
        self.count = count
        self.forEach = forEach
    }

    init<Element>(_ type: Element.Type) {
        count = { $0.assumingMemoryBound(to: [Element].self).pointee.count }
        forEach = { array, body in
            array.assumingMemoryBound(to: [Element].self).pointee.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for index in 0..<buffer.count { body(UnsafeRawPointer(base + index), index, buffer.count) }
            }
        }
    }
}

/// Where a field lives in its root value: a byte offset for a stored
/// property (the common case: no copy, no key path at render time), or the
/// key path itself.
struct Reader: @unchecked Sendable {
    /// Reads the field of the value at `root` as a pointer to the field's own storage, for `body`.
    let withField: (UnsafeRawPointer, (UnsafeRawPointer) -> Void) -> Void
    let offset: Int?

    init<Root, Value>(_ path: KeyPath<Root, Value>) {
        let offset = MemoryLayout<Root>.offset(of: path)
        self.offset = offset
        if let offset {
            withField = { root, body in body(root + offset) }
        } else {
            withField = { root, body in
                withUnsafePointer(to: root.assumingMemoryBound(to: Root.self).pointee[keyPath: path]) { body(UnsafeRawPointer($0)) }
            }
        }
    }

    /// A reader that finds the field itself (schemas built at run time: the spec tests).
    init(finding withField: @escaping (UnsafeRawPointer, (UnsafeRawPointer) -> Void) -> Void) {
        offset = nil
        self.withField = withField
    }

    @inline(__always)
    func callAsFunction(_ root: UnsafeRawPointer, _ body: (UnsafeRawPointer) -> Void) {
        if let offset {
            body(root + offset)
        } else {
            withField(root, body)
        }
    }
}
