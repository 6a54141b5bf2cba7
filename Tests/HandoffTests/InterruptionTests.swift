import Foundation
import Testing

/// A build that is killed (SIGKILL, SIGINT) while writing, or that runs out
/// of disk, leaves the previous output whole, and the next build leaves no
/// leftovers.
@Suite(.serialized, .tags(.corpus)) struct InterruptionTests {
    /// A handbook big enough that its build is still writing when signalled.
    static func largeHandbook(in scratch: Scratch) throws {
        let run = try Run([Paths.packageRoot.appendingPathComponent("Benchmarks/generate.py").path, "1500", scratch.path("large")], tool: "python3")
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test(arguments: [SIGKILL, SIGINT])
    func aSignalledBuildLeavesThePreviousOutput(signal: Int32) throws {
        let scratch = try Scratch()
        _ = try scratch.copy(Paths.exampleContent, as: "content")
        #expect(try Run(["build", "--content", "content", "--output", "public"], in: scratch.url).status == 0)
        let before = SiteTree(scratch.url.appendingPathComponent("public")).fingerprint
        try Self.largeHandbook(in: scratch)

        let process = Process()
        process.executableURL = Paths.binary
        process.arguments = ["build", "--content", "large/content", "--output", "public"]
        process.currentDirectoryURL = scratch.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the new site is being written, then signal.
        let temporary = scratch.path(".public.handoff-tmp-\(process.processIdentifier)/roles")
        var waited = 0
        while process.isRunning, ((try? FileManager.default.contentsOfDirectory(atPath: temporary))?.count ?? 0) < 20, waited < 20_000 {
            usleep(1_000)
            waited += 1
        }
        let caughtWriting = process.isRunning
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(caughtWriting, "the build finished before it could be signalled")
        if signal == SIGKILL {
            #expect(process.terminationReason == .uncaughtSignal)
        } else {
            // SIGINT: handoff removes its temporary folder and exits 130.
            #expect(process.terminationReason == .exit && process.terminationStatus == 130)
            #expect(!FileManager.default.fileExists(atPath: scratch.path(".public.handoff-tmp-\(process.processIdentifier)")))
        }
        #expect(SiteTree(scratch.url.appendingPathComponent("public")).fingerprint == before)

        // The next build succeeds and removes what the killed one left.
        #expect(try Run(["build", "--content", "content", "--output", "public"], in: scratch.url).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains(".handoff-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(SiteTree(scratch.url.appendingPathComponent("public")).fingerprint == before)
    }

    @Test func aFullDiskLeavesThePreviousOutput() throws {
        let scratch = try Scratch()
        _ = try scratch.copy(Paths.fixtures.appendingPathComponent("valid/format-examples/content"), as: "small")
        _ = try scratch.copy(Paths.exampleContent, as: "big")
        try FileManager.default.createDirectory(atPath: scratch.path("disk"), withIntermediateDirectories: true)
        // A 1,000 KB file system of its own, in a private mount namespace: the
        // small site fits (about 640 KB in 4 KB blocks, Markdown twins
        // included), the example's does not beside it (about 1,400 KB).
        let script = """
            set -u
            mount -t tmpfs -o size=1000k tmpfs disk || exit 97
            "$0" build --content small --output disk/public > first.txt 2>&1 || exit 98
            (cd disk/public && find . -type f | sort | xargs sha1sum) > before.txt
            "$0" build --content big --output disk/public > second.txt 2>&1
            echo $? > status.txt
            (cd disk/public && find . -type f | sort | xargs sha1sum) > after.txt
            ls -A disk > listing.txt
            """
        let run = try Run(["--mount", "--map-root-user", "sh", "-c", script, Paths.binary.path], in: scratch.url, tool: "unshare")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let read = { (name: String) in (try? String(contentsOfFile: scratch.path(name), encoding: .utf8)) ?? "" }
        #expect(read("status.txt") == "2\n", "\(read("second.txt"))")
        #expect(read("second.txt").hasPrefix("error: cannot write '"), "\(read("second.txt"))")
        #expect(read("second.txt").contains("No space left on device"))
        #expect(!read("before.txt").isEmpty)
        #expect(read("after.txt") == read("before.txt"))
        #expect(read("listing.txt") == "public\n")
    }
}
