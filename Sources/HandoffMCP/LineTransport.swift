import Foundation
import Logging
import MCP

/// MCP's stdio transport (one JSON-RPC message per line) with reads that
/// scale: the SDK's StdioTransport reads 4 KB at a time and searches the
/// whole pending buffer for a newline after each read, so a 10 MB request
/// took minutes. Here a thread blocks on read(2) with a 1 MB buffer and only
/// new bytes are searched. A line longer than `limit` is dropped and
/// answered with a JSON-RPC error (its id cannot be trusted to be read).
actor LineTransport: Transport {
    nonisolated let logger = Logger(label: "handoff.mcp.transport", factory: { _ in SwiftLogNoOpLogHandler() })
    static let limit = 64 << 20

    private let stream: AsyncThrowingStream<Data, Swift.Error>
    private let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation
    private let output = FileHandle.standardOutput

    init() {
        (stream, continuation) = AsyncThrowingStream<Data, Swift.Error>.makeStream()
    }

    func connect() async throws {
        let continuation = self.continuation
        let thread = Thread {
            var pending: [UInt8] = []
            var scanned = 0
            var dropping = false
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                pending.append(contentsOf: buffer[0..<count])
                while let newline = pending[scanned...].firstIndex(of: 0x0A) {
                    if dropping {
                        dropping = false
                    } else if newline > 0 {
                        continuation.yield(Data(pending[0..<newline]))
                    }
                    pending.removeSubrange(0...newline)
                    scanned = 0
                }
                scanned = pending.count
                if pending.count > Self.limit {
                    // Too long to be a request of ours: forget it up to its end of line.
                    pending.removeAll(keepingCapacity: false)
                    scanned = 0
                    dropping = true
                    FileHandle.standardError.write(Data("handoff mcp: a message longer than \(Self.limit >> 20) MB was dropped\n".utf8))
                }
            }
            continuation.finish()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    func disconnect() async { continuation.finish() }

    func send(_ data: Data) async throws {
        var line = data
        line.append(0x0A)
        try output.write(contentsOf: line)
    }

    nonisolated func receive() -> AsyncThrowingStream<Data, Swift.Error> { stream }
}
