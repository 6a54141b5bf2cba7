import ArgumentParser
import Diagnostics
import HandbookCheck
import HandbookModel

/// `handoff explain [RULE]`: what a rule means, how to fix what it reports,
/// and handbooks it reports on and stays silent on (like `rustc --explain`).
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a rule or a field: what it checks or holds, how to fix it, and examples. Without one, list the rules.",
        discussion: """
            A rule id as printed in brackets after a diagnostic (vague-gate), or a field: a kind and \
            its field (role.engagement, contract.trigger.acknowledge_within, agent.delegation, \
            handbook.cycle_budget), or a kind alone (role) for all its fields. docs/format.md is \
            the whole reference.
            """
    )

    @Argument(help: "A rule id (vague-gate) or a field (role.engagement, agent.delegation), or a kind (role).")
    var rule: String?

    func run() throws {
        guard let rule else {
            StandardStream.output.write(Self.list())
            return
        }
        if let descriptor = RuleRegistry.descriptor(named: rule) {
            StandardStream.output.write(Self.text(descriptor))
            return
        }
        if let found = FieldReference.lookup(rule) {
            StandardStream.output.write(found.field.map { Self.text($0, in: found.group) } ?? Self.text(found.group))
            return
        }
        let close = Suggestion.closest(to: rule, among: RuleRegistry.allDescriptors.map(\.rule.rawValue) + FieldReference.names)
        throw ToolFailure("'\(rule)' is not a rule id or a field" + (close.map { "\n  note: did you mean '\($0)'?" } ?? "")
            + "\n  note: 'handoff explain' lists every rule; 'handoff explain role' lists a role's fields")
    }

    /// One field: where it stands, its type, whether it is required, what
    /// its absence means, what it is for, and an example.
    static func text(_ field: FieldSpec, in group: FieldGroup) -> String {
        var out = "\(group.id).\(field.name): \(field.summary)\n"
        out += "in: \(group.place)\n"
        out += "type: \(field.type)\n"
        out += field.required ? "required\n" : "optional" + (field.absent.isEmpty ? "" : "; when absent: \(field.absent)") + "\n"
        out += "\nexample:\n  \(field.name):" + (field.example.hasPrefix("\n") ? "" : " ")
        out += field.example.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ") + "\n"
        return out
    }

    /// A kind's fields, one line each.
    static func text(_ group: FieldGroup) -> String {
        let width = group.fields.map(\.name.count).max() ?? 0
        var out = "\(group.id): the fields of \(group.place)\n\n"
        for field in group.fields {
            out += "  " + field.name + String(repeating: " ", count: width - field.name.count) + "  "
            out += (field.required ? "required  " : "optional  ") + field.type + "\n"
        }
        out += "\n'handoff explain \(group.id).\(group.fields[0].name)' describes one field.\n"
        return out
    }

    /// Every rule: id, default severity, summary.
    static func list() -> String {
        let width = RuleRegistry.ids.map(\.rawValue.count).max() ?? 0
        return RuleRegistry.ids.map { id in
            id.rawValue + String(repeating: " ", count: width - id.rawValue.count) + "  "
                + id.defaultSeverity.rawValue + (id.defaultSeverity == .error ? "    " : "  ") + id.summary
        }.joined(separator: "\n") + "\n"
    }

    static func text(_ descriptor: RuleDescriptor) -> String {
        let rule = descriptor.rule
        var out = "\(rule.rawValue): \(rule.summary)\n"
        out += "default severity: \(rule.defaultSeverity.rawValue)"
        out += rule.isConfigurable ? " (handbook.yaml's severity: may change it)\n" : " (always; severity: cannot change it)\n"
        out += "\n" + wrap(descriptor.help, width: 78) + "\n"
        guard !descriptor.triggering.isEmpty else { return out } // a rule about the theme, not the handbook
        out += "\nReported on:\n"
        for example in descriptor.triggering { out += show(example, marked: true) }
        out += "\nNot reported on:\n"
        for example in descriptor.nonTriggering { out += show(example, marked: false) }
        out += "\nEach example changes the files shown in a small handbook: two stages (discover, decide),\n"
        out += "two roles (pm, eng) and a contract between them.\n"
        return out
    }

    /// An example's files with line numbers; `^` under each place the rule reports.
    static func show(_ example: RuleExample, marked: Bool) -> String {
        var out = ""
        for (path, text) in example.files.sorted(by: { $0.key < $1.key }) {
            guard let text else { continue }
            out += "\n  content/\(path)\n"
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            for (number, line) in lines.enumerated() {
                let (plain, columns) = unmark(line)
                let shown = plain.unicodeScalars.count > 100 ? String(String.UnicodeScalarView(plain.unicodeScalars.prefix(100))) + "…" : plain
                out += String(repeating: " ", count: max(0, 4 - String(number + 1).count)) + "\(number + 1) | \(shown)\n"
                if marked {
                    for column in columns {
                        out += "     | " + String(repeating: " ", count: column - 1) + "^ reported here\n"
                    }
                }
            }
        }
        return out
    }

    /// A line without its `1️⃣` markers, and the columns they stood at.
    static func unmark(_ line: String) -> (String, [Int]) {
        var columns: [Int] = []
        var out = String.UnicodeScalarView()
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if i + 2 < scalars.count, scalars[i + 1] == "\u{FE0F}", scalars[i + 2] == "\u{20E3}" {
                columns.append(out.count + 1)
                i += 3
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return (String(out), columns)
    }

    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}

/// A rule as `handoff explain RULE` prints it, for `handoff mcp`'s explain tool.
package enum RuleExplanation {
    package static func text(_ descriptor: RuleDescriptor) -> String { Explain.text(descriptor) }
}
