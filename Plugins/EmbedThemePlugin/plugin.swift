import Foundation
import PackagePlugin

/// Carries the default theme (`templates/` at the package root, the one
/// copy in the repository) inside the built tool: a Swift file generated at
/// build time holds every theme file, so `handoff build` works from any
/// folder and from an installed binary.
@main
struct EmbedThemePlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: theme.path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
        let inputs = names.map { theme.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTheme+Files.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme (\(names.count) files)",
                executable: try context.tool(named: "EmbedTheme").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
