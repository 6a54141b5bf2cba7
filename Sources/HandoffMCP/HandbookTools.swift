import Diagnostics
import Foundation
import HandbookCheck
import HandbookModel
import HandbookPipeline
import HandbookSite
import HandoffCLI
import MCP

/// The tools `handoff mcp` offers, over the handbook as `check` reads it. The
/// handbook is read again when a file under the content folder changed since
/// the last call (sizes and times compared), so answers follow edits.
final class HandbookTools: @unchecked Sendable {
    let pipeline: HandbookPipeline
    private let lock = NSLock()
    private var stamp = ""
    private var state: State?

    struct State {
        var checked: CheckedHandbook
        var export: HandbookExport
        var twins: [String: String]
    }

    /// A problem to answer with (an error result, never a crash).
    struct Failure: Error { var message: String }

    init(pipeline: HandbookPipeline) { self.pipeline = pipeline }

    /// The content folder's files with their sizes and times.
    func currentStamp() -> String {
        var parts: [String] = []
        let root = pipeline.content
        if let walker = FileManager.default.enumerator(atPath: root) {
            while let relative = walker.nextObject() as? String {
                if let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + relative) {
                    parts.append("\(relative)|\(attributes[.size] ?? 0)|\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
                }
            }
        }
        return parts.sorted().joined(separator: "\n")
    }

    /// The handbook, read again when its files changed.
    func current() throws -> State {
        lock.lock()
        defer { lock.unlock() }
        let now = currentStamp()
        if let state, now == stamp { return state }
        let checked: CheckedHandbook
        do {
            checked = try pipeline.run(theme: .none, relations: true)
        } catch {
            throw Failure(message: "the handbook cannot be read: \(error.description)")
        }
        var twins: [String: String] = [:]
        if let relations = checked.relations {
            for twin in AgentFiles.twins(relations) { twins[twin.path] = twin.text }
        }
        let fresh = State(checked: checked, export: HandbookExport(checked), twins: twins)
        state = fresh
        stamp = now
        return fresh
    }

    // MARK: The tools

    static let tools: [Tool] = [
        Tool(name: "list_roles", description: "Every role of the handbook: id, name and purpose.",
             inputSchema: schema([:], required: [])),
        Tool(name: "get_role", description: "One role as handoff export gives it (engagement, context in and out, agents, workflows, risks), with the contracts it sends and receives.",
             inputSchema: schema(["id": ["type": "string", "description": "The role's id, such as pm."]], required: ["id"])),
        Tool(name: "what_do_i_need", description: "What a role needs to work in a stage: every context it receives through a contract whose boundary ends at that stage (with the contract's gates and how fast it is acknowledged), then every other context it consumes.",
             inputSchema: schema(["role": ["type": "string"], "stage": ["type": "string"]], required: ["role", "stage"])),
        Tool(name: "who_consumes", description: "Who produces a context and who consumes it, with cadences.",
             inputSchema: schema(["context": ["type": "string"]], required: ["context"])),
        Tool(name: "check", description: "Check the handbook against every rule: the same object as handoff check --format json.",
             inputSchema: schema([:], required: [])),
        Tool(name: "explain", description: "A rule's meaning, help and examples, as handoff explain prints them.",
             inputSchema: schema(["rule": ["type": "string", "description": "A rule id, such as vague-gate."]], required: ["rule"])),
        Tool(name: "search", description: "Full-text search over every page: ranked hits with their site paths and a snippet.",
             inputSchema: schema(["query": ["type": "string"]], required: ["query"])),
    ]

    static func schema(_ properties: [String: [String: String]], required: [String]) -> Value {
        .object(["type": .string("object"),
                 "properties": .object(properties.mapValues { .object($0.mapValues { .string($0) }) }),
                 "required": .array(required.map { .string($0) }),
                 "additionalProperties": .bool(false)])
    }

    /// Arguments are short ids and queries: anything longer is refused before it is looked at.
    static let argumentLimit = 10_000

    func text(_ arguments: [String: Value]?, _ name: String) throws -> String {
        guard let value = arguments?[name] else { throw Failure(message: "missing argument '\(name)'") }
        guard case let .string(text) = value else { throw Failure(message: "argument '\(name)' must be a string") }
        guard text.utf8.count <= Self.argumentLimit else { throw Failure(message: "argument '\(name)' is longer than \(Self.argumentLimit) bytes") }
        return text
    }

