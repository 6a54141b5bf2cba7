import ArgumentParser
import HandbookPipeline

/// `handoff export`: the whole checked model as JSON (`HandbookExport`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the whole checked handbook as JSON (its shape: handoff schema).",
        discussion: "Roles with engagement, context in and out, agents and workflows; stages; contracts with boundary, carries, gates and trigger; contexts with producers, consumers and contracts; governed objects; pages with their addresses; and the diagnostics. Keys keep one order; entities are sorted by id, stages by the lifecycle. Exit status: 0 when it ran (errors in the handbook are in the JSON), 2 when it could not."
    )

    @OptionGroup var handbook: HandbookOptions

    func run() throws {
        let checked = try CheckRun.run(CheckRun.pipeline(handbook, templates: nil), theme: .none)
        StandardStream.output.write(HandbookExport(checked).json())
    }
}

/// `handoff schema`: the JSON Schema of `handoff export`.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) that handoff export's output follows."
    )

    func run() throws {
        StandardStream.output.write(HandbookExport.schema + "\n")
    }
}
