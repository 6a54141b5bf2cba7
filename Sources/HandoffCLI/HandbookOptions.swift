import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HandbookSource

/// Options every command that reads a handbook takes.
struct HandbookOptions: ParsableArguments {
    @Option(name: .long, help: "The handbook's content folder.")
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Raise a size or complexity limit (repeatable).", valueName: "NAME=VALUE"))
    var limit: [String] = []

    @Option(name: .long, help: ArgumentHelp("A portfolio of handbooks to read instead (default: portfolio.yaml here, when there is no content folder).", valueName: "FILE"))
    var portfolio: String?

    /// The portfolio to read, if any: `--portfolio FILE` (which must exist),
    /// else `portfolio.yaml` in the working folder when the content folder
    /// is the default and does not exist (FORMAT.md: check and build run in
    /// the portfolio's folder).
    func portfolioFile() throws -> String? {
        if let portfolio {
            guard FileManager.default.fileExists(atPath: portfolio) else { throw ToolFailure("portfolio file '\(portfolio)' does not exist") }
            return portfolio
        }
        if content == "content", !FileManager.default.fileExists(atPath: "content"), FileManager.default.fileExists(atPath: "portfolio.yaml") {
            return "portfolio.yaml"
        }
        return nil
    }

    func limits() throws -> LoadLimits { try CheckRun.limits(limit) }

    /// A folder beside the content folder: where `templates/` and `public/`
    /// are looked for by default (`site/content` → `site/templates`).
    func sibling(_ name: String) -> String { Self.sibling(name, of: content) }

    static func sibling(_ name: String, of content: String) -> String {
        var path = Substring(content)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        if path == "." || path.isEmpty { return "../" + name }
        guard let slash = path.lastIndex(of: "/") else { return name }
        let parent = path[..<slash]
        return parent.isEmpty ? "/" + name : parent + "/" + name
    }

    /// `--templates`, else the content folder's sibling `templates/` when it exists.
    func templatesFolder(_ explicit: String?) -> String? {
        if let explicit { return explicit }
        let sibling = sibling("templates")
        return FileManager.default.fileExists(atPath: sibling) ? sibling : nil
    }
}
