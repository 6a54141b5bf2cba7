import ArgumentParser
import Diagnostics
import HandbookCheck
import HandbookModel
import HandbookPipeline

/// `handoff what-if --without ROLE...`: what the handbook would lose if
/// these roles were out (FORMAT.md, If someone is out). Always exit 0 when
/// it ran; an unknown role is exit 2 with "did you mean".
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "what-if",
        abstract: "Say what the handbook would lose if some roles were out.",
        discussion: "Prints one line per loss: stages without a lead, contexts without a producer, contracts without a party, governed objects without a steward or producer, agents without their role, risks without an owner. Exit status: 0 when it ran (whatever breaks), 2 when it could not (an unknown role, a missing folder)."
    )

    @OptionGroup var handbook: HandbookOptions

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("The roles that are out.", valueName: "ROLE"))
    var without: [String] = []

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    /// The JSON shape: the roles, then each kind of loss.
    struct Output: Encodable {
        struct AgentLoss: Encodable { let role: String; let name: String }
        let without: [String]
        let stages: [String]
        let contexts: [String]
        let contracts: [String]
        let objects: [String]
        let agents: [AgentLoss]
        let risks: [String]
        let lines: [String]
    }

    func run() throws {
        guard !without.isEmpty else { throw ToolFailure("name at least one role: handoff what-if --without ROLE [ROLE...]") }
        let checked = try CheckRun.run(CheckRun.pipeline(handbook, templates: nil), theme: .none)
        let model = checked.handbook
        for id in without where model.roles[id] == nil {
            var message = "unknown role '\(id)'"
            if let close = Suggestion.closest(to: id, among: model.roles.keys.sorted()) { message += "\n  note: did you mean '\(close)'?" }
            throw ToolFailure(message)
        }
        let losses = WhatIf(model, without: Set(without))
        let lines = losses.lines(model)
        switch format {
        case .json:
            StandardStream.output.write(JSON.encode(Output(
                without: losses.without, stages: losses.stages, contexts: losses.contexts, contracts: losses.contracts, objects: losses.objects,
                agents: losses.agents.map { .init(role: $0.role, name: $0.name) }, risks: losses.risks, lines: lines), expandedDepth: 1))
        case .text:
            let who = losses.without.map { "'\($0)'" }.joined(separator: ", ")
            if lines.isEmpty {
                StandardStream.output.write("without \(who): nothing breaks\n")
            } else {
                StandardStream.output.write(lines.joined(separator: "\n") + "\n\(lines.count) \(lines.count == 1 ? "loss" : "losses") without \(who)\n")
            }
        }
    }
}
