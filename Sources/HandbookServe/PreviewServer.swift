#if canImport(Glibc)
import Glibc

/// glibc's `malloc_trim` (in <malloc.h>, which the Glibc module leaves out).
@_silgen_name("malloc_trim") func glibcMallocTrim(_ pad: Int) -> Int32
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

        public init(content: String, contentDisplay: String, templates: String, templatesDisplay: String, host: String, port: Int,
                    limits: LoadLimits, generator: String, editor: String?, lastChanged: [String: String] = [:]) {
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

    // MARK: Watching

    /// Watches the content and templates folders (inotify; polling where
    /// it is unavailable) and rebuilds after each burst of changes.
    func watch(report: @escaping @Sendable (Outcome) -> Void) {
        let folders = [options.content, options.templates]
        Self.startThread(stackSize: 8 << 20) { [self] in
            // HANDOFF_WATCH=poll polls even where inotify works (for tests, and network file systems).
            if ProcessInfo.processInfo.environment["HANDOFF_WATCH"] != "poll", let watcher = FolderWatcher(roots: folders) {
                // A comment every 15 s: a page that went away is noticed when the write fails.
                while true {
                    guard let changes = watcher.next(timeout: 15, quiet: 0.005) else {
                        state.heartbeat()
                        continue
                    }
                    report(self.rebuild(changed: changes))
                    Self.returnFreedMemory()
                }
            } else {
                poll(folders, report: report)
            }
        }
    }

    /// Runs `body` on a thread of its own (a pthread with a stack of
    /// `stackSize` bytes, what Foundation's Thread, not imported here, made).
    static func startThread(stackSize: Int, _ body: @escaping @Sendable () -> Void) {
        final class Body { let run: @Sendable () -> Void; init(_ run: @escaping @Sendable () -> Void) { self.run = run } }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        if started == 0 { pthread_detach(thread) } else { Unmanaged<Body>.fromOpaque(context).release() }
    }

    /// Sleeps for `seconds` (Thread.sleep(forTimeInterval:) without Foundation).
    static func sleep(seconds: Double) {
        var time = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        var remaining = timespec()
        while nanosleep(&time, &remaining) != 0 && errno == EINTR { time = remaining }
    }

    /// Polls the folders (every 20 ms, or three times as long as a poll
    /// takes on a large handbook); after a change, waits until two polls
    /// 30 ms apart agree (an editor's save burst), then rebuilds.
    func poll(_ folders: [String], report: @escaping @Sendable (Outcome) -> Void) {
        var last = FolderSnapshot.take(folders)
        var interval = 0.02
        var lastHeartbeat = Date()
        while true {
            Self.sleep(seconds: interval)
            if Date().timeIntervalSince(lastHeartbeat) > 15 {
                state.heartbeat()
                lastHeartbeat = Date()
            }
            let started = Date()
            var now = FolderSnapshot.take(folders)
            interval = max(0.02, 3 * Date().timeIntervalSince(started))
            guard now != last else { continue }
            // Debounce: wait for a quiet poll.
            while true {
                Self.sleep(seconds: 0.03)
                let again = FolderSnapshot.take(folders)
                if again == now { break }
                now = again
            }
            let changed = Set(now.entries.keys.filter { now.entries[$0] != last.entries[$0] } + last.entries.keys.filter { now.entries[$0] == nil })
            // A folder that came or went may hide moved files: look at everything.
            last = now
            report(self.rebuild(changed: changed.contains { $0.hasSuffix("/") } ? nil : changed))
            Self.returnFreedMemory()
        }
    }

    /// Hands the heap's free pages back to the system after a rebuild (after
    /// the reload is announced), so memory returns to its baseline after a
    /// burst instead of staying at its peak.
    static func returnFreedMemory() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }

    // MARK: Serving

    /// Serves until Ctrl-C. Throws when the port cannot be bound.
    public func serve(onRunning: @escaping @Sendable () -> Void, report: @escaping @Sendable (Outcome) -> Void) async throws {
        watch(report: report)
        let state = self.state
        let allowedHosts = Self.allowedHosts(host: options.host, port: options.port)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            Self.respond(to: request, state: state, allowedHosts: allowedHosts)
        }
        let app = Application(responder: responder,
                              configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
                              onServerRunning: { _ in onRunning() },
                              logger: {
                                  var logger = Logger(label: "handoff-serve")
                                  logger.logLevel = .critical
                                  return logger
                              }())
        // Ctrl-C and SIGTERM end the process at once (stop()): a graceful
        // shutdown would wait for the pages' event streams, which never end.
        try await app.runService(gracefulShutdownSignals: [])
    }

    /// Ends every event stream; the process may then exit.
    public func stop() {
        state.finishAll()
    }

    /// The `Host` values a request may carry: loopback names, the listening
    /// host, and, when listening on every address (0.0.0.0, ::), each of the
    /// machine's own addresses and host names. Any other name is refused
    /// (DNS rebinding).
    static func allowedHosts(host: String, port: Int, machine: [String] = MachineNames.current()) -> Set<String> {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]", host.lowercased()]
        if ["0.0.0.0", "::", "[::]"].contains(host) { names.formUnion(machine.map { $0.lowercased() }) }
        for name in names where name.contains(":") && !name.hasPrefix("[") { names.insert("[\(name)]") }
        return Set(names.flatMap { [$0, "\($0):\(port)"] })
    }

    static func respond(to request: Request, state: PreviewState, allowedHosts: Set<String>) -> Response {
        // DNS rebinding: only the names this server is reached by.
        let host = (request.head.authority ?? "").lowercased()
        guard allowedHosts.contains(host) else {
            return plain(.forbidden, "403 forbidden: this preview answers only to \(allowedHosts.sorted().first { !$0.contains(":") } ?? "localhost")\n")
        }
        guard request.method == .get || request.method == .head else {
            var response = plain(.methodNotAllowed, "405 method not allowed: the preview is read-only\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let target = request.head.path ?? "/"
        let rawPath = String(target.prefix { $0 != "?" && $0 != "#" })
        if rawPath == "/_handoff/events" { return events(state) }
        if rawPath == "/_handoff/status" {
            return bytes(state.statusJSON(), type: "application/json; charset=utf-8", request: request)
        }
        guard let path = SitePath.resolve(rawPath), let served = state.file(path) else {
            return plain(.notFound, "404 not found\n")
        }
        let etag = "\"\(served.etag)\""
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingWhitespace() == etag }) {
            var response = Response(status: .notModified)
            response.headers[.eTag] = etag
            response.headers[.cacheControl] = "no-cache"
            return response
        }
        var response = bytes(served.bytes, type: ContentType.of(path), request: request)
        response.headers[.eTag] = etag
        return response
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        response.headers[.contentType] = "text/plain; charset=utf-8"
        response.headers[.cacheControl] = "no-cache"
        return response
    }

    static func bytes(_ bytes: [UInt8], type: String, request: Request) -> Response {
        var response = Response(status: .ok, body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        response.headers[.contentType] = type
        response.headers[.contentLength] = String(bytes.count)
        response.headers[.cacheControl] = "no-cache"
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }

    /// Server-Sent Events: one message per rebuild (its number), and a comment every 15 s to keep proxies open.
    static func events(_ state: PreviewState) -> Response {
        let (stream, id) = state.subscribe()
        var response = Response(status: .ok, body: ResponseBody { writer in
            defer { state.unsubscribe(id) }
            try await writer.write(ByteBuffer(string: "retry: 500\ndata: \(state.version)\n\n"))
            for await message in stream {
                try await writer.write(ByteBuffer(string: message))
            }
            try await writer.finish(nil)
        })
        response.headers[.contentType] = "text/event-stream"
        response.headers[.cacheControl] = "no-cache"
        return response
    }
}

