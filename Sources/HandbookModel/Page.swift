/// pages/<id>.md: free prose.
public struct Page: Sendable {
    public var id: String
    public var file: String
    public var name: String
    public var order: Double?
    public var body: Body

    public init(id: String, file: String, name: String, order: Double?, body: Body) {
        self.id = id
        self.file = file
        self.name = name
        self.order = order
        self.body = body
    }
}
