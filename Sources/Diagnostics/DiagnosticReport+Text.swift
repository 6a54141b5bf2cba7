extension DiagnosticReport {
    /// The compiler-style text of FORMAT.md: one `path:line:col: severity:
    /// message [rule]` line per diagnostic, its notes indented, then the
    /// summary line. `color` adds ANSI colours (only for a terminal).
    public func text(color: Bool = false, summary withSummary: Bool = true) -> String {
        var out = ""
        for diagnostic in diagnostics {
            out += Self.line(for: diagnostic, color: color)
        }
        if withSummary { out += summary + "\n" }
        return out
    }

    static func line(for d: Diagnostic, color: Bool) -> String {
        let bold = color ? "\u{1B}[1m" : ""
        let reset = color ? "\u{1B}[0m" : ""
        let tint: String
        switch d.severity {
        case .error: tint = color ? "\u{1B}[1;31m" : ""
        case .warning: tint = color ? "\u{1B}[1;33m" : ""
        case .off: tint = ""
        }
        var out = "\(bold)\(d.location):\(reset) \(tint)\(d.severity.rawValue):\(reset) \(bold)\(d.message)\(reset) [\(d.rule.rawValue)]\n"
        for note in d.notes {
            let noteTint = color ? "\u{1B}[1;36m" : ""
            out += "  \(noteTint)note:\(reset) \(note.message)"
            if let location = note.location { out += " (\(location))" }
            out += "\n"
        }
        return out
    }
}
