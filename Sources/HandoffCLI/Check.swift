import ArgumentParser
import Diagnostics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HandbookCheck
import HandbookPipeline
import HandbookSource
import HandbookSite

/// Output formats of diagnostics.
public enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json, github, sarif
}

/// `handoff check`: load the handbook, check every rule, report.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a handbook against every rule and report like a compiler.",
        discussion: "Exit status: 0 with no errors, 1 with errors (or warnings under --strict), 2 when the tool could not run."
    )

    @OptionGroup var handbook: HandbookOptions

    @Option(name: .long, help: "Output format: text, json, github (workflow annotations) or sarif (SARIF 2.1.0).")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors for the exit status.")
    var strict = false

    @Option(name: .long, help: "A folder of templates to check with the handbook (default: templates/ beside the content folder, when it exists).")
    var templates: String?

    func run() throws {
        if let file = try handbook.portfolioFile() {
            let report = try CheckRun.portfolio(file, handbook).report
            StandardStream.output.write(CheckRun.render(report, format: format))
            let status = report.exitCode(strict: strict)
            if status != 0 { throw ExitCode(status) }
            return
        }
        let report = try CheckRun.run(CheckRun.pipeline(handbook, templates: templates)).report
        StandardStream.output.write(CheckRun.render(report, format: format))
        let status = report.exitCode(strict: strict)
        if status != 0 { throw ExitCode(status) }
    }
}

/// The shared first step of `check` and `build`.
enum CheckRun {
    static func limits(_ settings: [String]) throws -> LoadLimits {
        var limits = LoadLimits()
        if let problem = limits.apply(settings) { throw ToolFailure(problem) }
        return limits
    }

    /// The pipeline over the handbook options: the templates folder given
    /// (which must exist), else the content folder's sibling when it exists.
    static func pipeline(_ options: HandbookOptions, templates: String?, renderHTML: Bool = false) throws -> HandbookPipeline {
        if let folder = templates, !FileManager.default.fileExists(atPath: folder) {
            throw ToolFailure("templates folder '\(folder)' does not exist")
        }
        return HandbookPipeline(content: options.content, templates: templates ?? options.templatesFolder(nil),
                                limits: try options.limits(), renderHTML: renderHTML)
    }

    /// A portfolio's handbooks and its own rules; a listed folder that is no
    /// handbook as a tool failure.
    static func portfolio(_ file: String, _ options: HandbookOptions, renderHTML: Bool = false, relations: Bool = false) throws -> PortfolioPipeline.Checked {
        do {
            return try PortfolioPipeline(file: file, limits: try options.limits(), renderHTML: renderHTML).run(relations: relations)
        } catch let failure as PortfolioPipeline.Failure {
            throw ToolFailure(failure.description)
        }
    }

    /// Theme, load, check, report; the loader's refusal as a tool failure.
    static func run(_ pipeline: HandbookPipeline, theme: HandbookPipeline.ThemeChoice = .load, relations: Bool = false) throws -> CheckedHandbook {
        do {
            return try pipeline.run(theme: theme, relations: relations)
        } catch {
            throw ToolFailure(explain(error, content: pipeline.content))
        }
    }

    /// The loader's refusal, with the likely fix: run from inside the
    /// content folder, the default `content` is missing but `.` is a handbook.
    static func explain(_ failure: HandbookLoader.Failure, content: String) -> String {
        guard case .notAFolder = failure, content == "content", FileManager.default.fileExists(atPath: "handbook.yaml") else {
            return failure.description
        }
        return failure.description + ", but this folder holds handbook.yaml: run with --content ."
    }

    /// On a terminal, one line after the summary points at `handoff explain`
    /// (never in pipes, files or CI logs, whose text FORMAT.md pins).
    static func explainHint(_ report: DiagnosticReport) -> String {
        guard StandardStream.outputIsTerminal, let first = report.diagnostics.first else { return "" }
        return "run 'handoff explain \(first.rule.rawValue)' (or any rule id in brackets) for what a rule means and how to fix it\n"
    }

    static func render(_ report: DiagnosticReport, format: DiagnosticFormat) -> String {
        switch format {
        case .text: report.text(color: StandardStream.outputWantsColor) + explainHint(report)
        case .json: report.json()
        case .github: report.github()
        case .sarif: report.sarif(toolVersion: Handoff.version, uriPrefix: RepositoryPath.ofWorkingFolder(), rules: RuleRegistry.allDescriptors)
        }
    }
}
