import ArgumentParser
import HandbookSource

/// Options every command that reads a handbook takes.
struct HandbookOptions: ParsableArguments {
    @Option(name: .long, help: "The handbook's content folder.")
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Raise a size or complexity limit (repeatable).", valueName: "NAME=VALUE"))
    var limit: [String] = []

    func limits() throws -> LoadLimits { try CheckRun.limits(limit) }
}
