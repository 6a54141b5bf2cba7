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
        if let portfolio = try handbook.portfolioFile() { return try runPortfolio(portfolio) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-diff-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        guard let (diff, headSnapshot) = try compare(content: content, scratch: scratch) else {
            // A handbook in neither revision: the folder is likely mistyped (a CI step in the wrong
            // folder would otherwise report "no changes" and let anything through).
            throw ToolFailure("neither '\(base)' nor \(head.map { "'\($0)'" } ?? "the working tree") holds a handbook in '\(content)' (no handbook.yaml): check --content")
        }
        switch format {
        case .markdown: StandardStream.output.write(diff.markdown())
        case .json: StandardStream.output.write(diff.json())
        case .github, .sarif:
            // The diagnostics this change introduces, over HEAD's files.
            // The diff shows its diagnostics under HEAD's folder already.
            let introduced = DiagnosticReport(diagnostics: diff.introduced, files: headSnapshot.handbook.fileCount)
            StandardStream.output.write(CheckRun.render(introduced, format: format == .github ? .github : .sarif))
        }
        try failIfAsked(errors: diff.introducedErrors, warnings: diff.introducedWarnings)
    }

    func failIfAsked(errors: Int, warnings: Int) throws {
        switch failOn {
        case .newErrors where errors > 0: throw ExitCode(1)
        case .newWarnings where errors + warnings > 0: throw ExitCode(1)
        default: break
        }
    }

    /// The diff of the handbook in `content` between BASE and HEAD; nil when
    /// neither side holds one.
    func compare(content: String, scratch: URL) throws -> (HandbookDiff, Snapshot)? {
        let headSide = try resolve(head, content: content, scratch: scratch.appendingPathComponent("head").path)
        let baseSide = try resolve(base, content: content, scratch: scratch.appendingPathComponent("base").path)
        let holds = { (path: String?) in path.map { FileManager.default.fileExists(atPath: $0 + "/handbook.yaml") } ?? false }
        if !holds(headSide.path) && !holds(baseSide.path) { return nil }
        // Both sides are shown under HEAD's folder so that their diagnostics compare.
        let root = headSide.display
        let headSnapshot = try snapshot(headSide.path, root: root, content: content)
        return (HandbookDiff(base: try snapshot(baseSide.path, root: root, content: content), head: headSnapshot), headSnapshot)
    }

    /// A portfolio: one diff per handbook HEAD's portfolio.yaml lists (BASE's
    /// too), each under its folder's heading; `--fail-on` counts them all.
    func runPortfolio(_ file: String) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-diff-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pipeline = PortfolioPipeline(file: file)
        guard let portfolio = PortfolioDecoder.load(path: file, file: file).portfolio else {
            throw ToolFailure("'\(DisplayPath.of(file))' cannot be read: run handoff check for why")
        }
        var diffs: [(folder: String, diff: HandbookDiff, head: Snapshot)] = []
        for (index, folder) in portfolio.handbooks.map(\.value).enumerated() {
            let content = pipeline.folder == "." ? folder + "/content" : pipeline.folder + "/" + folder + "/content"
            guard let (diff, head) = try compare(content: content, scratch: scratch.appendingPathComponent("\(index)")) else { continue }
            diffs.append((folder, diff, head))
        }
        switch format {
        case .markdown:
            let changed = diffs.filter { !$0.diff.isEmpty }
            if changed.isEmpty {
                StandardStream.output.write("No changes to the portfolio's handbooks.\n")
            } else {
                StandardStream.output.write(changed.map { item in
                    item.diff.markdown().replacingAll("## Handbook changes\n", with: "## Handbook changes: \(item.folder)\n")
                }.joined(separator: "\n"))
            }
        case .json:
            let items = diffs.map { item in
                "    {\"folder\": \(JSONString.quote(item.folder)), \"diff\": " + item.diff.json().trimmingWhitespace()
                    .replacingAll("\n", with: "\n    ") + "}"
            }
            StandardStream.output.write("{\n  \"handbooks\": [\n" + items.joined(separator: ",\n") + "\n  ]\n}\n")
        case .github, .sarif:
            let introduced = DiagnosticReport(diagnostics: diffs.flatMap(\.diff.introduced), files: diffs.reduce(0) { $0 + $1.head.handbook.fileCount })
            StandardStream.output.write(CheckRun.render(introduced, format: format == .github ? .github : .sarif))
        }
        try failIfAsked(errors: diffs.reduce(0) { $0 + $1.diff.introducedErrors }, warnings: diffs.reduce(0) { $0 + $1.diff.introducedWarnings })
    }

    func resolve(_ argument: String?, content: String, scratch: String) throws -> (path: String?, display: String) {
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
    func snapshot(_ path: String?, root: String, content: String) throws -> Snapshot {
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
