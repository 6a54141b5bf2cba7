extension DiagnosticReport {
    /// SARIF 2.1.0: one `tool.driver.rules` entry per rule and one result per
    /// diagnostic with its physical location. `uriPrefix` makes the paths
    /// (relative to the working folder) relative to the repository root.
    /// `rules` is every rule, in the registry's order.
    public func sarif(toolVersion: String, uriPrefix: String, rules: [RuleDescriptor]) -> String {
        let q = JSONString.quote
        var out = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
        out += "      \"tool\": {\n        \"driver\": {\n          \"name\": \"handoff\",\n          \"version\": \(q(toolVersion)),\n"
        out += "          \"rules\": ["
        for (index, descriptor) in rules.enumerated() {
            let rule = descriptor.rule
            out += index == 0 ? "\n" : ",\n"
            out += "            {\"id\": \(q(rule.rawValue)), \"name\": \(q(Self.sarifName(rule))), "
            out += "\"shortDescription\": {\"text\": \(q(rule.summary))}, "
            out += "\"fullDescription\": {\"text\": \(q(rule.summary))}, "
            out += "\"defaultConfiguration\": {\"level\": \(q(rule.defaultSeverity.rawValue))}, "
            out += "\"help\": {\"text\": \(q(descriptor.help))}}"
        }
        out += "\n          ]\n        }\n      },\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["
        for (index, d) in diagnostics.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            let ruleIndex = rules.firstIndex { $0.rule == d.rule } ?? 0
            var message = d.message
            for note in d.notes { message += "\nnote: " + note.message + (note.location.map { " (\($0))" } ?? "") }
            out += "        {\"ruleId\": \(q(d.rule.rawValue)), \"ruleIndex\": \(ruleIndex), \"level\": \(q(d.severity.rawValue)), "
            out += "\"message\": {\"text\": \(q(message))}, "
            out += "\"locations\": [\(Self.sarifLocation(d.location, prefix: uriPrefix))]"
            let related = d.notes.compactMap { note in note.location.map { (note.message, $0) } }
            if !related.isEmpty {
                out += ", \"relatedLocations\": ["
                out += related.enumerated().map { offset, item in
                    let location = Self.sarifLocation(item.1, prefix: uriPrefix)
                    return String(location.dropLast()) + ", \"id\": \(offset + 1), \"message\": {\"text\": \(q(item.0))}}"
                }.joined(separator: ", ")
                out += "]"
            }
            out += "}"
        }
        out += diagnostics.isEmpty ? "]\n" : "\n      ]\n"
        out += "    }\n  ]\n}\n"
        return out
    }

    static func sarifLocation(_ location: SourceLocation, prefix: String) -> String {
        let uri: String
        if location.file.hasPrefix("/") {
            uri = "file://" + percentEncoded(location.file)
        } else {
            uri = percentEncoded(prefix.isEmpty ? location.file : prefix + "/" + location.file)
        }
        return "{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \(JSONString.quote(uri))}, "
            + "\"region\": {\"startLine\": \(location.line), \"startColumn\": \(location.column)}}}"
    }

    /// `orphaned-context-in` → `OrphanedContextIn`
    static func sarifName(_ rule: RuleID) -> String {
        rule.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Percent-encodes what may not stand in a URI path.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Unicode.Scalar(byte)
            let unreserved = ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
                || "-._~/".unicodeScalars.contains(c)
            if unreserved {
                out.unicodeScalars.append(c)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
