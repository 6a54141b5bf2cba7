import Diagnostics
import HandbookModel

/// The portfolio's own rules over its loaded handbooks (FORMAT.md, A
/// portfolio of handbooks): conflicting-definition, portfolio-risk and
/// portfolio-gate. Each handbook's own rules ran already, as usual.
public enum PortfolioChecker {
    /// One loaded handbook of the portfolio: its folder (as listed) and its
    /// model, whose files carry paths from the portfolio's folder.
    public struct Member: Sendable {
        public var folder: String
        public var handbook: Handbook
        /// The content folder as diagnostics name it (`cohorts/content`):
        /// the model's paths are relative to it.
        public var root: String
        public init(folder: String, handbook: Handbook, root: String) {
            self.folder = folder
            self.handbook = handbook
            self.root = root
        }

        /// A place in this handbook, as diagnostics show it.
        func at(_ location: SourceLocation) -> SourceLocation { location.shown(under: root) }
    }

    public static func check(_ portfolio: Portfolio, _ members: [Member]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if portfolio.objectsAgree { out += ConflictingDefinitionRule.check(members) }
        if !portfolio.risks.isEmpty { out += PortfolioRiskRule.check(portfolio.risks, members) }
        for constraint in portfolio.gates { out += PortfolioGateRule.check(constraint, members) }
        // A handbook's `severity:` applies to the portfolio's diagnostics in its files, as to its own.
        return members.flatMap { member in
            HandbookChecker.applying(HandbookChecker.severityOverrides(member.handbook.settings).overrides,
                                     to: out.filter { $0.location.file.hasPrefix(member.root + "/") })
        }
    }

    /// handbook.yaml's 1:1 in a member.
    static func settingsStart(_ member: Member) -> SourceLocation {
        member.at(.start(of: member.handbook.settings?.file ?? "handbook.yaml"))
    }
}
