/// One problem found in a handbook, in the style of a compiler diagnostic.
public struct Diagnostic: Hashable, Sendable {
    /// A note attached to a diagnostic: "did you mean 'x'?", "'x' declared here".
    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var rule: RuleID
    public var severity: Severity
    public var location: SourceLocation
    /// One phrase, lowercase start, no trailing period.
    public var message: String
    public var notes: [Note]

    public init(_ rule: RuleID, _ message: String, at location: SourceLocation, notes: [Note] = [], severity: Severity? = nil) {
        self.rule = rule
        self.severity = severity ?? rule.defaultSeverity
        self.location = location
        self.message = message
        self.notes = notes
    }
}

extension Diagnostic: Comparable {
    /// File, line, column; then rule and message so that the order is total.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.rule != rhs.rule { return lhs.rule.rawValue < rhs.rule.rawValue }
        if lhs.message != rhs.message { return lhs.message.utf8.lexicographicallyPrecedes(rhs.message.utf8) }
        return lhs.notes.map(\.message).lexicographicallyPrecedes(rhs.notes.map(\.message))
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line, column, with exact duplicates removed.
    public func sortedUnique() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return sorted().filter { seen.insert($0).inserted }
    }

    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
}

extension Diagnostic {
    /// The diagnostic with its paths (and its notes') shown under `root`, the
    /// content folder as the user names it. Diagnostics are made with paths
    /// relative to the content folder; printers show them this way.
    public func shown(under root: String) -> Diagnostic {
        guard !root.isEmpty, root != "." else { return self }
        var out = self
        out.location = location.shown(under: root)
        out.notes = notes.map { Note($0.message, at: $0.location.map { $0.shown(under: root) }) }
        return out
    }
}

extension SourceLocation {
    /// The same place with its path under `root` (absolute paths stay as they are).
    public func shown(under root: String) -> SourceLocation {
        guard !root.isEmpty, root != ".", !file.hasPrefix("/") else { return self }
        return SourceLocation(file: (root.hasSuffix("/") ? root : root + "/") + file, line: line, column: column)
    }
}
