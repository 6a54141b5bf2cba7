import Diagnostics

/// A workflow of a role: a trigger and numbered steps in one stage.
public struct Workflow: Sendable {
    public var name: String
    public var stage: Located<String>?
    public var trigger: String
    public var steps: [String]

    public init(name: String, stage: Located<String>?, trigger: String, steps: [String]) {
        self.name = name
        self.stage = stage
        self.trigger = trigger
        self.steps = steps
    }
}
