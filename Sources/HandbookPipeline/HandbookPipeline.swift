import Diagnostics
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HandbookCheck
import HandbookModel
import HandbookSite
import HandbookSource

/// The one way a handbook on disk becomes a checked handbook: the theme is
/// loaded, the content folder read (through a cache and a change set in the
/// live preview), every rule run, and the diagnostics of both reported.
/// `check`, `build`, `serve`, `diff`, the tools and the tests' helpers all
/// go through it, so they cannot drift apart.
public struct HandbookPipeline: Sendable {
    /// The content folder on disk.
    public var content: String
    /// How it is named in diagnostics ("content").
    public var contentDisplay: String
    /// A folder of templates over the built-in theme, when one is used.
    public var templates: String?
    /// How that folder is named in diagnostics ("templates").
    public var templatesDisplay: String
    public var limits: LoadLimits
    /// Keep each body's page HTML (a build or the preview renders pages).
    public var renderHTML: Bool

    public init(content: String, contentDisplay: String? = nil, templates: String? = nil, templatesDisplay: String? = nil,
                limits: LoadLimits = LoadLimits(), renderHTML: Bool = false) {
        self.content = content
        self.contentDisplay = contentDisplay ?? DisplayPath.of(content)
        self.templates = templates
        self.templatesDisplay = templatesDisplay ?? templates.map(DisplayPath.of) ?? "templates"
        self.limits = limits
        self.renderHTML = renderHTML
    }

    /// Which theme a run checks (and a build renders with).
    public enum ThemeChoice: Sendable {
        /// No theme: only the handbook is checked (`diff`, rule tests).
        case none
        /// The built-in theme with `templates` over it, read now.
        case load
        /// A theme loaded earlier (the preview keeps it while only content changes).
        case loaded(LoadedTheme)
    }

    /// A theme as `Theme.load` left it: the theme, or nil when it has errors, and its diagnostics.
    public struct LoadedTheme: Sendable {
        public var theme: Theme?
        public var diagnostics: [Diagnostic]
    }

    /// Reads the built-in theme with `templates` over it.
    public func loadTheme() -> LoadedTheme {
        let loaded = Trace.measure("theme") { Theme.load(overrides: templates, displayPath: templatesDisplay) }
        return LoadedTheme(theme: loaded.theme, diagnostics: loaded.diagnostics)
    }

    /// Reads the content folder.
    /// - Parameters:
    ///   - cache: files parsed by an earlier load of the same folder (the preview).
    ///   - changes: with a cache, the content files changed since its previous load.
    public func load(cache: LoadCache? = nil, changes: ChangeSet = .unknown) throws(HandbookLoader.Failure) -> HandbookLoader.Result {
        do {
            return try Trace.measure("load") {
                try HandbookLoader.load(path: content, displayRoot: contentDisplay, limits: limits, renderHTML: renderHTML,
                                        cache: cache, changes: changes)
            }
        } catch let failure as HandbookLoader.Failure {
            throw failure
        } catch {
            throw .notAFolder(contentDisplay)
        }
    }

    /// Runs every rule over a loaded handbook and reports it with the theme's problems.
    /// - Parameter incremental: the rules' results of the previous check of
    ///   this folder (the preview): only what `loaded.reparsed` can change is checked again.
    /// - Parameter relations: also work out the site's relations, at the
    ///   same time as the check (a build or the preview renders next).
    public func check(_ loaded: HandbookLoader.Result, theme: LoadedTheme?, incremental: IncrementalCheck? = nil,
                      relations: Bool = false) -> CheckedHandbook {
        nonisolated(unsafe) var worked: SiteRelations?
        let group = DispatchGroup()
        if relations { DispatchQueue.global().async(group: group) { worked = SiteRelations(loaded.handbook) } }
        let diagnostics = Trace.measure("check") {
            HandbookChecker.finish(loaded.handbook, loadDiagnostics: loaded.diagnostics,
                                   incremental: incremental.map { ($0, loaded.reparsed) })
        }
        group.wait()
        let report = DiagnosticReport(diagnostics: diagnostics, files: loaded.handbook.fileCount, root: contentDisplay,
                                      placed: theme?.diagnostics ?? [])
        return CheckedHandbook(handbook: loaded.handbook, report: report, theme: theme?.theme, reparsed: loaded.reparsed,
                               handbookDiagnostics: diagnostics, relations: worked)
    }

    /// Theme, load, check, report.
    public func run(theme choice: ThemeChoice = .load, cache: LoadCache? = nil, changes: ChangeSet = .unknown,
                    incremental: IncrementalCheck? = nil, relations: Bool = false) throws(HandbookLoader.Failure) -> CheckedHandbook {
        let theme: LoadedTheme?
        switch choice {
        case .none: theme = nil
        case .load: theme = loadTheme()
        case .loaded(let loaded): theme = loaded
        }
        return check(try load(cache: cache, changes: changes), theme: theme, incremental: incremental, relations: relations)
    }

    /// How the site is rendered from this content folder: the same for a
    /// build and the preview (the "Edit this page" path is the content
    /// folder's path in its git repository).
    public func siteOptions(generator: String, lastChanged: [String: String]) -> SiteBuilder.Options {
        SiteBuilder.Options(contentRoot: contentDisplay, repositoryPath: RepositoryPath.of(content), generator: generator,
                            lastChanged: lastChanged)
    }
}

/// A handbook read and checked: what every command goes on from.
public struct CheckedHandbook: Sendable {
    public var handbook: Handbook
    /// The handbook's diagnostics and the theme's.
    public var report: DiagnosticReport
    /// The theme, when one was asked for and has no errors.
    public var theme: Theme?
    /// With a cache: the content files read again because only they
    /// changed; `.unknown` when more may have.
    public var reparsed: ChangeSet
    /// The handbook's own diagnostics with paths relative to the content
    /// folder (`roles/pm.md`): what `diff` compares between two folders.
    public var handbookDiagnostics: [Diagnostic]
    /// The site's relations, when asked for (worked out during the check).
    public var relations: SiteRelations?

    /// Every diagnostic as reported: under the content folder's name, the theme's with them.
    public var diagnostics: [Diagnostic] { report.diagnostics }
}
