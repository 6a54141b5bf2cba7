import Diagnostics
import HandbookModel

/// Runs every rule over a loaded handbook and applies the severity
/// overrides of handbook.yaml.
public enum HandbookChecker {
    static let rules: [any HandbookRule] = [
        UnknownStageRule(), UnknownRoleRule(),
        OrphanedContextInRule(), UnconsumedContextOutRule(), ContextHoardingRule(), StageWithoutLeadRule(),
        ContractUnproducedRule(), ContractUnconsumedRule(), ContractNotEngagedRule(), BackwardHandoffRule(),
        ContractWithoutGatesRule(), VagueGateRule(),
        AgentWithoutGuardrailsRule(), UnguardedWriteAgentRule(), DelegationMismatchRule(),
        BrokenLinkRule(),
    ]

    /// The diagnostics of the rules alone (loading diagnostics not included),
    /// at their default severities.
    public static func check(_ handbook: Handbook) -> [Diagnostic] {
        let index = Trace.measure("index") { HandbookIndex(handbook) }
        // Rules share only the immutable index: run them across the cores.
        return Trace.measure("rules") { rules.map { $0 as any HandbookRule }.concurrentMap { rule in Trace.measure(rule.id.rawValue) { rule.check(index) } }.flatMap { $0 } }
    }

    /// Loading and rule diagnostics together, with handbook.yaml's
    /// `severity:` applied (`off` drops a rule), sorted and unique.
    public static func finish(_ handbook: Handbook, loadDiagnostics: [Diagnostic]) -> [Diagnostic] {
        let overrides = handbook.settings?.severity ?? [:]
        var all = loadDiagnostics + check(handbook)
        if !overrides.isEmpty {
            all = all.compactMap { diagnostic in
                guard diagnostic.rule.isConfigurable, let level = overrides[diagnostic.rule.rawValue] else { return diagnostic }
                if level == .off { return nil }
                var changed = diagnostic
                changed.severity = level
                return changed
            }
        }
        return Trace.measure("sort") { all.sortedUnique() }
    }
}
