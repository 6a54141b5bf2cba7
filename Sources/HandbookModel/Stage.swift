import Diagnostics

/// stages/<id>.md
public struct Stage: Sendable {
    public var id: String
    public var file: String
    public var name: String
    public var question: String
    public var output: String
    public var body: Body

    public init(id: String, file: String, name: String, question: String, output: String, body: Body) {
        self.id = id
        self.file = file
        self.name = name
        self.question = question
        self.output = output
        self.body = body
    }
}
