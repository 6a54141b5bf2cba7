import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `handoff mcp`: the Model Context Protocol server over stdio. It runs
/// `handoff-mcp` from the folder of this executable (the release archive's
/// bin/ holds both): the server links the MCP SDK and with it Foundation and
/// ICU's data, which would double this binary for everyone else.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the handbook to AI agents over the Model Context Protocol (stdio).",
        discussion: """
            Tools: list_roles, get_role, what_do_i_need, who_consumes, check, explain, search; every page's \
            Markdown twin is a resource (handoff://roles/pm). The handbook is read again when its files change. \
            Exit status: 0 when the client closes the connection, 2 when the server cannot start.
            """
    )

    @Option(name: .long, help: "The handbook's content folder.")
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("Raise a size or complexity limit (repeatable).", valueName: "NAME=VALUE"))
    var limit: [String] = []

    func run() throws {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { throw ToolFailure("cannot find this executable's folder to start handoff-mcp") }
        let own = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let server = String(own[..<(own.lastIndex(of: "/") ?? own.startIndex)]) + "/handoff-mcp"
        guard access(server, X_OK) == 0 else {
            throw ToolFailure("'\(server)' is missing: it is built with handoff (swift build --product handoff-mcp) and ships beside it in the release archive")
        }
        let arguments = [server, "--content", content] + limit.flatMap { ["--limit", $0] }
        var cArguments = arguments.map { strdup($0) } + [nil]
        execv(server, &cArguments)
        throw ToolFailure("cannot start '\(server)': \(String(cString: strerror(errno)))")
    }
}
