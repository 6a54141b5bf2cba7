#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths in diagnostics are relative to the working directory: a relative
/// folder argument is shown as given (without `./`), an absolute one under
/// the working directory is made relative, any other stays absolute.
package enum DisplayPath {
    package static func of(_ argument: String) -> String {
        var path = argument
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path.hasPrefix("/") {
            if let cwd = currentDirectory(), path.hasPrefix(cwd + "/") {
                return String(path.dropFirst(cwd.count + 1))
            }
            return path
        }
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path.isEmpty ? "." : path
    }

    package static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
