import Testing

/// The test helper that runs the binary must not deadlock on a child that
/// fills its stderr pipe (64 KiB) before it writes to stdout.
@Suite struct RunSupportTests {
    @Test func aChildFillingStderrFirstDoesNotBlock() throws {
        let run = try Run(["-c", "head -c 200000 /dev/zero | tr '\\0' e >&2; printf done"], tool: "sh")
        #expect(run.status == 0)
        #expect(run.stdout == "done")
        #expect(run.stderr.utf8.count == 200_000)
    }
}
