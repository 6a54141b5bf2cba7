/// How serious a diagnostic is. `off` exists only as a configured level:
/// diagnostics of a rule set to `off` are dropped.
public enum Severity: String, Sendable, Hashable, CaseIterable {
    case error
    case warning
    case off
}
