/// contexts/<id>.md: an optional description of a context artifact.
public struct ContextDoc: Sendable {
    public var id: String
    public var file: String
    public var name: String
    public var description: String?
    public var body: Body

    public init(id: String, file: String, name: String, description: String?, body: Body) {
        self.id = id
        self.file = file
        self.name = name
        self.description = description
        self.body = body
    }
}
