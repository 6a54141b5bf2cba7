import Foundation
import Testing

/// `handoff mcp` under a real MCP client (PyPI's mcp over stdio,
/// Tests/Browser/mcp_client.py): every tool, a resource, a hostile round
/// (unknown tool, wrong argument types, a 10 MB argument, unknown ids), an
/// edit while it runs and a folder that stops being a handbook.
@Suite struct MCPTests {
    @Test(.enabled(if: ExternalTools.mcpClient, "PyPI's mcp is not installed (scripts/setup --test)"))
    func aRealClientCallsEveryToolAndSurvivesTheHostileRound() throws {
        let scratch = try Scratch()
        let content = try scratch.copy(Paths.exampleContent, as: "content")
        let run = try Run([Paths.packageRoot.appendingPathComponent("Tests/Browser/mcp_client.py").path, Paths.binary.path, content.path], tool: "python3")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            server: handoff tools resources
            tools: check, explain, get_role, list_roles, search, what_do_i_need, who_consumes
            list_roles: 7 roles, first analyst | text is the same JSON: True
            get_role qa: QA / Data Quality | engaged in ['decide', 'build', 'test', 'ship', 'evaluate'] | sends ['acceptance-criteria-handoff', 'quality-report-handoff'] | receives ['release-candidate-handoff']
            what_do_i_need qa test: [('release-candidate', 'engineer', 'release-candidate-handoff', 3, '4h'), ('shaped-pitch', 'pm', None, 0, None)]
            who_consumes quality-report: ['qa'] -> [('devops', 'per release'), ('pm', 'per release'), ('steward', 'per release')]
            check: 0 errors, 0 warnings in 35 files
            explain vague-gate: vague-gate: a gate that states a preference instead of a checkable constraint
            search rollback: ['roles/devops.html', 'stages/ship.html', 'contracts/deployment-plan-handoff.html']
            resources: 48 including True
            read handoff://roles/pm: # Data PM
            hostile no_such_tool {}: error=True unknown tool 'no_such_tool'
            hostile get_role {'id': 42}: error=True argument 'id' must be a string
            hostile get_role {}: error=True missing argument 'id'
            hostile get_role {'id': '10000000 characters'}: error=True argument 'id' is longer than 10000 bytes
            hostile get_role {'id': 'qaa'}: error=True unknown role 'qaa': did you mean 'qa'?
            hostile what_do_i_need {'role': 'qa', 'stage': 'tset'}: error=True unknown stage 'tset': did you mean 'test'?
            read unknown resource: error Invalid params: unknown resource 'handoff://roles/nobody': did you mean 'handoff
            after an edit: QA and Data Quality
            broken handbook.yaml: check says ['yaml-syntax']
            no handbook.yaml: error=True the handbook cannot be read: 'CONTENT' is not a handbook: it has no handbook.yaml
            still answers: True

            """, "\(run.stderr)")
    }

    @Test func withoutItsServerBinaryMCPSaysWhatIsMissing() throws {
        // The server is built beside handoff; a copy of handoff alone says what it lacks (exit 2).
        let scratch = try Scratch()
        let lonely = scratch.url.appendingPathComponent("handoff")
        try FileManager.default.copyItem(at: Paths.binary, to: lonely)
        let run = try Run(["-c", "\"$0\" mcp < /dev/null", lonely.path], in: scratch.url, tool: "sh")
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: '\(scratch.url.resolvingSymlinksInPath().path)/handoff-mcp' is missing: "), "\(run.stderr)")
    }
}
