import Diagnostics
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a handbook folder as it is in a git revision, without touching the
/// working tree or the index: `git ls-tree` lists the blobs, `git cat-file
/// --batch` reads them, and only regular files with safe relative paths are
/// written, into a temporary folder of ours.
package enum Git {
    package struct Failure: Error { package var message: String }

    /// Runs git; returns stdout, or nil with a non-zero exit.
    package static func run(_ arguments: [String], input: URL? = nil, in directory: String = ".") -> (status: Int32, out: Data, err: String) {
        // stdout goes to a file, so a large output never blocks git while stderr is read.
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-git-\(UUID().uuidString)").path
        let out = open(outFile, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard out >= 0 else { return (127, Data(), "cannot create a temporary file") }
        defer { unlink(outFile) }
        guard let err = Subprocess.makePipe() else {
            close(out)
            return (127, Data(), "cannot create a pipe")
        }
        // git -C instead of the child's working folder: posix_spawn has no portable chdir.
        let started = Subprocess.spawn(["git", "-C", directory] + arguments, input: input?.path, output: out, error: err.write)
        close(out)
        close(err.write)
        defer { close(err.read) }
        let pid: pid_t
        switch started {
        case .success(let child): pid = child
        case .failure(let failure): return (127, Data(), "git could not be started: \(failure)")
        }
        let errors = Subprocess.readAll(err.read)
        let status = Subprocess.wait(pid)
        let output = FileManager.default.contents(atPath: outFile) ?? Data()
        return (status, output, String(decoding: errors, as: UTF8.self))
    }

    /// Each file's last change under `folder` ("roles/pm.md" → "2026-11-20",
    /// the committer date of the newest commit that touched it), when the
    /// folder is in a git work tree; empty otherwise (or when git is missing).
    /// One `git log` for the whole folder.
    package static func lastChanges(of folder: String) -> [String: String] {
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        guard RepositoryPath.inRepository(absolute) != nil else { return [:] }
        let result = run(["log", "--relative", "--no-renames", "--name-only", "--format=%x00%cs", "--", "."], in: absolute)
        guard result.status == 0 else { return [:] }
        var dates: [String: String] = [:]
        var current = ""
        for line in String(decoding: result.out, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("\u{0}") {
                current = String(line.dropFirst())
            } else if dates[String(line)] == nil {
                dates[String(line)] = current
            }
        }
        return dates
    }

    /// The commit a revision names, or nil.
    package static func commit(_ revision: String) -> String? {
        guard !revision.hasPrefix("-") else { return nil }
        let result = run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
        guard result.status == 0 else { return nil }
        return String(decoding: result.out, as: UTF8.self).trimmingWhitespace()
    }

    /// The folder's path from the repository root ("" for the root).
    package static func pathInRepository(_ folder: String) throws -> String {
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        guard let path = RepositoryPath.inRepository(absolute) else {
            throw Failure(message: "'\(folder)' is not inside a git repository")
        }
        return path
    }

    /// Writes `path` (a folder in the repository) as of `commit` into
    /// `destination`; returns false when the revision has no such folder.
    package static func export(commit: String, path: String, to destination: String) throws -> Bool {
        let listing = run(["ls-tree", "-r", "-z", "--full-tree", commit, "--", path.isEmpty ? "." : path])
        guard listing.status == 0 else { throw Failure(message: "git ls-tree failed: \(listing.err)") }
        var blobs: [(sha: String, relative: String)] = []
        for entry in listing.out.split(separator: 0) {
            // "<mode> <type> <sha>\t<path>"
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let meta = String(decoding: entry[entry.startIndex..<tab], as: UTF8.self).split(separator: " ")
            let fullPath = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard meta.count == 3, meta[1] == "blob", meta[0] == "100644" || meta[0] == "100755" else { continue } // no symlinks
            let relative = path.isEmpty ? fullPath : String(fullPath.dropFirst(path.count + 1))
            guard !relative.isEmpty, relative.split(separator: "/").allSatisfy({ $0 != ".." && $0 != "." }) else { continue }
            blobs.append((String(meta[2]), relative))
        }
        guard !blobs.isEmpty else { return false }
        let request = URL(fileURLWithPath: destination + ".shas")
        try Data(blobs.map { $0.sha + "\n" }.joined().utf8).write(to: request)
        defer { try? FileManager.default.removeItem(at: request) }
        let batch = run(["cat-file", "--batch"], input: request)
        guard batch.status == 0 else { throw Failure(message: "git cat-file failed: \(batch.err)") }
        var data = batch.out[...]
        for blob in blobs {
            // "<sha> blob <size>\n<content>\n"
            guard let newline = data.firstIndex(of: 0x0A) else { throw Failure(message: "unexpected git cat-file output") }
            let header = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]) else { throw Failure(message: "unexpected git cat-file output") }
            let start = newline + 1
            let content = data[start..<(start + size)]
            data = data[(start + size + 1)...]
            let target = URL(fileURLWithPath: destination + "/" + blob.relative)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content).write(to: target)
        }
        return true
    }
}
