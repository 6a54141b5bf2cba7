#if canImport(Glibc)
import Glibc
#endif
import HandbookModel

/// What changed under the watched folders: the paths (`folder + "/" +
/// relative`, as the folder was given), or `nil` when the watcher cannot
/// say (its queue overflowed, a folder was created, deleted or moved, a
/// watched folder itself went away): the caller then looks at everything.
typealias FolderChanges = Set<String>?

/// Watches folders through Linux's inotify: each folder and subfolder
/// (hidden ones such as `.git` excepted, 32 levels at most) and the folders
/// holding the roots (a root deleted and recreated by a branch switch is
/// noticed and watched again).
final class FolderWatcher {
    private let fd: Int32
    private let roots: [String]
    /// Watch descriptor → the folder it watches.
    private var folders: [Int32: String] = [:]
    /// Watch descriptor → the roots (by name) in the folder it watches.
    private var parents: [Int32: Set<String>] = [:]

    private static let treeMask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                         | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)
    private static let parentMask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO) | UInt32(IN_ONLYDIR)

    /// nil where inotify is unavailable (the caller polls instead).
    init?(roots: [String]) {
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { return nil }
        self.fd = fd
        self.roots = roots
        watchRoots()
    }

    deinit { close(fd) }

    private func watchRoots() {
        for root in roots {
            let parent = PathText.deletingLastComponent(root)
            let wd = inotify_add_watch(fd, parent.isEmpty ? "." : parent, Self.parentMask)
            if wd >= 0 { parents[wd, default: []].insert(PathText.lastComponent(root)) }
            addTree(root, depth: 0)
        }
    }

    private func addTree(_ folder: String, depth: Int) {
        guard depth < 32 else { return }
        let wd = inotify_add_watch(fd, folder, Self.treeMask)
        guard wd >= 0 else { return }
        folders[wd] = folder
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { addTree(path, depth: depth + 1) }
        }
    }

    /// Waits up to `timeout` seconds for a change; then reads changes until
    /// none came for `quiet` seconds (an editor's save burst, a checkout).
    /// Returns `.none` when nothing happened before the timeout.
    func next(timeout: Double, quiet: Double) -> FolderChanges? {
        guard wait(timeout) else { return .none }
        var paths: Set<String> = []
        var known = true
        repeat {
            known = drain(into: &paths) && known
        } while wait(quiet)
        if !known { watchRoots() }
        return .some(known ? paths : nil)
    }

    private func wait(_ seconds: Double) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, Int32(seconds * 1000)) > 0
    }

    /// Reads the queued events; false when they say more than which files changed.
    private func drain(into paths: inout Set<String>) -> Bool {
        var known = true
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let name = String(decoding: buffer[nameStart..<nameStart + length].prefix { $0 != 0 }, as: UTF8.self)
                offset = nameStart + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { known = false; continue }
                if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil; continue }
                if let names = parents[wd] {
                    if names.contains(name) { known = false }
                    continue
                }
                guard let folder = folders[wd] else { continue }
                if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { known = false; continue }
                let path = folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 {
                    // A folder came or went: files may have moved with it unseen.
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !name.hasPrefix(".") { addTree(path, depth: 1) }
                    known = false
                    continue
                }
                paths.insert(path)
            }
        }
        return known
    }
}
