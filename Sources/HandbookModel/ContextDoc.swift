/// contexts/<id>.md: an optional description of a context artifact.
public struct ContextDoc: Sendable {
    public var id: String
    public var file: String
    public var name: String
    public var description: String?
    public var body: Body
    /// `aliases`: former ids (a page: former paths or site paths), kept as redirects.
    public var aliases: [Located<String>] = []

    public init(id: String, file: String, name: String, description: String?, body: Body) {
        self.id = id
        self.file = file
        self.name = name
        self.description = description
        self.body = body
    }
}

extension ContextDoc {
    /// The name a context shows: its file's `name`, or its id in words
    /// (`problem-brief` → "Problem brief") when it has no file.
    public static func displayName(_ id: String, doc: ContextDoc?) -> String {
        if let doc, !doc.name.isEmpty { return doc.name }
        let words = id.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
