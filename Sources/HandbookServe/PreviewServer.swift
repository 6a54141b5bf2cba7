#if canImport(Glibc)
import Glibc
#endif
import Diagnostics
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HandbookCheck
import HandbookModel
import HandbookPipeline
import HandbookSite
import HandbookSource
import Hummingbird
import Logging
import NIOCore

/// `handoff serve`: the site built into memory and served, rebuilt when a
/// file under the content or templates folder changes; open pages reload
/// through Server-Sent Events and show the diagnostics in an overlay.
public final class PreviewServer: @unchecked Sendable {
    public struct Options: Sendable {
        public var content: String
        public var contentDisplay: String
        /// The templates folder: used when it exists, watched in case it appears.
        public var templates: String
        public var templatesDisplay: String
        public var host: String
        public var port: Int
        public var limits: LoadLimits
        public var generator: String
        /// A URL pattern for file links in the overlay (`HANDOFF_EDITOR`):
        /// `{path}`, `{line}`, `{column}` are replaced.
        public var editor: String?
        /// Each content file's last change from git, read when the server starts.
        public var lastChanged: [String: String]

        /// A portfolio's portfolio.yaml, served instead of one handbook.
        public var portfolio: String?

        public init(content: String, contentDisplay: String, templates: String, templatesDisplay: String, host: String, port: Int,
                    limits: LoadLimits, generator: String, editor: String?, lastChanged: [String: String] = [:], portfolio: String? = nil) {
            self.portfolio = portfolio
            self.lastChanged = lastChanged
            self.content = content
            self.contentDisplay = contentDisplay
            self.templates = templates
            self.templatesDisplay = templatesDisplay
            self.host = host
            self.port = port
            self.limits = limits
            self.generator = generator
            self.editor = editor
        }
    }

    /// What a rebuild produced, for the terminal.
    public struct Outcome: Sendable {
        public var report: DiagnosticReport
        /// nil when the handbook or theme had errors (the last good site stays).
        public var update: IncrementalSite.Update?
        public var milliseconds: Double
    }

    let options: Options
    let state = PreviewState()
    private let cache = LoadCache()
    private let checks = IncrementalCheck()
    private(set) var site: IncrementalSite?
    private var themeKey: String?
    private var lastTheme: HandbookPipeline.LoadedTheme?
    /// Content files edited since the site was last updated.
    private var edits: ChangeSet = .unknown
    private let rebuildLock = MutexLock()

    public init(options: Options) {
        self.options = options
    }

    /// The pipeline `build` runs, over this content folder and (when it exists) the templates folder.
    var pipeline: HandbookPipeline {
        HandbookPipeline(content: options.content, contentDisplay: options.contentDisplay,
                         templates: FileManager.default.fileExists(atPath: options.templates) ? options.templates : nil,
                         templatesDisplay: options.templatesDisplay, limits: options.limits, renderHTML: true)
    }

    // MARK: Building

    /// What the watcher saw, split by folder: the content files changed
    /// (relative to the content folder), and whether anything else did.
    struct WatchedChange {
        var content: ChangeSet
        var templates: Bool

        /// - Parameter paths: the paths the watcher reported (under the
        ///   watched folders, as given); nil when it cannot tell.
        init(_ paths: Set<String>?, content folder: String) {
            guard let paths else {
                content = .unknown
                templates = true
                return
            }
            let prefix = folder + "/"
            content = .files(Set(paths.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }))
            templates = paths.contains { !$0.hasPrefix(prefix) }
        }
    }

    /// Loads, checks and renders the handbook; on errors the served site stays as it was.
    /// - Parameter changed: the files that changed since the previous rebuild,
    ///   as the watcher saw them; nil when unknown (everything is looked at).
    @discardableResult
    public func rebuild(changed: Set<String>? = nil) -> Outcome {
        rebuildLock.lock()
        defer { rebuildLock.unlock() }
        if let portfolio = options.portfolio { return rebuildPortfolio(portfolio) }
        let started = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6 }
        let change = WatchedChange(changed, content: options.content)
        let pipeline = self.pipeline
        // The theme is read again unless the watcher saw only content files change.
        let theme = !change.templates && lastTheme != nil ? lastTheme! : pipeline.loadTheme()
        lastTheme = theme
        let loaded: HandbookLoader.Result
        do {
            loaded = try pipeline.load(cache: cache, changes: change.content)
        } catch {
            // The folder or its handbook.yaml is gone (a branch switch): say so, keep serving.
            edits = .unknown
            let problem = Diagnostic(.yamlSyntax, "\(error)", at: .start(of: options.contentDisplay + "/handbook.yaml"))
            let report = DiagnosticReport(diagnostics: [], files: 0, placed: [problem])
            state.publish(report: report, site: nil, editor: options.editor)
            return Outcome(report: report, update: nil, milliseconds: elapsed())
        }
        // The files edited since the site was last updated (a failed rebuild leaves them pending).
        edits = edits.union(loaded.reparsed)
        // The site's relations are worked out while the handbook is checked.
        let checked = pipeline.check(loaded, theme: theme, incremental: checks, relations: true)
        let report = checked.report
        guard report.errors == 0, let compiled = checked.theme else {
            state.publish(report: report, site: nil, editor: options.editor)
            return Outcome(report: report, update: nil, milliseconds: elapsed())
        }
        // A changed theme renders everything again.
        let key = !change.templates ? themeKey : theme.diagnostics.isEmpty ? Self.themeKey(pipeline.templates) : nil
        let fresh = site == nil || key != themeKey
        if fresh {
            site = IncrementalSite(theme: compiled, options: pipeline.siteOptions(generator: options.generator, lastChanged: options.lastChanged))
            themeKey = key
        }
        let update = Trace.measure("site update") { site!.update(checked.relations!, warnings: report.diagnostics, changed: fresh ? .unknown : edits) }
        edits = .none
        // A new site object (a theme change) replaces everything served.
        state.publish(report: report, site: site!.files, changed: fresh ? nil : Set(update.changed + update.removed), editor: options.editor)
        return Outcome(report: report, update: update, milliseconds: elapsed())
    }

    /// The templates folder's files with their sizes and times: a theme edit changes it.
    static func themeKey(_ folder: String?) -> String {
        guard let folder else { return "" }
        return FolderSnapshot.take([folder]).entries.map { "\($0.key)|\($0.value.size)|\($0.value.modified)" }.sorted().joined(separator: "\n")
    }

}
