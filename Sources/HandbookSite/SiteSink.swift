import HandbookModel

/// Where the assembled site goes: a folder on disk (`OutputFolder`, for
/// `build`) or memory (`MemorySite`, for the live preview and tools). The
/// site is assembled by one assembler (`SiteBuilder.assemble`) into either.
public protocol SiteSink: AnyObject, Sendable {
    /// Creates the folders the files need, parents first.
    func makeFolders(_ relative: [String]) throws
    /// Writes one file (called from many threads at once).
    func write(_ relative: String, _ bytes: [UInt8]) throws
}

extension OutputFolder: SiteSink {}

/// A site in memory: path → bytes.
public final class MemorySite: SiteSink, @unchecked Sendable {
    private let lock = MutexLock()
    private var storage: [String: [UInt8]] = [:]

    public init() {}

    public func makeFolders(_ relative: [String]) throws {}

    public func write(_ relative: String, _ bytes: [UInt8]) throws {
        lock.withLock { storage[relative] = bytes }
    }

    public var files: [String: [UInt8]] { lock.withLock { storage } }
}
