import Diagnostics
import HandbookModel

/// Runs every rule over a loaded handbook and applies the severity
/// overrides of handbook.yaml.
public enum HandbookChecker {
    static var rules: [any HandbookRule] { RuleRegistry.checks }

    /// The diagnostics of the rules alone (loading diagnostics not included),
    /// at their default severities.
    public static func check(_ handbook: Handbook) -> [Diagnostic] {
        let index = Trace.measure("index") { HandbookIndex(handbook) }
        // Rules share only the immutable index: run them across the cores.
        return Trace.measure("rules") { rules.map { $0 as any HandbookRule }.concurrentMap { rule in Trace.measure(rule.id.rawValue) { rule.check(index) } }.flatMap { $0 } }
    }

    /// Loading and rule diagnostics together, with handbook.yaml's
    /// `severity:` applied (`off` drops a rule), sorted and unique.
    /// - Parameter incremental: with the files changed since its previous
    ///   check, reruns only the rules those files can affect (the live preview).
    public static func finish(_ handbook: Handbook, loadDiagnostics: [Diagnostic],
                              incremental: (check: IncrementalCheck, changed: ChangeSet)? = nil) -> [Diagnostic] {
        let (overrides, problems) = severityOverrides(handbook.settings)
        let rules = incremental.map { $0.check.check(handbook, changed: $0.changed) } ?? check(handbook)
        let all = applying(overrides, to: loadDiagnostics + problems + rules)
        return Trace.measure("sort") { all.sortedUnique() }
    }

    /// `severity:` overrides applied: `off` drops a diagnostic, a level
    /// replaces its severity; rules that cannot change keep theirs.
    static func applying(_ overrides: [String: Severity], to diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !overrides.isEmpty else { return diagnostics }
        return diagnostics.compactMap { diagnostic in
            guard diagnostic.rule.isConfigurable, let level = overrides[diagnostic.rule.rawValue] else { return diagnostic }
            if level == .off { return nil }
            var changed = diagnostic
            changed.severity = level
            return changed
        }
    }

    /// handbook.yaml's `severity:` entries that name a rule whose severity may
    /// change; the others are `invalid-value` at their key.
    static func severityOverrides(_ settings: Settings?) -> (overrides: [String: Severity], problems: [Diagnostic]) {
        guard let settings else { return ([:], []) }
        var overrides: [String: Severity] = [:]
        var problems: [Diagnostic] = []
        for (id, level) in settings.severity {
            let location = settings.severityLocations[id] ?? .start(of: settings.file)
            guard let rule = RuleRegistry.descriptor(named: id)?.rule else {
                problems.append(Diagnostic(.invalidValue, "'\(id)' is not a rule id", at: location,
                                           notes: Suggestion.notes(for: id, among: RuleRegistry.ids.map(\.rawValue))))
                continue
            }
            guard rule.isConfigurable else {
                problems.append(Diagnostic(.invalidValue, "the severity of '\(id)' cannot be changed: it is always an error", at: location))
                continue
            }
            overrides[id] = level
        }
        return (overrides, problems)
    }
}
