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
