import Diagnostics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HandbookCheck
import HandbookModel
import HandbookSite
import HandbookSource

/// A portfolio of handbooks (FORMAT.md, A portfolio of handbooks): reads
/// portfolio.yaml, runs each handbook's own pipeline (paths shown from the
/// portfolio's folder: `cohorts/content/roles/pm.md`), then the portfolio's
/// rules, into one report.
public struct PortfolioPipeline: Sendable {
    /// portfolio.yaml on disk.
    public var file: String
    public var limits: LoadLimits
    public var renderHTML: Bool

    public init(file: String, limits: LoadLimits = LoadLimits(), renderHTML: Bool = false) {
        self.file = file
        self.limits = limits
        self.renderHTML = renderHTML
    }

    /// The folder holding portfolio.yaml, on disk and as shown.
    public var folder: String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        let parent = String(file[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    var displayFolder: String {
        let shown = DisplayPath.of(folder)
        return shown == "." ? "" : shown
    }

    /// A handbook the portfolio lists that could not be read at all.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public struct Member: Sendable {
        public var folder: String
        public var pipeline: HandbookPipeline
        public var checked: CheckedHandbook
    }

    public struct Checked: Sendable {
        /// nil when portfolio.yaml could not be read (its diagnostics say why).
        public var portfolio: Portfolio?
        public var members: [Member]
        /// Every handbook's diagnostics, portfolio.yaml's and the portfolio rules'.
        public var report: DiagnosticReport
    }

    /// The pipeline of one listed handbook: `<folder>/content`, with
    /// `<folder>/templates` over the theme when it exists.
    public func pipeline(for handbook: String) -> HandbookPipeline {
        let base = folder == "." ? handbook : folder + "/" + handbook
        let shown = displayFolder.isEmpty ? handbook : displayFolder + "/" + handbook
        let templates = FileManager.default.fileExists(atPath: base + "/templates") ? base + "/templates" : nil
        return HandbookPipeline(content: base + "/content", contentDisplay: shown + "/content", templates: templates,
                                templatesDisplay: shown + "/templates", limits: limits, renderHTML: renderHTML)
    }

    public func run(theme: HandbookPipeline.ThemeChoice = .load, relations: Bool = false) throws(Failure) -> Checked {
        let shownFile = displayFolder.isEmpty ? "portfolio.yaml" : displayFolder + "/portfolio.yaml"
        let (portfolio, portfolioDiagnostics) = PortfolioDecoder.load(path: file, file: shownFile, limits: limits)
        var diagnostics = portfolioDiagnostics
        var files = 1
        var members: [Member] = []
        for handbook in portfolio?.handbooks ?? [] {
            let pipeline = pipeline(for: handbook.value)
            let checked: CheckedHandbook
            do {
                checked = try pipeline.run(theme: theme, relations: relations)
            } catch {
                throw Failure(description: "handbook '\(handbook.value)' (\(handbook.location)): \(error.description)")
            }
            diagnostics += checked.report.diagnostics
            files += checked.report.files
            members.append(Member(folder: handbook.value, pipeline: pipeline, checked: checked))
        }
        if let portfolio {
            diagnostics += PortfolioChecker.check(portfolio, members.map {
                PortfolioChecker.Member(folder: $0.folder, handbook: $0.checked.handbook, root: $0.pipeline.contentDisplay)
            })
        }
        return Checked(portfolio: portfolio, members: members, report: DiagnosticReport(diagnostics: diagnostics, files: files))
    }
}

extension PortfolioPipeline.Checked {
    /// The portfolio's site into a sink, as `build` writes it and `serve`
    /// serves it: each handbook's site under its folder, then the overview.
    /// Nil when a handbook has no theme (its errors were reported).
    public func buildSite(into sink: some SiteSink, generator: String) throws -> SiteBuilder.Summary? {
        guard let portfolio else { return nil }
        var pages = 0, files = 0
        var products: [PortfolioSite.Product] = []
        for member in members {
            guard let theme = member.checked.theme, let relations = member.checked.relations else { return nil }
            let builder = SiteBuilder(relations: relations, warnings: member.checked.report.diagnostics, theme: theme,
                                      options: member.pipeline.siteOptions(generator: generator, lastChanged: Git.lastChanges(of: member.pipeline.content)))
            let summary = try builder.build(into: PrefixedSink(sink, folder: member.folder))
            pages += summary.pages
            files += summary.files
            products.append(PortfolioSite.Product(folder: member.folder, builder: builder))
        }
        let overview = PortfolioSite.files(title: portfolio.title, products: products, generator: generator)
        for file in overview { try sink.write(file.path, file.bytes) }
        return SiteBuilder.Summary(pages: pages + 1, files: files + overview.count, unchanged: (sink as? OutputFolder)?.reused ?? 0)
    }
}
