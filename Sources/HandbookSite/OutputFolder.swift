import CSystemShims
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import HandbookModel

/// Where a build writes: a temporary folder beside the output, swapped in
/// only when every page is written, so that a reader never sees a
/// half-written site and a failed build leaves the previous output as it was.
///
/// Refuses outputs that would destroy a user's files: `/`, the home folder,
/// the working folder, a folder that holds the content or templates, a
/// symlink, and a non-empty folder that handoff did not make (no marker
/// file) unless `force`.
public final class OutputFolder: @unchecked Sendable {
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Marks a folder as made by handoff (it may be replaced).
    public static let marker = SiteLayout.marker

    public let path: String
    let parent: String
    let name: String
    let temporary: String
    /// The previous build's files (path → size and hash, from its marker):
    /// an unchanged file is hard-linked from there instead of written again.
    let previous: [String: Fingerprint]
    private let lock = MutexLock()
    /// Set on SIGINT/SIGTERM: writers stop creating files, so that the
    /// temporary folder can be removed whole.
    private var interrupted = false
    private var written: [String: Fingerprint] = [:]
    public private(set) var reused = 0

    struct Fingerprint: Equatable {
        var size: Int
        var hash: UInt64
    }

    public init(path given: String, protecting protected: [String], force: Bool) throws {
        let path = Self.absolute(given)
        guard path != "/" else { throw Refusal(description: "refusing to write the site into '/'") }
        let home = ProcessInfo.processInfo.environment["HOME"].map(Self.absolute)
        let cwd = Self.absolute(".")
        if path == home { throw Refusal(description: "refusing to replace the home folder '\(given)'") }
        if path == cwd || cwd.hasPrefix(path + "/") {
            throw Refusal(description: "refusing to replace '\(given)': it holds the working folder")
        }
        for folder in protected.map(Self.absolute) where folder == path || folder.hasPrefix(path + "/") {
            throw Refusal(description: "refusing to replace '\(given)': it holds the handbook's sources")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFLNK { throw Refusal(description: "refusing to write through the symlink '\(given)'") }
            guard info.st_mode & S_IFMT == S_IFDIR else { throw Refusal(description: "'\(given)' exists and is not a folder") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if !entries.isEmpty && !entries.contains(Self.marker) && !force {
                throw Refusal(description: "refusing to replace '\(given)': it is not empty and was not made by handoff (use --force)")
            }
        }
        self.path = path
        parent = PathText.deletingLastComponent(path)
        name = PathText.lastComponent(path)
        temporary = parent + "/." + name + ".handoff-tmp-\(getpid())"
        previous = Self.readManifest(path + "/" + Self.marker)
        removeLeftovers()
        guard mkdir(parent, 0o755) == 0 || errno == EEXIST else {
            throw Refusal(description: "cannot create '\(parent)': \(String(cString: strerror(errno)))")
        }
        guard mkdir(temporary, 0o755) == 0 else {
            throw Refusal(description: "cannot create '\(temporary)': \(String(cString: strerror(errno)))")
        }
    }

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Temporary and old folders of builds that were interrupted.
    private func removeLeftovers() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for entry in names where entry.hasPrefix("." + name + ".handoff-tmp-") || entry.hasPrefix("." + name + ".handoff-old-") {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    /// Creates the folders pages go into (call before writing in parallel).
    public func makeFolders(_ relative: [String]) throws {
        for folder in relative {
            if lock.withLock({ interrupted }) { Self.waitForExit() }
            guard Self.isSafe(folder) else { throw Refusal(description: "unsafe output path '\(folder)'") }
            if mkdir(temporary + "/" + folder, 0o755) != 0 && errno != EEXIST {
                throw Refusal(description: "cannot create '\(folder)': \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Writes one new file; never follows a symlink, never leaves the folder.
    /// When the previous build wrote the same bytes there, the old file is
    /// hard-linked instead (the previous output is never modified).
    public func write(_ relative: String, _ bytes: [UInt8]) throws {
        guard Self.isSafe(relative) else { throw Refusal(description: "unsafe output path '\(relative)'") }
        if lock.withLock({ interrupted }) { Self.waitForExit() }
        let fingerprint = Fingerprint(size: bytes.count, hash: Self.contentHash(bytes))
        lock.withLock { written[relative] = fingerprint }
        if previous[relative] == fingerprint, Self.isRegularFile(path + "/" + relative), Self.isRealFolder(relative, under: path),
           link(path + "/" + relative, temporary + "/" + relative) == 0 {
            lock.withLock { reused += 1 }
            return
        }
        let fd = open(temporary + "/" + relative, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Refusal(description: "cannot write '\(relative)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Refusal(description: "cannot write '\(relative)': \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// Relative, no `.`/`..`/empty components, no NUL or backslash.
    public static func isSafe(_ relative: String) -> Bool {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.utf8.contains(0), !relative.contains("\\") else { return false }
        return relative.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != "" && $0 != "." && $0 != ".." }
    }

    /// Swaps the finished site in.
    public func commit() throws {
        var manifest = "This folder was generated by handoff and is replaced by each build.\n"
        for (file, print) in lock.withLock({ written }).sorted(by: { $0.key < $1.key }) {
            manifest += "\(print.size) \(String(print.hash, radix: 16)) \(file)\n"
        }
        let bytes = Array(manifest.utf8)
        let fd = open(temporary + "/" + Self.marker, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Refusal(description: "cannot write '\(Self.marker)': \(String(cString: strerror(errno)))") }
        let done = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard done == bytes.count else { throw Refusal(description: "cannot write '\(Self.marker)'") }
        var info = stat()
        if lstat(path, &info) == 0 {
            if handoff_rename_exchange(temporary, path) == 0 {
                Self.remove(temporary) // now the previous site
                return
            }
            // No atomic exchange here: move the old site aside, then the new one in.
            let old = parent + "/." + name + ".handoff-old-\(getpid())"
            guard rename(path, old) == 0 else { throw Refusal(description: "cannot replace '\(path)': \(String(cString: strerror(errno)))") }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(old, path)
                throw Refusal(description: "cannot replace '\(path)': \(reason)")
            }
            Self.remove(old)
        } else if rename(temporary, path) != 0 {
            throw Refusal(description: "cannot create '\(path)': \(String(cString: strerror(errno)))")
        }
    }

    /// Removes a previous site (a folder of ours), its top-level entries
    /// across the cores: 12,000 pages took 40 ms on one.
    static func remove(_ folder: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        _ = entries.concurrentMap { try? FileManager.default.removeItem(atPath: folder + "/" + $0) }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A whole file, read with one allocation of its size (an asset to copy).
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n == 0 ? Array(bytes[..<offset]) : nil }
            offset += n
        }
        return bytes
    }

    /// A 64-bit hash of a file's bytes, eight at a time (multiply and
    /// xor-shift per word, murmur3's finaliser at the end): the manifest's
    /// file hash (with the size, enough to recognise unchanged output) and
    /// the preview's ETags. FNV-1a, a byte at a time, was 7% of a build's
    /// time over 125 MB of pages; a new hash only makes the next build
    /// write every file once.
    public static func contentHash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var offset = 0
            let words = raw.count / 8
            for _ in 0..<words {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
                hash ^= hash >> 32
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < raw.count {
                tail |= UInt64(raw[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = (hash ^ tail) &* 0xff51_afd7_ed55_8ccd
            hash ^= hash >> 33
            hash = hash &* 0xc4ce_b9fe_1a85_ec53
            return hash ^ (hash >> 33)
        }
    }

    /// The folder of `relative` under `root` is a directory, not a symlink.
    static func isRealFolder(_ relative: String, under root: String) -> Bool {
        guard let slash = relative.firstIndex(of: "/") else { return true }
        var info = stat()
        return lstat(root + "/" + relative[..<slash], &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// "size hash path" lines of a previous marker; empty when unreadable.
    static func readManifest(_ path: String) -> [String: Fingerprint] {
        guard isRegularFile(path), let data = FileManager.default.contents(atPath: path) else { return [:] }
        var out: [String: Fingerprint] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let size = Int(parts[0]), let hash = UInt64(parts[1], radix: 16), isSafe(String(parts[2])) else { continue }
            out[String(parts[2])] = Fingerprint(size: size, hash: hash)
        }
        return out
    }

    /// On SIGINT or SIGTERM: remove the temporary folder and exit 130, so
    /// that an interrupted build leaves the previous output whole and nothing
    /// behind (the swap is atomic, so either site is whole whenever it lands).
    /// Installed explicitly: an ignored SIGINT is inherited across exec.
    /// Parks a writer once the build is interrupted: the signal handler
    /// removes the temporary folder and exits 130 (an error path here would
    /// race it to exit with another status).
    static func waitForExit() -> Never {
        while true { sleep(1) }
    }

    public func abandonOnInterrupt() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in
                lock.withLock { interrupted = true }
                // A writer already past its check may still add a file: remove until gone.
                var attempts = 0
                while FileManager.default.fileExists(atPath: temporary), attempts < 100 {
                    try? FileManager.default.removeItem(atPath: temporary)
                    attempts += 1
                    if FileManager.default.fileExists(atPath: temporary) { usleep(2_000) }
                }
                exit(130)
            }
            source.resume()
            Self.signalSources.append(source)
        }
    }

    nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []

    /// Removes the temporary folder; the previous output stays as it was.
    public func abandon() {
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