    func call(_ name: String, _ arguments: [String: Value]?) throws -> Value {
        switch name {
        case "list_roles":
            let export = try current().export
            return .object(["roles": .array(export.roles.map { .object(["id": .string($0.id), "name": .string($0.name), "purpose": .string($0.purpose)]) })])
        case "get_role":
            let id = try text(arguments, "id")
            let state = try current()
            guard let role = state.export.roles.first(where: { $0.id == id }) else { throw unknown("role", id, state.export.roles.map(\.id)) }
            guard case var .object(object) = try Self.codable(role).value else { throw Failure(message: "internal error") }
            object["contracts_sent"] = try Self.codable(state.export.contracts.filter { $0.from == id }).value
            object["contracts_received"] = try Self.codable(state.export.contracts.filter { $0.to == id }).value
            return .object(object)
        case "what_do_i_need":
            let roleID = try text(arguments, "role"), stage = try text(arguments, "stage")
            let state = try current()
            guard let role = state.export.roles.first(where: { $0.id == roleID }) else { throw unknown("role", roleID, state.export.roles.map(\.id)) }
            guard state.export.lifecycle.contains(stage) else { throw unknown("stage", stage, state.export.lifecycle) }
            var needs: [Value] = []
            var covered = Set<String>()
            for contract in state.export.contracts where contract.to == roleID && contract.boundary?.to == stage {
                for context in contract.carries {
                    covered.insert(context + "|" + (contract.from ?? ""))
                    needs.append(.object(["context": .string(context), "from": contract.from.map(Value.string) ?? .null, "contract": .string(contract.id),
                                          "gates": .array(contract.gates.map(Value.string)),
                                          "acknowledge_within": contract.trigger.acknowledge_within.map(Value.string) ?? .null]))
                }
            }
            for flow in role.context_in where !covered.contains(flow.context + "|" + flow.from) {
                needs.append(.object(["context": .string(flow.context), "from": .string(flow.from), "contract": .null, "gates": .array([]),
                                      "acknowledge_within": .null]))
            }
            return .object(["role": .string(roleID), "stage": .string(stage), "needs": .array(needs)])
        case "who_consumes":
            let id = try text(arguments, "context")
            let state = try current()
            guard let context = state.export.contexts.first(where: { $0.id == id }) else { throw unknown("context", id, state.export.contexts.map(\.id)) }
            return .object(["context": .string(id),
                            "producers": try Self.codable(context.producers).value,
                            "consumers": .array(context.consumers.map { .object(["role": .string($0.role), "cadence": $0.cadence.map(Value.string) ?? .null]) })])
        case "check":
            let report = try current().checked.report
            return try JSONDecoder().decode(Value.self, from: Data(report.json().utf8))
        case "explain":
            let rule = try text(arguments, "rule")
            guard let descriptor = RuleRegistry.descriptor(named: rule) else { throw unknown("rule", rule, RuleRegistry.allDescriptors.map(\.rule.rawValue)) }
            return .object(["rule": .string(rule), "text": .string(RuleExplanation.text(descriptor))])
        case "search":
            let query = try text(arguments, "query")
            return .object(["query": .string(query), "results": .array(search(query, in: try current()).map { hit in
                .object(["path": .string(hit.path), "title": .string(hit.title), "score": .int(hit.score), "snippet": .string(hit.snippet)])
            })])
        default:
            throw unknown("tool", name, Self.tools.map(\.name))
        }
    }

    func unknown(_ what: String, _ id: String, _ known: [String]) -> Failure {
        let shown = id.count > 80 ? String(id.prefix(80)) + "…" : id
        var message = "unknown \(what) '\(shown)'"
        if let close = Suggestion.closest(to: id, among: known) { message += ": did you mean '\(close)'?" }
        return Failure(message: message)
    }

    /// Encodable (the export's types) through JSON into `Value`.
    static func codable<T: Encodable>(_ value: T) throws -> JSONValue { try JSONValue(value) }

    // MARK: Search

    struct Hit { var path: String; var title: String; var score: Int; var snippet: String }

    /// Over the twins: a word in the title counts 10, in the address 8, in the text 1 per match (at most 20);
    /// words match by prefix. The snippet is the line of the first match.
    func search(_ query: String, in state: State) -> [Hit] {
        let terms = query.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { !$0.isEmpty }
        guard !terms.isEmpty else { return [] }
        var hits: [Hit] = []
        for (path, text) in state.twins {
            let title = text.split(separator: "\n", maxSplits: 1).first.map { String($0.drop { $0 == "#" || $0 == " " }) } ?? path
            let lowerTitle = title.lowercased(), lowerText = text.lowercased(), lowerPath = path.lowercased()
            var score = 0
            for term in terms {
                var termScore = 0
                if lowerTitle.contains(term) { termScore += 10 }
                if lowerPath.contains(term) { termScore += 8 }
                termScore += min(20, lowerText.components(separatedBy: term).count - 1)
                guard termScore > 0 else { score = 0; break }
                score += termScore
            }
            guard score > 0 else { continue }
            let line = text.split(separator: "\n").first { $0.lowercased().contains(terms[0]) && !$0.hasPrefix("#") }.map(String.init) ?? ""
            hits.append(Hit(path: String(path.dropLast(3)) + ".html", title: title, score: score, snippet: line.count > 200 ? String(line.prefix(200)) + "…" : line))
        }
        return Array(hits.sorted { ($1.score, $0.path) < ($0.score, $1.path) }.prefix(10))
    }
}

/// An Encodable value as the SDK's `Value` (which needs Codable): encoded once, decoded back.
struct JSONValue: Codable {
    let value: Value
    init<T: Encodable>(_ encodable: T) throws {
        value = try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(encodable))
    }
    init(from decoder: Decoder) throws { value = try Value(from: decoder) }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}
