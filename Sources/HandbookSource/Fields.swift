import Diagnostics
import HandbookModel

/// Collects diagnostics while one file is decoded.
final class DiagnosticLog {
    let file: String
    private(set) var items: [Diagnostic] = []

    init(file: String) { self.file = file }

    func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    func add(_ rule: RuleID, _ message: String, at node: YAMLNode, notes: [Diagnostic.Note] = []) {
        items.append(Diagnostic(rule, message, at: location(node), notes: notes))
    }

    func add(_ rule: RuleID, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        items.append(Diagnostic(rule, message, at: location, notes: notes))
    }
}

/// The fields of one YAML mapping: reports unknown fields on creation and
/// offers typed readers that report wrong types, empty required fields and
/// invalid ids. Every reader returns nil when it reported a problem.
struct Fields {
    let node: YAMLNode
    let log: DiagnosticLog
    /// What the mapping is, for messages ("agent 'Feedback Analyzer'").
    let owner: String?
    private var byKey: [String: YAMLPair] = [:]

    /// What a field outside `known` is.
    enum Others {
        /// `unknown-field`, with "did you mean" when one is close.
        case reported
        /// Accepted without a word (another tool's field on a page), unless it
        /// is a near-miss of a known one: one letter off or swapped, or a
        /// prefix of at least four letters (`ordr`, `drfat`, `desc`).
        case acceptedUnlessNearMiss
    }

    /// The fields of a mapping already checked by its decoder (no
    /// diagnostics about the mapping or its keys): a field every kind shares.
    init(reading node: YAMLNode, log: DiagnosticLog) {
        self.node = node
        self.log = log
        owner = nil
        guard case let .mapping(pairs) = node.content else { return }
        for pair in pairs {
            if let key = pair.key.text, byKey[key] == nil { byKey[key] = pair }
        }
    }

    /// nil (and an invalid-value diagnostic) when `node` is not a mapping;
    /// an empty field set when it is null.
    init?(_ node: YAMLNode, known: [String], log: DiagnosticLog, what: String, owner: String? = nil, others: Others = .reported) {
        self.node = node
        self.log = log
        self.owner = owner
        if node.isNull { return }
        guard case let .mapping(pairs) = node.content else {
            log.add(.invalidValue, "\(what) must be a mapping of fields, not \(node.kindName)", at: node)
            return nil
        }
        for pair in pairs {
            guard let key = pair.key.text else {
                log.add(.invalidValue, "a field name must be text, not \(pair.key.kindName)", at: pair.key)
                continue
            }
            guard known.contains(key) else {
                switch others {
                case .reported:
                    // Nothing close: say what the mapping takes.
                    let notes = Suggestion.notes(for: key, among: known).nonEmpty
                        ?? [.init("the fields here are: " + known.joined(separator: ", "))]
                    log.add(.unknownField, "unknown field '\(key)'\(owner.map { " in \($0)" } ?? "")", at: pair.key, notes: notes)
                case .acceptedUnlessNearMiss:
                    if let close = Suggestion.nearMiss(to: key, among: known) {
                        log.add(.unknownField, "unknown field '\(key)'\(owner.map { " in \($0)" } ?? "")", at: pair.key,
                                notes: [.init("did you mean '\(close)'?")])
                    }
                }
                continue
            }
            byKey[key] = pair
        }
    }

    /// A list entry's fields (a context flow, an agent, a workflow): nil, with
    /// an invalid-value diagnostic, when the entry is null or not a mapping.
    static func entry(_ node: YAMLNode, known: [String], log: DiagnosticLog, what: String, owner: String? = nil) -> Fields? {
        if node.isNull {
            log.add(.invalidValue, "\(what) must be a mapping of fields, not null", at: node)
            return nil
        }
        return Fields(node, known: known, log: log, what: what, owner: owner)
    }

    func pair(_ key: String) -> YAMLPair? { byKey[key] }

    /// The value of `key` unless absent or null.
    func value(_ key: String) -> YAMLNode? {
        guard let value = byKey[key]?.value, !value.isNull else { return nil }
        return value
    }

    /// The key is present with a non-null value (of any type).
    func has(_ key: String) -> Bool { value(key) != nil }

    func missing(_ key: String) {
        log.add(.missingField, "missing required field '\(key)'\(owner.map { " in \($0)" } ?? "")", at: node)
    }

    /// A text value, taken as written. Empty text counts as absent.
    func text(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case let .scalar(text, _) = value.content else {
            log.add(.invalidValue, "'\(key)' must be text, not \(value.kindName)", at: value)
            return nil
        }
        if text.isEmpty {
            if required { missing(key) }
            return nil
        }
        return text
    }

