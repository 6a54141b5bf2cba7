import Diagnostics
import Foundation
import HandbookPipeline
import HandbookSource
import MCP

/// `handoff mcp` (which runs this program): a Model Context Protocol server
/// over stdio for the handbook in `--content` (default `content`), read like
/// `handoff check` reads it and again whenever its files change. Tools:
/// list_roles, get_role, what_do_i_need, who_consumes, check, explain,
/// search; every page's Markdown twin as a resource (`handoff://roles/pm`).
/// A bad call (unknown tool or id, a wrong argument, a handbook that cannot
/// be read) is an error result, never a crash.

var content = "content"
var limits: [String] = []
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--content" where !arguments.isEmpty: content = arguments.removeFirst()
    case "--limit" where !arguments.isEmpty: limits.append(arguments.removeFirst())
    case "--help", "-h":
        print("USAGE: handoff mcp [--content <content>] [--limit <NAME=VALUE> ...]\n\nA Model Context Protocol server over standard input and output for the handbook in the content folder.")
        exit(0)
    default:
        FileHandle.standardError.write(Data("error: unknown argument '\(argument)'\n  note: handoff mcp --help lists the options\n".utf8))
        exit(2)
    }
}
var loadLimits = LoadLimits()
if let problem = loadLimits.apply(limits) {
    FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
    exit(2)
}
var isFolder: ObjCBool = false
guard FileManager.default.fileExists(atPath: content, isDirectory: &isFolder), isFolder.boolValue else {
    FileHandle.standardError.write(Data("error: '\(content)' is not a folder\n".utf8))
    exit(2)
}

let tools = HandbookTools(pipeline: HandbookPipeline(content: content, contentDisplay: DisplayPath.of(content), limits: loadLimits))
let server = Server(name: "handoff", version: "0.1.0", title: "handoff handbook",
                    instructions: "A team handbook: lifecycle stages, one Role Operating System per role, and handoff contracts between roles. Ask who needs what, from whom, under which gates; read any page as Markdown.",
                    capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))

await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: HandbookTools.tools) }
await server.withMethodHandler(CallTool.self) { params in
    do {
        let value = try tools.call(params.name, params.arguments)
        let text = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        return CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)], structuredContent: Optional(value), isError: false)
    } catch let failure as HandbookTools.Failure {
        return CallTool.Result(content: [.text(text: failure.message, annotations: nil, _meta: nil)], isError: true)
    } catch {
        return CallTool.Result(content: [.text(text: "\(error)", annotations: nil, _meta: nil)], isError: true)
    }
}
await server.withMethodHandler(ListResources.self) { _ in
    let state = try? tools.current()
    let resources = (state?.twins ?? [:]).keys.sorted().map { path in
        Resource(name: path, uri: "handoff://" + String(path.dropLast(3)), description: "The page \(String(path.dropLast(3))).html as Markdown",
                 mimeType: "text/markdown")
    }
    return ListResources.Result(resources: resources)
}
await server.withMethodHandler(ReadResource.self) { params in
    let state: HandbookTools.State
    do { state = try tools.current() } catch let failure as HandbookTools.Failure { throw MCPError.invalidParams(failure.message) }
    let prefix = "handoff://"
    guard params.uri.hasPrefix(prefix), let text = state.twins[String(params.uri.dropFirst(prefix.count)) + ".md"] else {
        throw MCPError.invalidParams(tools.unknown("resource", params.uri, state.twins.keys.sorted().map { prefix + String($0.dropLast(3)) }).message)
    }
    return ReadResource.Result(contents: [.text(text, uri: params.uri, mimeType: "text/markdown")])
}

do {
    try await server.start(transport: LineTransport())
    await server.waitUntilCompleted()
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(2)
}
