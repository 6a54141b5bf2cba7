/// A view's values walked through its schema: as nested dictionaries (what a
/// dynamic Mustache engine renders: the differential test feeds them to
/// swift-mustache) and as a hash (the render cache's key).
extension AnySchema {
    public static func dictionary<V: TemplateView>(_ value: V) -> [String: Any] {
        withUnsafePointer(to: value) { V.schema.erased.dictionary(at: UnsafeRawPointer($0)) }
    }

    func dictionary(at root: UnsafeRawPointer) -> [String: Any] {
        var out: [String: Any] = [:]
        for field in fields {
            field.read(root) { pointer in
                switch field.kind {
                case .text: out[field.name] = pointer.assumingMemoryBound(to: String.self).pointee
                case .number: out[field.name] = pointer.assumingMemoryBound(to: Int.self).pointee
                case .bool: out[field.name] = pointer.assumingMemoryBound(to: Bool.self).pointee
                case .texts: out[field.name] = pointer.assumingMemoryBound(to: [String].self).pointee
                case let .view(reference): out[field.name] = reference.schema.dictionary(at: pointer)
                case let .list(reference):
                    let schema = reference.schema
                    var items: [[String: Any]] = []
                    field.elements!.forEach(pointer) { element, _, _ in items.append(schema.dictionary(at: element)) }
                    out[field.name] = items
                }
            }
        }
        return out
    }

    /// Feeds every field's value to `hasher`, in schema order.
    public static func hash<V: TemplateView>(_ value: V, into hasher: inout Hasher) {
        withUnsafePointer(to: value) { V.schema.erased.hash(at: UnsafeRawPointer($0), into: &hasher) }
    }

    func hash(at root: UnsafeRawPointer, into hasher: inout Hasher) {
        for field in fields {
            field.read(root) { pointer in
                switch field.kind {
                case .text: hasher.combine(pointer.assumingMemoryBound(to: String.self).pointee)
                case .number: hasher.combine(pointer.assumingMemoryBound(to: Int.self).pointee)
                case .bool: hasher.combine(pointer.assumingMemoryBound(to: Bool.self).pointee)
                case .texts: hasher.combine(pointer.assumingMemoryBound(to: [String].self).pointee)
                case let .view(reference): reference.schema.hash(at: pointer, into: &hasher)
                case let .list(reference):
                    let schema = reference.schema
                    hasher.combine(field.elements!.count(pointer))
                    field.elements!.forEach(pointer) { element, _, _ in schema.hash(at: element, into: &hasher) }
                }
            }
        }
    }
}
