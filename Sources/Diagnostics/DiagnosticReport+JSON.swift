extension DiagnosticReport {
    /// The object of FORMAT.md: `{"diagnostics": [...], "errors": n,
    /// "warnings": n, "files": n}`, one diagnostic per line.
    public func json() -> String {
        JSON.encode(Model(diagnostics: diagnostics.map(DiagnosticJSON.init), errors: errors, warnings: warnings, files: files),
                    expandedDepth: 1)
    }

    struct Model: Encodable {
        var diagnostics: [DiagnosticJSON]
        var errors: Int
        var warnings: Int
        var files: Int
    }
}

/// One diagnostic as `check --format json` and `diff --format json` print it.
public struct DiagnosticJSON: Encodable, Sendable {
    var rule: String
    var severity: String
    var file: String
    var line: Int
    var column: Int
    var message: String
    var notes: [String]

    public init(_ d: Diagnostic) {
        rule = d.rule.rawValue
        severity = d.severity.rawValue
        file = d.location.file
        line = d.location.line
        column = d.location.column
        message = d.message
        notes = d.notes.map(\.message)
    }
}
