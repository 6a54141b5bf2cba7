extension DiagnosticReport {
    /// SARIF 2.1.0: one `tool.driver.rules` entry per rule and one result per
    /// diagnostic with its physical location. `uriPrefix` makes the paths
    /// (relative to the working folder) relative to the repository root.
    /// `rules` is every rule, in the registry's order.
    public func sarif(toolVersion: String, uriPrefix: String, rules: [RuleDescriptor]) -> String {
        let driver = SARIF.Driver(
            name: "handoff", version: toolVersion,
            rules: rules.map { descriptor in
                let rule = descriptor.rule
                return SARIF.Rule(
                    id: rule.rawValue, name: Self.sarifName(rule),
                    shortDescription: .init(text: rule.summary), fullDescription: .init(text: rule.summary),
                    defaultConfiguration: .init(level: rule.defaultSeverity.rawValue), help: .init(text: descriptor.help))
            })
        let results = diagnostics.map { d in
            var message = d.message
            for note in d.notes { message += "\nnote: " + note.message + (note.location.map { " (\($0))" } ?? "") }
            let related = d.notes.compactMap { note in note.location.map { (note.message, $0) } }
            return SARIF.Result(
                ruleId: d.rule.rawValue, ruleIndex: rules.firstIndex { $0.rule == d.rule } ?? 0,
                level: d.severity.rawValue, message: .init(text: message),
                locations: [Self.sarifLocation(d.location, prefix: uriPrefix, id: nil, message: nil)],
                relatedLocations: related.isEmpty ? nil : related.enumerated().map { offset, item in
                    Self.sarifLocation(item.1, prefix: uriPrefix, id: offset + 1, message: .init(text: item.0))
                })
        }
        let log = SARIF.Log(runs: [SARIF.Run(tool: .init(driver: driver), results: results)])
        return JSON.encode(log, expandedDepth: 5)
    }

    static func sarifLocation(_ location: SourceLocation, prefix: String, id: Int?, message: SARIF.Message?) -> SARIF.Location {
        let path = PercentEncoding.pathCharacters
        let uri = location.file.hasPrefix("/")
            ? "file://" + PercentEncoding.encode(location.file, keeping: path)
            : PercentEncoding.encode(prefix.isEmpty ? location.file : prefix + "/" + location.file, keeping: path)
        return SARIF.Location(
            physicalLocation: .init(artifactLocation: .init(uri: uri), region: .init(startLine: location.line, startColumn: location.column)),
            id: id, message: message)
    }

    /// `orphaned-context-in` → `OrphanedContextIn`
    static func sarifName(_ rule: RuleID) -> String {
        rule.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// The part of SARIF 2.1.0 that `handoff` writes, in the schema's key order.
enum SARIF {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name: String
        var version: String
        var rules: [Rule]
    }
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var defaultConfiguration: Configuration
        var help: Message
    }
    struct Configuration: Encodable { var level: String }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
    }
    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        var id: Int?
        var message: Message?
    }
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }
    struct ArtifactLocation: Encodable { var uri: String }
    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }
}
