/// A YAML node with its position in the file (1-based line and column,
/// counted in Unicode scalars). libyaml's own types stay inside this target.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        /// `plain` is false for quoted and block scalars: only a plain empty,
        /// `~` or `null` scalar is null.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    var content: Content
    var line: Int
    var column: Int

    var isNull: Bool {
        if case let .scalar(text, plain) = content, plain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// The scalar's text as written, or nil for collections and null.
    var text: String? {
        if case let .scalar(text, _) = content, !isNull { return text }
        return nil
    }

    var kindName: String {
        switch content {
        case .scalar: isNull ? "null" : "text"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}

/// Why a YAML text could not be composed, with the position to report.
struct YAMLProblem: Error, Sendable {
    var message: String
    var line: Int
    var column: Int
    var note: (message: String, line: Int, column: Int)?
    /// How to fix it, when the cause is a common one (a tab, an unquoted colon).
    var hint: String?
}