/// The served site and what the pages' script asks for.
final class PreviewState: @unchecked Sendable {
    struct Served {
        var bytes: [UInt8]
        var etag: String
    }

    private let lock = MutexLock()
    private var files: [String: Served] = [:]
    private var status: [UInt8] = Array("{}".utf8)
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextSubscriber = 0
    private(set) var version = 0
    private var built = 0

    func file(_ path: String) -> Served? {
        lock.lock()
        defer { lock.unlock() }
        return files[path]
    }

    func statusJSON() -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return status
    }

    /// A rebuild's result: a new site (nil: keep the last good one) and its
    /// diagnostics. `changed`: the paths whose bytes changed since the last
    /// site published (nil: all); only those get the script and an ETag again.
    func publish(report: DiagnosticReport, site: [String: [UInt8]]?, changed: Set<String>? = nil, editor: String?) {
        var served: [String: Served]?
        if let site {
            lock.lock()
            var next = changed == nil ? [:] : files
            lock.unlock()
            let paths = changed.map(Array.init) ?? Array(site.keys)
            let prepared = paths.concurrentMap { path -> (String, Served?) in
                guard let bytes = site[path] else { return (path, nil) }
                let body = path.hasSuffix(".html") ? LiveScript.inject(into: bytes) : bytes
                return (path, Served(bytes: body, etag: Self.etag(body)))
            }
            for (path, entry) in prepared { next[path] = entry }
            served = next
        }
        lock.lock()
        if let served {
            files = served
            built += 1
        }
        version += 1
        status = Array(Status(version: version, built: built, hasSite: !files.isEmpty, report: report, editor: editor).json().utf8)
        let listeners = Array(subscribers.values)
        let message = "data: \(version)\n\n"
        lock.unlock()
        for listener in listeners { listener.yield(message) }
    }

    func subscribe() -> (AsyncStream<String>, Int) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        lock.lock()
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        lock.unlock()
        return (stream, id)
    }

    func heartbeat() {
        lock.lock()
        let listeners = Array(subscribers.values)
        lock.unlock()
        for listener in listeners { listener.yield(": keep-alive\n\n") }
    }

    func finishAll() {
        lock.lock()
        let listeners = Array(subscribers.values)
        subscribers = [:]
        lock.unlock()
        for listener in listeners { listener.finish() }
    }

    func unsubscribe(_ id: Int) {
        lock.lock()
        subscribers[id]?.finish()
        subscribers[id] = nil
        lock.unlock()
    }

    static func etag(_ bytes: [UInt8]) -> String { String(OutputFolder.contentHash(bytes), radix: 16) }
}

