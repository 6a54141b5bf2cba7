import Diagnostics
import HandbookModel

/// The parts of docs/format.md that are generated from the code (the rule
/// registry and the field reference): a test keeps them in step, and
/// HANDOFF_RECORD=1 rewrites them.
public enum FormatReference {
    /// The rule table: id, default severity, whether severity: may change it, when it reports.
    public static func rulesTable() -> String {
        var out = "| rule id | default | `severity:` may change it | reported when |\n|---|---|---|---|\n"
        for id in RuleRegistry.ids {
            out += "| `\(id.rawValue)` | \(id.defaultSeverity.rawValue) | \(id.isConfigurable ? "yes" : "no") | \(cell(id.summary)) |\n"
        }
        return out
    }

    /// One group's field table: field, type, required (or what absence means), what it is for, an example.
    public static func fieldsTable(_ group: FieldGroup) -> String {
        var out = "| field | type | required | what it is for | example |\n|---|---|---|---|---|\n"
        for field in group.fields {
            let needed = field.required ? "yes" : field.absent.isEmpty ? "no" : "no: " + field.absent
            let example = field.example.hasPrefix("\n")
                ? field.example.dropFirst().split(separator: "\n").map { "`\($0.trimmingCharacters())`" }.joined(separator: " ")
                : "`\(field.example)`"
            out += "| `\(field.name)` | \(cell(field.type)) | \(cell(needed)) | \(cell(field.summary)) | \(example) |\n"
        }
        return out
    }

    /// The generated block for a marker name (`rules`, `fields role`), or nil.
    public static func block(_ name: String) -> String? {
        if name == "rules" { return rulesTable() }
        guard name.hasPrefix("fields "), let group = FieldReference.groups.first(where: { $0.id == String(name.dropFirst(7)) }) else { return nil }
        return fieldsTable(group)
    }

    /// A text with every `<!-- generated: NAME -->` … `<!-- /generated -->` block
    /// filled from the code; the names it did not know.
    public static func regenerate(_ text: String) -> (text: String, unknown: [String]) {
        var out = ""
        var rest = Substring(text)
        var unknown: [String] = []
        let open = "<!-- generated: ", close = "<!-- /generated -->"
        while let start = rest.range(of: open) {
            guard let nameEnd = rest[start.upperBound...].range(of: " -->\n"), let end = rest[nameEnd.upperBound...].range(of: close) else { break }
            let name = String(rest[start.upperBound..<nameEnd.lowerBound])
            out += rest[..<nameEnd.upperBound]
            if let block = block(name) { out += block } else {
                unknown.append(name)
                out += rest[nameEnd.upperBound..<end.lowerBound]
            }
            out += close
            rest = rest[end.upperBound...]
        }
        return (out + rest, unknown)
    }

    static func cell(_ text: String) -> String { text.replacingPipes() }
}

private extension StringProtocol {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    func replacingPipes() -> String { String(self).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }

    func range(of needle: String) -> Range<Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
