#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to stdout/stderr, and whether stdout is a colour terminal.
public enum StandardStream {
    case output, error

    public func write(_ text: String) {
        var text = text
        let fd = self == .output ? STDOUT_FILENO : STDERR_FILENO
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }

    /// Colour only for a terminal, and never with NO_COLOR set or TERM=dumb.
    /// Standard output is a terminal (a person reads it, not a pipe or a file).
    public static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    public static var outputWantsColor: Bool {
        guard isatty(STDOUT_FILENO) == 1 else { return false }
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }
}
