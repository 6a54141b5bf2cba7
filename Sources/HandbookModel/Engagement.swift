/// How a role takes part in a stage.
public enum Engagement: String, Sendable, CaseIterable, Hashable, Comparable {
    case lead, support, consult

    public var label: String {
        switch self {
        case .lead: "Lead"
        case .support: "Support"
        case .consult: "Consult"
        }
    }

    public static func < (lhs: Engagement, rhs: Engagement) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
