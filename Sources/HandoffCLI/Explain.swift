import ArgumentParser
import Diagnostics
import HandbookCheck

/// `handoff explain [RULE]`: what a rule means, how to fix what it reports,
/// and handbooks it reports on and stays silent on (like `rustc --explain`).
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a rule: what it checks, how to fix it, and examples. Without a rule, list them all."
    )

    @Argument(help: "A rule id, as printed in brackets after a diagnostic (vague-gate).")
    var rule: String?

    func run() throws {
        guard let rule else {
            StandardStream.output.write(Self.list())
            return
        }
        guard let descriptor = RuleRegistry.descriptor(named: rule) else {
            let close = Suggestion.closest(to: rule, among: RuleRegistry.allDescriptors.map(\.rule.rawValue))
            throw ToolFailure("'\(rule)' is not a rule id" + (close.map { "\n  note: did you mean '\($0)'?" } ?? "")
                + "\n  note: 'handoff explain' lists every rule")
        }
        StandardStream.output.write(Self.text(descriptor))
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
