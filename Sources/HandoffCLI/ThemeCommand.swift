import ArgumentParser
import HandbookPipeline
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HandbookSite

/// `handoff theme export [DIR]`: the built-in theme as files to override.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the built-in theme.",
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in theme's templates and stylesheet into a folder to override them.",
            discussion: """
                handoff build uses ./templates when it exists (or --templates DIR): each file there replaces \
                the built-in file of the same name, so keep only the files you change. Files that exist are \
                not replaced unless --force.
                """
        )

        @Argument(help: "Where the theme goes.")
        var folder: String = "templates"

        @Flag(name: .long, help: "Replace files that exist.")
        var force = false

        func run() throws {
            let files = Theme.builtInFiles
            let fm = FileManager.default
            if !force {
                let existing = files.map(\.name).filter { fm.fileExists(atPath: folder + "/" + $0) }
                if !existing.isEmpty {
                    throw ToolFailure("'\(folder)' already has \(existing.map { "'\($0)'" }.joined(separator: ", ")): nothing written (use --force to replace)")
                }
            }
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for file in files { try Data(file.bytes).write(to: URL(fileURLWithPath: folder + "/" + file.name)) }
            } catch {
                throw ToolFailure("cannot write into '\(folder)': \(describe(error))")
            }
            StandardStream.output.write("wrote \(files.count) theme files into \(folder)/: \(files.map(\.name).joined(separator: ", "))\n"
                + "handoff build uses them\(folder == "templates" ? "" : " with --templates \(folder)"); delete the ones you do not change\n")
        }
    }
}
