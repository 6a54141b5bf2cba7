#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What Foundation's Process, Pipe and String(format:) did for the command
/// line, which imports FoundationEssentials (no ICU, whose data would be a
/// third of a static binary) where they do not exist.
package enum Subprocess {
    /// Starts `arguments[0]` (looked up in PATH) with `arguments`, standard
    /// input from `input` (a path; /dev/null when nil) and standard output
    /// and error onto the given descriptors (left as they are when nil).
    /// Returns the child's pid, or why it could not start.
    package static func spawn(_ arguments: [String], input: String? = nil, output: Int32? = nil, error: Int32? = nil) -> Result<pid_t, Failure> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        if let output { posix_spawn_file_actions_adddup2(&actions, output, 1) }
        if let error { posix_spawn_file_actions_adddup2(&actions, error, 2) }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        return status == 0 ? .success(pid) : .failure(Failure(code: status))
    }

    package struct Failure: Error, CustomStringConvertible {
        package var code: Int32
        package var description: String { String(cString: strerror(code)) }
    }

    /// A pipe whose ends are closed in children (only what a child gets as
    /// its standard input, output or error stays open in it).
    package static func makePipe() -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// Waits for a child; its exit status, or 128 + the signal that killed it.
    package static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Everything readable from `fd` until its end.
    package static func readAll(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                out += buffer[0..<count]
            } else if count == 0 || errno != EINTR {
                return out
            }
        }
    }
}

/// `value` formatted by the C library's printf ("%.2f"), as String(format:) did.
package func formatted(_ format: String, _ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
    return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}

/// A file error in words ("/x/y: Permission denied"): FoundationEssentials'
/// errors have no localizedDescription and print as `CocoaError(code: ...)`.
package func describe(_ error: any Error) -> String {
    guard let cocoa = error as? CocoaError else { return "\(error)" }
    let reason = (cocoa.underlying as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? "error \(cocoa.code.rawValue)"
    return cocoa.filePath.map { "\($0): \(reason)" } ?? reason
}
