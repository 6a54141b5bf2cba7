extension DiagnosticReport {
    /// The object of FORMAT.md: `{"diagnostics": [...], "errors": n,
    /// "warnings": n, "files": n}`, one diagnostic per line.
    public func json() -> String {
        var out = "{\"diagnostics\": ["
        for (index, d) in diagnostics.enumerated() {
            out += index == 0 ? "\n  " : ",\n  "
            out += Self.jsonObject(for: d)
        }
        out += diagnostics.isEmpty ? "]" : "\n]"
        out += ", \"errors\": \(errors), \"warnings\": \(warnings), \"files\": \(files)}\n"
        return out
    }

    public static func jsonObject(for d: Diagnostic) -> String {
        let notes = d.notes.map { JSONString.quote($0.message) }.joined(separator: ", ")
        return "{\"rule\": \(JSONString.quote(d.rule.rawValue)), \"severity\": \(JSONString.quote(d.severity.rawValue)), "
            + "\"file\": \(JSONString.quote(d.location.file)), \"line\": \(d.location.line), \"column\": \(d.location.column), "
            + "\"message\": \(JSONString.quote(d.message)), \"notes\": [\(notes)]}"
    }
}
