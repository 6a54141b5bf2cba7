import Foundation
import Testing

/// The fuzzing code stays in step with the sources.
@Suite(.tags(.corpus)) struct ToolingTests {
    /// The fuzz harnesses, built without libFuzzer, replay the seeds and every
    /// saved finding: each crash ever found stays a regression case.
    @Test(arguments: ["FuzzLoader", "FuzzPage"])
    func fuzzHarnessReplaysSeedsAndFindings(target: String) throws {
        let seeds = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-seeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: seeds) }
        let made = try Run(["scripts/fuzz-seeds.py", target, seeds.path], tool: "python3")
        #expect(made.status == 0, "\(made.stderr)")
        let binary = Paths.binary.deletingLastPathComponent().appendingPathComponent(target).path
        let replay = try Run([seeds.path, Paths.packageRoot.appendingPathComponent("Tests/FuzzFindings").path], tool: binary)
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        let count = Int(replay.stdout.split(separator: " ").dropFirst().first ?? "") ?? 0
        #expect(count > 150, "\(replay.stdout)")
    }
}
