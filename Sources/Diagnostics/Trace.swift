#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Phase timings on stderr when HANDOFF_TRACE=1: `trace: load 0.210 s`.
/// For profiling by hand; never part of normal output.
public enum Trace {
    public static let enabled: Bool = getenv("HANDOFF_TRACE").map { String(cString: $0) == "1" } ?? false

    @discardableResult
    public static func measure<T>(_ phase: String, _ work: () throws -> T) rethrows -> T {
        guard enabled else { return try work() }
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let result = try work()
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        let line = "trace: \(phase) \(Int((seconds * 1000).rounded())) ms\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        return result
    }
}
