/// The id of a rule of FORMAT.md's table, with its default severity and the
/// one-line summary that SARIF and `handoff explain` show. Ids and default
/// severities never change: they are the contract.
///
/// The rules the loader reports (files, YAML, fields, raw HTML, encoding,
/// refused input) are declared here because `HandbookSource` emits them; every
/// other rule declares its id in its own file under `HandbookCheck/Rules/`,
/// and `RuleRegistry` lists them all.
public struct RuleID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public let defaultSeverity: Severity
    /// yaml-syntax, missing-field, invalid-value, invalid-id and unsafe-input are always errors.
    public let isConfigurable: Bool
    public let summary: String

    public init(_ rawValue: String, _ severity: Severity, configurable: Bool = true, _ summary: String) {
        self.rawValue = rawValue
        self.defaultSeverity = severity
        self.isConfigurable = configurable
        self.summary = summary
    }

    public var description: String { rawValue }

    public static func == (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let yamlSyntax = RuleID("yaml-syntax", .error, configurable: false,
        "front matter or handbook.yaml is not valid YAML, or a file has no front matter")
    public static let missingField = RuleID("missing-field", .error, configurable: false,
        "a required field is absent or empty")
    public static let invalidValue = RuleID("invalid-value", .error, configurable: false,
        "a value of the wrong type or outside its set")
    public static let invalidID = RuleID("invalid-id", .error, configurable: false,
        "a file name or referenced id breaks the id rule")
    public static let unknownField = RuleID("unknown-field", .warning,
        "a field the format does not define")
    public static let rawHTMLRemoved = RuleID("raw-html-removed", .warning,
        "the sanitizer removed a tag, attribute or URL from a body's raw HTML")
    public static let badEncoding = RuleID("bad-encoding", .warning,
        "a body byte that is not UTF-8")
    public static let truncatedValue = RuleID("truncated-value", .warning,
        "an unquoted value cut short by ' #', which YAML reads as the start of a comment")
    public static let foreignSyntax = RuleID("foreign-syntax", .warning,
        "another tool's template syntax in a page body, shown as written")
    public static let strayMarkdown = RuleID("stray-markdown", .warning,
        "Markdown files in a folder handoff does not read")
    /// Input handoff refuses to read.
    /// A problem in a theme's templates (not a handbook rule: FORMAT.md does
    /// not list it; `handoff explain template` describes it).
    public static let template = RuleID("template", .error, configurable: false,
        "a theme template that does not parse, names a field its view does not have, or includes a missing partial")
    public static let unsafeInput = RuleID("unsafe-input", .error, configurable: false,
        "a file over a size or complexity limit, or a symlink that leaves the handbook")
}