/// `/_handoff/status`: the build counters and the diagnostics as the CLI prints them.
struct Status: Encodable {
    struct Item: Encodable {
        var severity: String
        var text: String
        var location: String
        var href: String
        var rule: String
        var message: String
        var notes: [String]
    }

    var version: Int
    var built: Int
    var hasSite: Bool
    var errors: Int
    var warnings: Int
    var summary: String
    var diagnostics: [Item]

    init(version: Int, built: Int, hasSite: Bool, report: DiagnosticReport, editor: String?) {
        self.version = version
        self.built = built
        self.hasSite = hasSite
        errors = report.errors
        warnings = report.warnings
        summary = report.summary
        diagnostics = report.diagnostics.map { d in
            let location = "\(d.location.file):\(d.location.line):\(d.location.column)"
            var href = ""
            if let editor, !editor.isEmpty {
                let absolute = d.location.file.hasPrefix("/") ? d.location.file
                    : FileManager.default.currentDirectoryPath + "/" + d.location.file
                href = editor.replacingAll("{path}", with: absolute)
                    .replacingAll("{line}", with: String(d.location.line))
                    .replacingAll("{column}", with: String(d.location.column))
            }
            let notes = d.notes.map { note in "note: " + note.message + (note.location.map { " (\($0))" } ?? "") }
            return Item(severity: d.severity.rawValue, text: "\(location): \(d.severity.rawValue): \(d.message) [\(d.rule.rawValue)]",
                        location: location, href: href, rule: d.rule.rawValue, message: d.message, notes: notes)
        }
    }

    func json() -> String { JSON.encode(self, expandedDepth: 1) }
}
