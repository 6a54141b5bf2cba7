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

/// Watching the content and templates folders: inotify, or polling where it is missing.
extension PreviewServer {
    // MARK: Watching

    /// Watches the content and templates folders (inotify; polling where
    /// it is unavailable) and rebuilds after each burst of changes.
    func watch(report: @escaping @Sendable (Outcome) -> Void) {
        let folders = options.portfolio.map { [PortfolioPipeline(file: $0).folder] } ?? [options.content, options.templates]
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
}
