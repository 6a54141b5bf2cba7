import Foundation
import Testing

/// The generated and fuzzing code stays in step with the sources.
@Suite struct ToolingTests {
    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = Paths.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func viewDictionariesAreGeneratedFromTheViewModels() throws {
        let result = try run("/usr/bin/env", ["python3", "scripts/generate-view-dictionaries.py", "--check"])
        #expect(result.status == 0, "\(result.output)")
    }

    /// The fuzz harnesses, built without libFuzzer, replay the seeds and every
    /// saved finding: each crash ever found stays a regression case.
    @Test(arguments: ["FuzzLoader", "FuzzPage"])
    func fuzzHarnessReplaysSeedsAndFindings(target: String) throws {
        let seeds = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-seeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: seeds) }
        let made = try run("/usr/bin/env", ["python3", "scripts/fuzz-seeds.py", target, seeds.path])
        #expect(made.status == 0, "\(made.output)")
        let binary = Paths.binary.deletingLastPathComponent().appendingPathComponent(target).path
        let replay = try run(binary, [seeds.path, Paths.packageRoot.appendingPathComponent("Tests/FuzzFindings").path])
        #expect(replay.status == 0, "\(replay.output)")
        let count = Int(replay.output.split(separator: " ").dropFirst().first ?? "") ?? 0
        #expect(count > 150, "\(replay.output)")
    }
}