    /// A list; a single scalar is a one-element list. Empty counts as absent.
    func list(_ key: String, required: Bool = false) -> [YAMLNode]? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        switch value.content {
        case .scalar: return [value]
        case let .sequence(items):
            if items.isEmpty {
                if required { missing(key) }
                return nil
            }
            return items
        case .mapping:
            log.add(.invalidValue, "'\(key)' must be a list, not a mapping", at: value)
            return nil
        }
    }

    /// A list of texts; non-text items are reported and left out.
    func texts(_ key: String, required: Bool = false) -> [Located<String>]? {
        guard let items = list(key, required: required) else { return nil }
        var out: [Located<String>] = []
        for item in items {
            if let text = itemText(item, of: key) { out.append(Located(text, at: log.location(item))) }
        }
        return out
    }

    func itemText(_ item: YAMLNode, of key: String) -> String? {
        guard case let .scalar(text, _) = item.content, !item.isNull, !text.isEmpty else {
            var notes: [Diagnostic.Note] = []
            // `- Sign-off: QA lead and PM` is a mapping to YAML: the ': ' inside needs quotes.
            if case let .mapping(pairs) = item.content, pairs.count == 1, let k = pairs[0].key.text, let v = pairs[0].value.text {
                let whole = k + ": " + v
                let quoted = whole.contains("\"") ? "'" + whole.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'" : "\"" + whole + "\""
                notes.append(.init("YAML reads 'text: text' as a mapping: put the entry in quotes: - \(quoted)"))
            }
            log.add(.invalidValue, "each entry of '\(key)' must be text, not \(item.kindName == "text" ? "empty text" : item.kindName)", at: item, notes: notes)
            return nil
        }
        return text
    }

    /// The pairs of a mapping value; empty counts as absent.
    func mapping(_ key: String, required: Bool = false) -> [YAMLPair]? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case let .mapping(pairs) = value.content else {
            log.add(.invalidValue, "'\(key)' must be a mapping, not \(value.kindName)", at: value)
            return nil
        }
        if pairs.isEmpty {
            if required { missing(key) }
            return nil
        }
        return pairs
    }

    /// A duration field (`24h`, `2d`, `1w`).
    enum DurationField {
        case absent
        case valid(Located<Duration>)
        /// Written but not a valid duration (reported here).
        case reported

        var value: Located<Duration>? {
            if case let .valid(duration) = self { return duration }
            return nil
        }
        var isReported: Bool {
            if case .reported = self { return true }
            return false
        }
        var isWritten: Bool {
            if case .absent = self { return false }
            return true
        }
    }

    func duration(_ key: String, required: Bool = false) -> DurationField {
        guard has(key) else {
            if required { missing(key) }
            return .absent
        }
        guard let text = text(key, required: required), let node = value(key) else {
            // Not text (reported by text(_:)), or empty (absent).
            if case .scalar = value(key)?.content { return .absent }
            return .reported
        }
        guard let duration = Duration(text) else {
            log.add(.invalidValue, "'\(text)' is not a valid duration; expected a number of hours, days or weeks such as 24h, 2d or 1w", at: node,
                    notes: Duration.written(text).map { [.init("did you mean '\($0)'?")] } ?? [])
            return .reported
        }
        return .valid(Located(duration, at: log.location(node)))
    }

    /// A value from a closed set, e.g. `access: read | write`.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required: Bool = false) -> Located<E>? where E.RawValue == String {
        guard let text = text(key, required: required), let value = value(key) else { return nil }
        return Self.choice(text, at: value, field: key, type, log: log)
    }

    static func choice<E: RawRepresentable & CaseIterable>(_ text: String, at node: YAMLNode, field: String, _ type: E.Type, log: DiagnosticLog) -> Located<E>? where E.RawValue == String {
        if let value = E(rawValue: text) { return Located(value, at: log.location(node)) }
        let allowed = E.allCases.map(\.rawValue)
        let notes = Suggestion.notes(for: text, among: allowed)
        log.add(.invalidValue, "'\(text)' is not a valid \(field.replacingOccurrences("_", " ")); expected \(Self.alternatives(allowed))", at: node, notes: notes)
        return nil
    }

    static func alternatives(_ values: [String]) -> String { listed(values, "or") }

    /// A reference to an id (`from: architect`).
    func id(_ key: String, required: Bool = false) -> Located<String>? {
        guard let text = text(key, required: required), let value = value(key) else { return nil }
        return Self.id(text, at: value, log: log)
    }

    /// A list of ids; invalid ones are reported and left out.
    func ids(_ key: String, required: Bool = false) -> (ids: [Located<String>], complete: Bool)? {
        guard let items = list(key, required: required) else { return nil }
        var out: [Located<String>] = []
        var complete = true
        for item in items {
            guard let text = itemText(item, of: key), let id = Self.id(text, at: item, log: log) else {
                complete = false
                continue
            }
            out.append(id)
        }
        return (out, complete)
    }

    static func id(_ text: String, at node: YAMLNode, log: DiagnosticLog) -> Located<String>? {
        guard EntityID.isValid(text) else {
            reportInvalidID(text, at: log.location(node), log: log)
            return nil
        }
        return Located(text, at: log.location(node))
    }

    static func reportInvalidID(_ text: String, at location: SourceLocation, log: DiagnosticLog) {
        var notes: [Diagnostic.Note] = []
        if let fixed = EntityID.normalized(text) { notes.append(.init("did you mean '\(fixed)'?")) }
        log.add(.invalidID, "'\(text.displayEscaped)' is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters",
                at: location, notes: notes)
    }
}

extension Array {
    /// nil when empty (for `a.nonEmpty ?? b`).
    var nonEmpty: Self? { isEmpty ? nil : self }
}

extension Duration {
    /// The compact form of a duration written out (`2 days` → `2d`,
    /// `48 hours` → `48h`, `1 week` → `1w`), or nil.
    static func written(_ text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        let digits: Substring
        let unitWord: Substring
        if words.count == 2 {
            digits = words[0]
            unitWord = words[1]
        } else if words.count == 1, let split = words[0].firstIndex(where: { !$0.isNumber }), split != words[0].startIndex {
            digits = words[0][..<split]
            unitWord = words[0][split...]
        } else {
            return nil
        }
        guard let amount = Int(digits), amount > 0 else { return nil }
        let units: [(String, [String])] = [("h", ["h", "hr", "hrs", "hour", "hours"]), ("d", ["d", "day", "days"]), ("w", ["w", "wk", "wks", "week", "weeks"])]
        guard let unit = units.first(where: { $0.1.contains(String(unitWord)) })?.0, let fixed = Duration("\(amount)\(unit)") else { return nil }
        return "\(fixed.amount)\(fixed.unit.rawValue)"
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }

    /// Control characters shown escaped so that a message stays one line.
    var displayEscaped: String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
