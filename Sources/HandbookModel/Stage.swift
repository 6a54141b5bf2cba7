import Diagnostics

/// stages/<id>.md
public struct Stage: Sendable {
    public var id: String
    public var file: String
    public var name: String
    public var question: String
    public var output: String
    /// `timebox:` the stage's appetite; nil when absent or invalid (reported).
    public var timebox: Duration?
    /// `timebox` was written but reported invalid.
    public var timeboxReported = false
    public var body: Body
    /// `aliases`: former ids (a page: former paths or site paths), kept as redirects.
    public var aliases: [Located<String>] = []

    public init(id: String, file: String, name: String, question: String, output: String, timebox: Duration? = nil, body: Body) {
        self.timebox = timebox
        self.id = id
        self.file = file
        self.name = name
        self.question = question
        self.output = output
        self.body = body
    }
}
