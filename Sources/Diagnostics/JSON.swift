/// JSON for the machine formats (`check --format json|sarif`, `diff --format
/// json`): Codable models encoded by `JSON.encode`, which keeps keys in the
/// order the model encodes them (Foundation's encoder hashes them into a
/// random order, or sorts them) and does not escape `/`.
public enum JSON {
    /// A JSON value with its object members in order.
    public indirect enum Value {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([Value])
        case object([(key: String, value: Value)])
    }

    /// The text of `value` with a newline at the end. Containers nested less
    /// than `expandedDepth` deep, and arrays of objects inside an expanded
    /// container, put one member per line (two-space indent); the rest stays on
    /// one line, so a diagnostic or a SARIF result is one line to grep.
    public static func encode<T: Encodable>(_ value: T, expandedDepth: Int) -> String {
        let root = Node()
        do {
            try value.encode(to: TreeEncoder(node: root, codingPath: []))
        } catch {
            // TreeEncoder itself never throws; a model's encode(to:) would have to.
            preconditionFailure("JSON model failed to encode: \(error)")
        }
        var out = ""
        write(root.value, depth: 0, expandedDepth: expandedDepth, parentExpanded: true, to: &out)
        return out + "\n"
    }

    static func write(_ value: Value, depth: Int, expandedDepth: Int, parentExpanded: Bool, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): out += JSONString.quote(s)
        case .array(let items):
            let objects = !items.isEmpty && items.allSatisfy { if case .object = $0 { true } else { false } }
            let expanded = !items.isEmpty && (depth < expandedDepth || (objects && parentExpanded))
            writeMembers(items.map { (nil as String?, $0) }, open: "[", close: "]", expanded: expanded,
                         depth: depth, expandedDepth: expandedDepth, to: &out)
        case .object(let members):
            let expanded = !members.isEmpty && depth < expandedDepth
            writeMembers(members.map { ($0.key as String?, $0.value) }, open: "{", close: "}", expanded: expanded,
                         depth: depth, expandedDepth: expandedDepth, to: &out)
        }
    }

    private static func writeMembers(_ members: [(String?, Value)], open: String, close: String, expanded: Bool,
                                     depth: Int, expandedDepth: Int, to out: inout String) {
        out += open
        let indent = String(repeating: "  ", count: depth + 1)
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { out += expanded ? "," : ", " }
            if expanded { out += "\n" + indent }
            if let key { out += JSONString.quote(key) + ": " }
            write(value, depth: depth + 1, expandedDepth: expandedDepth, parentExpanded: expanded, to: &out)
        }
        if expanded { out += "\n" + String(repeating: "  ", count: depth) }
        out += close
    }
}

// MARK: - The encoder: builds a tree of nodes, then reads it as a Value.

private final class Node {
    enum Storage {
        case empty
        case value(JSON.Value)
        case object(keys: [String], members: [String: Node])
        case array([Node])
    }
    var storage = Storage.empty

    var value: JSON.Value {
        switch storage {
        case .empty: .object([])
        case .value(let v): v
        case .object(let keys, let members): .object(keys.map { ($0, members[$0]!.value) })
        case .array(let nodes): .array(nodes.map(\.value))
        }
    }

    func member(_ key: String) -> Node {
        if case .object(var keys, var members) = storage {
            if let node = members[key] { return node }
            let node = Node()
            keys.append(key)
            members[key] = node
            storage = .object(keys: keys, members: members)
            return node
        }
        let node = Node()
        storage = .object(keys: [key], members: [key: node])
        return node
    }

    func appended() -> Node {
        let node = Node()
        if case .array(let nodes) = storage {
            storage = .array(nodes + [node])
        } else {
            storage = .array([node])
        }
        return node
    }
}

private struct TreeEncoder: Encoder {
    let node: Node
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = node.storage { node.storage = .object(keys: [], members: [:]) }
        return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = node.storage { node.storage = .array([]) }
        return Unkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(node: node, codingPath: codingPath)
    }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).storage = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try value.encode(to: TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.member("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]) }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]
    var count: Int {
        if case .array(let nodes) = node.storage { return nodes.count }
        return 0
    }

    mutating func encodeNil() throws { node.appended().storage = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: TreeEncoder(node: node.appended(), codingPath: codingPath))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: node.appended(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoder(node: node.appended(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.appended(), codingPath: codingPath) }
}

private struct Single: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.storage = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.storage = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.storage = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { node.storage = .value(.number(String(value))) }
    mutating func encode(_ value: Float) throws { node.storage = .value(.number(String(value))) }
    mutating func encode(_ value: Int) throws { node.storage = .value(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { node.storage = .value(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { node.storage = .value(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { node.storage = .value(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { node.storage = .value(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { node.storage = .value(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { node.storage = .value(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { node.storage = .value(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { node.storage = .value(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { node.storage = .value(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
    }
}
