import ArgumentParser
import Diagnostics
import HandbookPipeline
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HandbookCheck
import HandbookDiff
import HandbookSource

/// `handoff diff BASE [HEAD]`: what a change means for the team, as a
/// pull-request comment.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a handbook change for review: entities, engagement, flows, contracts, agents, diagnostics.",
        discussion: """
            BASE and HEAD are git revisions of the repository the handbook lives in (HEAD defaults to \
            the working tree), or two handbook folders. A BASE without the handbook counts as empty. \
            Exit status: 0, or 1 with --fail-on when the change introduces what it names; 2 when the \
            tool could not run (a revision that does not exist, for one).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json, github, sarif }
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case newErrors = "new-errors", newWarnings = "new-warnings"
    }

    @Argument(help: "The revision or folder before the change.")
    var base: String

    @Argument(help: "The revision or folder after the change (default: the working tree).")
    var head: String?

    @OptionGroup var handbook: HandbookOptions

    var content: String { handbook.content }

    @Option(name: .long, help: "markdown, json, or github / sarif: the diagnostics the change introduces, as workflow annotations or SARIF 2.1.0.")
    var format: Format = .markdown

    @Option(name: .long, help: "Exit 1 when the change introduces new-errors (or new-warnings: errors or warnings).")
    var failOn: FailOn?


    func run() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-diff-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let headSide = try resolve(head, scratch: scratch.appendingPathComponent("head").path)
        let baseSide = try resolve(base, scratch: scratch.appendingPathComponent("base").path)
        // A handbook in neither revision: the folder is likely mistyped (a CI step in the wrong
        // folder would otherwise report "no changes" and let anything through).
        let holds = { (path: String?) in path.map { FileManager.default.fileExists(atPath: $0 + "/handbook.yaml") } ?? false }
        if !holds(headSide.path) && !holds(baseSide.path) {
            throw ToolFailure("neither '\(base)' nor \(head.map { "'\($0)'" } ?? "the working tree") holds a handbook in '\(content)' (no handbook.yaml): check --content")
        }
        // Both sides are shown under HEAD's folder so that their diagnostics compare.
        let root = headSide.display
        let headSnapshot = try snapshot(headSide.path, root: root)
        let diff = HandbookDiff(base: try snapshot(baseSide.path, root: root), head: headSnapshot)
        switch format {
        case .markdown: StandardStream.output.write(diff.markdown())
        case .json: StandardStream.output.write(diff.json())
        case .github, .sarif:
            // The diagnostics this change introduces, over HEAD's files.
            // The diff shows its diagnostics under HEAD's folder already.
            let introduced = DiagnosticReport(diagnostics: diff.introduced, files: headSnapshot.handbook.fileCount)
            StandardStream.output.write(CheckRun.render(introduced, format: format == .github ? .github : .sarif))
        }
        switch failOn {
        case .newErrors where diff.introducedErrors > 0: throw ExitCode(1)
        case .newWarnings where diff.introducedErrors + diff.introducedWarnings > 0: throw ExitCode(1)
        default: break
        }
    }

    /// A side: a folder on disk (a handbook folder, or one holding
    /// `content/`), the working tree, or a revision exported to `scratch`.
    func resolve(_ argument: String?, scratch: String) throws -> (path: String?, display: String) {
        guard let argument else { return (content, DisplayPath.of(content)) }
        var isDirectory = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory {
            let nested = argument + "/" + content
            if !FileManager.default.fileExists(atPath: argument + "/handbook.yaml"), FileManager.default.fileExists(atPath: nested + "/handbook.yaml") {
                return (nested, DisplayPath.of(nested))
            }
            return (argument, DisplayPath.of(argument))
        }
        guard let commit = Git.commit(argument) else {
            throw ToolFailure("'\(argument)' is neither a folder nor a git revision")
        }
        do {
            let path = try Git.pathInRepository(content)
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            let exists = try Git.export(commit: commit, path: path, to: scratch)
            return (exists ? scratch : nil, DisplayPath.of(content))
        } catch let failure as Git.Failure {
            throw ToolFailure(failure.message)
        }
    }

    /// Loads and checks a side; nil or a folder without handbook.yaml is empty.
    func snapshot(_ path: String?, root: String) throws -> Snapshot {
        guard let path, FileManager.default.fileExists(atPath: path + "/handbook.yaml") else { return .empty(root: root) }
        let checked: CheckedHandbook
        let pipeline = HandbookPipeline(content: path, contentDisplay: root, limits: try handbook.limits())
        do {
            checked = try pipeline.run(theme: .none)
        } catch {
            throw ToolFailure(CheckRun.explain(error, content: content))
        }
        var files: [String: [UInt8]] = [:]
        for relative in checked.handbook.contentFiles.keys {
            if let data = FileManager.default.contents(atPath: path + "/" + relative) { files[relative] = Array(data) }
        }
        return Snapshot(handbook: checked.handbook, diagnostics: checked.handbookDiagnostics, files: files)
    }
}
