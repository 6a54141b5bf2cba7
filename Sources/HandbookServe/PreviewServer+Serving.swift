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

/// Serving: the HTTP routes, the event stream, the Host check.
extension PreviewServer {
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
