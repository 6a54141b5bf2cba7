import ArgumentParser
import Diagnostics
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HandbookModel
import HandbookPipeline
import HandbookSite

/// `handoff build`: check, then render the site into a temporary folder
/// beside the output and swap it in. With errors, the output stays exactly
/// as it was.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the handbook, then build its HTML site.",
        discussion: """
            Nothing is written when the check finds errors (or, with --strict, warnings): the \
            previous output stays exactly as it was. Exit status: 0 built, 1 problems in the \
            handbook or its templates, 2 when the tool could not run.
            """
    )

    @OptionGroup var handbook: HandbookOptions

    @Option(name: .long, help: "A folder of templates that override the built-in theme file by file (default: templates/ beside the content folder, when it exists).")
    var templates: String?

    @Option(name: .long, help: "Where the site goes; replaced as a whole (default: public/ beside the content folder).")
    var output: String?

    @Option(name: .long, help: "How diagnostics are printed: text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors: build nothing when there are any.")
    var strict = false

    @Flag(name: .long, help: "Replace an output folder that handoff did not make.")
    var force = false


    func run() throws {
        if let file = try handbook.portfolioFile() { return try buildPortfolio(file) }
        let started = DispatchTime.now()
        let content = handbook.content
        let output = self.output ?? handbook.sibling("public")
        let pipeline = try CheckRun.pipeline(handbook, templates: templates, renderHTML: true)
        let checked = try CheckRun.run(pipeline, relations: true)
        let report = checked.report
        let status = report.exitCode(strict: strict)
        if status != 0 {
            StandardStream.output.write(CheckRun.render(report, format: format))
            throw ExitCode(status)
        }
        // Warnings are printed and the build goes on; the summary line below replaces check's.
        if !report.diagnostics.isEmpty {
            StandardStream.output.write(format == .text ? report.text(color: StandardStream.outputWantsColor, summary: false)
                                                        : CheckRun.render(report, format: format))
        }

        // A theme with problems is an error in the report above, so the build stopped there.
        guard let theme = checked.theme else { throw ExitCode(1) }
        let templatesFolder = handbook.templatesFolder(templates)

        let folder: OutputFolder
        do {
            folder = try OutputFolder(path: output, protecting: [content] + (templatesFolder.map { [$0] } ?? []), force: force)
        } catch let refusal as OutputFolder.Refusal {
            throw ToolFailure(refusal.description)
        }
        folder.abandonOnInterrupt()
        let builder = SiteBuilder(relations: checked.relations!, warnings: report.diagnostics, theme: theme,
                                  options: pipeline.siteOptions(generator: "handoff \(Handoff.version)", lastChanged: Git.lastChanges(of: content)))
        let summary: SiteBuilder.Summary
        do {
            summary = try builder.build(into: folder)
            try Trace.measure("commit") { try folder.commit() }
        } catch let refusal as OutputFolder.Refusal {
            folder.abandon()
            throw ToolFailure(refusal.description)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let warnings = counted(report.warnings, "warning")
        let written = summary.files - summary.unchanged
        if checked.handbook.settings?.url == nil {
            // Once per build, beside the output (stdout stays the summary): what `url` adds.
            StandardStream.error.write("note: set url: in handbook.yaml (where the site is published) to add sitemap.xml, robots.txt, canonical links and og: tags\n")
        }
        StandardStream.output.write("built \(summary.pages) pages into \(DisplayPath.of(output))/ with \(warnings) in \(formatted("%.2f", seconds)) s"
            + (summary.unchanged > 0 ? " (\(counted(written, "file")) changed)\n" : "\n"))
    }

    /// A portfolio: every handbook's site under its folder, the portfolio's
    /// overview at the root; nothing written when any handbook has errors.
    func buildPortfolio(_ file: String) throws {
        let started = DispatchTime.now()
        let checked = try CheckRun.portfolio(file, handbook, renderHTML: true, relations: true)
        let report = checked.report
        let status = report.exitCode(strict: strict)
        if status != 0 {
            StandardStream.output.write(CheckRun.render(report, format: format))
            throw ExitCode(status)
        }
        if !report.diagnostics.isEmpty {
            StandardStream.output.write(format == .text ? report.text(color: StandardStream.outputWantsColor, summary: false)
                                                        : CheckRun.render(report, format: format))
        }
        guard checked.portfolio != nil else { throw ExitCode(1) }
        let base = PortfolioPipeline(file: file).folder
        let output = self.output ?? (base == "." ? "public" : base + "/public")
        var protected: [String] = []
        for member in checked.members {
            protected.append(member.pipeline.content)
            if let templates = member.pipeline.templates { protected.append(templates) }
        }
        let folder: OutputFolder
        do {
            folder = try OutputFolder(path: output, protecting: protected, force: force)
        } catch let refusal as OutputFolder.Refusal {
            throw ToolFailure(refusal.description)
        }
        folder.abandonOnInterrupt()
        let summary: SiteBuilder.Summary
        do {
            guard let built = try checked.buildSite(into: folder, generator: "handoff \(Handoff.version)") else {
                folder.abandon()
                throw ExitCode(1)
            }
            summary = built
            try folder.commit()
        } catch let refusal as OutputFolder.Refusal {
            folder.abandon()
            throw ToolFailure(refusal.description)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        StandardStream.output.write("built \(summary.pages) pages of \(counted(checked.members.count, "handbook")) into \(DisplayPath.of(output))/ with \(counted(report.warnings, "warning")) in \(formatted("%.2f", seconds)) s"
            + (summary.unchanged > 0 ? " (\(counted(summary.files - summary.unchanged, "file")) changed)\n" : "\n"))
    }
}
