import ArgumentParser
import Diagnostics
import Markup

/// The `handoff` command and its subcommands.
public struct Handoff: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "handoff",
        abstract: "Check and build a team handbook of roles, stages and handoff contracts.",
        version: "handoff \(version) (cmark-gfm \(CmarkVersion.string))",
        subcommands: [Init.self, Check.self, Build.self, Serve.self, Diff.self, WhatIfCommand.self, ExportCommand.self, SchemaCommand.self, MCPCommand.self, Explain.self, ThemeCommand.self]
    )

    public init() {}

    /// Runs the command line. Exit status: 0 clean, 1 problems in the
    /// handbook, 2 when the tool could not run (bad flags included, where
    /// ArgumentParser alone would use 64).
    public static func run(_ arguments: [String]? = nil) -> Never {
        // A mistyped command: say which one was meant (ArgumentParser does it for flags only).
        if let first = (arguments ?? Array(CommandLine.arguments.dropFirst())).first, !first.hasPrefix("-") {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName ?? String(describing: $0).lowercased() } + ["help"]
            if !names.contains(first) {
                var message = "error: unknown command '\(first)'\n"
                if let close = Suggestion.closest(to: first, among: names) { message += "  note: did you mean 'handoff \(close)'?\n" }
                message += "  note: 'handoff --help' lists the commands\n"
                StandardStream.error.write(message)
                Self.exit(withError: ExitCode(2))
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            exit(withError: nil)
        } catch let exit as ExitCode {
            Self.exit(withError: exit)
        } catch let failure as ToolFailure {
            StandardStream.error.write("error: \(failure.message)\n")
            Self.exit(withError: ExitCode(2))
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Self.exit(withError: error)
            }
            StandardStream.error.write(fullMessage(for: error) + "\n")
            Self.exit(withError: ExitCode(2))
        }
    }
}

/// A failure that stops the tool (exit 2): not a problem in the handbook.
public struct ToolFailure: Error {
    public var message: String
    public init(_ message: String) { self.message = message }
}
