import ArgumentParser
import Diagnostics
import HandbookPipeline
import Dispatch
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HandbookServe

/// `handoff serve`: build the site into memory, serve it, rebuild on every
/// change; open pages reload and show errors in an overlay.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a live preview of the handbook: rebuilt on every save, reloaded in the browser, errors shown on the page.",
        discussion: """
            public/ is not touched. Set HANDOFF_EDITOR to a URL pattern such as vscode://file/{path}:{line}:{column} \
            to make the overlay's file names open in an editor. Exit status: 0 after Ctrl-C, 2 when the server cannot \
            start (a port in use, an unreadable folder, a bad flag).
            """
    )

    @OptionGroup var handbook: HandbookOptions

    @Option(name: .long, help: "A folder of templates that override the built-in theme (default: templates/ beside the content folder, when it exists).")
    var templates: String?

    @Option(name: .long, help: "The address to listen on. Anything but a loopback address exposes the preview to the network.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port: Int = 1313

    @Flag(name: .long, help: "Open the overview in the default browser (xdg-open).")
    var open = false

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() throws {
        let content = handbook.content
        let portfolio = try handbook.portfolioFile()
        var isDirectory = false
        if portfolio != nil {
            // A portfolio: its folder is watched, its handbooks are checked by the pipeline.
        } else if !FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory) || !isDirectory {
            throw ToolFailure(CheckRun.explain(.notAFolder(DisplayPath.of(content)), content: content))
        }
        if portfolio == nil, !FileManager.default.isReadableFile(atPath: content + "/handbook.yaml") {
            throw ToolFailure("'\(DisplayPath.of(content))' is not a handbook: it has no handbook.yaml")
        }
        if let folder = templates, !FileManager.default.fileExists(atPath: folder) {
            throw ToolFailure("templates folder '\(folder)' does not exist")
        }
        let templatesFolder = templates ?? handbook.sibling("templates")
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.")
        if !loopback {
            StandardStream.error.write("warning: listening on \(host): anyone who can reach this machine can read the handbook\n")
        }
        let server = PreviewServer(options: .init(
            content: content, contentDisplay: DisplayPath.of(content), templates: templatesFolder,
            templatesDisplay: DisplayPath.of(templatesFolder), host: host, port: port,
            limits: try handbook.limits(), generator: "handoff \(Handoff.version)",
            editor: ProcessInfo.processInfo.environment["HANDOFF_EDITOR"], lastChanged: portfolio == nil ? Git.lastChanges(of: content) : [:],
            portfolio: portfolio))
        // Ctrl-C (and SIGTERM) stop the server at once: exit 0.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stopping = DispatchQueue(label: "handoff.serve.signals")
        let sources = [SIGINT, SIGTERM].map { (number: Int32) -> any DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: stopping)
            source.setEventHandler {
                server.stop()
                StandardStream.output.write("stopped\n")
                Glibc.exit(0)
            }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        let first = server.rebuild()
        StandardStream.output.write(Self.describe(first, first: true))
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        let open = self.open
        let finished = DispatchSemaphore(value: 0)
        final class Failure: @unchecked Sendable { var error: Error? }
        let failure = Failure()
        Task.detached {
            do {
                try await server.serve(onRunning: {
                    StandardStream.output.write("serving \(address) (Ctrl-C to stop)\n")
                    if open, case .success(let pid) = Subprocess.spawn(["xdg-open", address]) {
                        DispatchQueue.global().async { _ = Subprocess.wait(pid) }
                    }
                }, report: { outcome in StandardStream.output.write(Self.describe(outcome, first: false)) })
            } catch {
                failure.error = error
            }
            finished.signal()
        }
        finished.wait()
        if let error = failure.error {
            let text = "\(error)"
            if text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
                throw ToolFailure("cannot listen on \(host):\(port): the port is in use (try --port \(port + 1))")
            }
            throw ToolFailure("cannot listen on \(host):\(port): \(text)")
        }
    }

    /// The terminal's line for a build: its diagnostics and one summary line.
    static func describe(_ outcome: PreviewServer.Outcome, first: Bool) -> String {
        var out = outcome.report.diagnostics.isEmpty ? "" : outcome.report.text(color: StandardStream.outputWantsColor, summary: false)
        let time = formatted("%.0f", outcome.milliseconds) + " ms"
        if let update = outcome.update {
            let pages = update.changed.count + update.removed.count
            out += first ? "built \(update.changed.count) files with \(counted(outcome.report.warnings, "warning")) in \(time)\n"
                : "rebuilt in \(time): \(counted(pages, "file")) changed, \(counted(outcome.report.warnings, "warning"))\n"
        } else {
            out += "\(outcome.report.summary): serving the last good site (\(time))\n"
        }
        return out
    }
}
