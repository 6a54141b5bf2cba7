// Typed view models that the Mustache templates render. Every String here
// is plain text (Mustache escapes it); fields named `...HTML` or `svg` are
// markup made by handoff itself and rendered with {{{triple}}} braces.

struct LinkView: Sendable {
    var href: String
    var text: String
}

/// A role, an external actor (no page: no link) or "all roles".
struct ActorView: Sendable {
    var text: String
    var href: String
    var hasPage: Bool
    var isExternal: Bool
}

struct NavGroup: Sendable {
    var title: String
    var links: [NavLink]
}

struct NavLink: Sendable {
    var href: String
    var text: String
    var current: Bool
    /// A folder of pages (its own page is the link).
    var isFolder = false
    /// An open folder: the links that follow, up to its close, are inside it.
    var isOpen = false
    /// Open folders that end after this link, innermost first.
    var closes: [NavClose] = []
}

/// The end of an open folder in the navigation (no fields: one per folder).
struct NavClose: Sendable {}

struct LayoutView: Sendable {
    var siteTitle: String
    var pageTitle: String
    var documentTitle: String
    var description: String
    var root: String
    var homeHref: String
    var isHome: Bool
    /// Filled only when the layout template uses it; the built-in layout
    /// splices `navHTML` instead.
    var nav: [NavGroup]
    /// The navigation rendered by `nav.mustache`, group by group: groups the
    /// page is not in are rendered once per folder depth and reused.
    var navHTML: String
    var contentHTML: String
    var editURL: String
    /// The content file's last change from git ("2026-11-20"), or "".
    var lastChanged: String
    var pageKind: String
    var generator: String
    /// The page's absolute address (with `url`), for its canonical link and `og:url`; else "".
    var canonicalURL: String = ""
    /// The page's Markdown twin, beside it (`pm.md`).
    var twinHref: String = ""
    /// The 404 page: where the site stands on its host (`/handbook/`), or
    /// "" when that is worked out in the browser.
    var isNotFound = false
    var siteBase: String = ""
    var printHref: String = ""
    var faviconHref: String = ""
    /// The previous and next page of the same kind, in the order of the work.
    var previousHref: String = ""
    var previousTitle: String = ""
    var nextHref: String = ""
    var nextTitle: String = ""
}

struct ContractSummary: Sendable {
    var href: String
    var name: String
    var from: ActorView
    var to: ActorView
    var boundary: String
}

struct BodyView: Sendable {
    var html: String
}

struct EngagementCell: Sendable {
    var stage: LinkView
    var level: String
    var levelClass: String
}

struct FlowInView: Sendable {
    var context: LinkView
    var from: ActorView
    var cadence: String
    /// The producer does not send it (possible only with the rule turned off).
    var unmatched: Bool
}

struct FlowOutView: Sendable {
    var context: LinkView
    var to: [ActorView]
    var cadence: String
    var format: String
    /// Roles it is sent to that do not consume it.
    var notConsumedBy: [ActorView]
}

struct AgentView: Sendable {
    var name: String
    var input: String
    var output: String
    var oversight: String
    var blastRadius: String
    var access: String
    var isWrite: Bool
    var delegation: String
    var traits: [String]
    var confirmation: String
    var staging: String
    var winterTear: String
    var isSpecialist: Bool
    var winterTearMissing: String
    var sourceOfTruth: String
    var serviceLevel: String
    var auditTrail: String
    /// Governed objects, as actors: an id with no object has no page.
    var reads: [ActorView]
    var logs: String
}

struct WorkflowView: Sendable {
    var name: String
    var stage: LinkView
    var role: LinkView
    var trigger: String
    var steps: [String]
}

struct RoleView: Sendable {
    var name: String
    var purpose: String
    /// The role's flow diagram (SVG), or "".
    var flowSVG: String
    var hasFlow: Bool
    var engagement: [EngagementCell]
    var contextIn: [FlowInView]
    var contextOut: [FlowOutView]
    var contractsSent: [ContractSummary]
    var contractsReceived: [ContractSummary]
    var hasContracts: Bool
    var agents: [AgentView]
    var workflows: [WorkflowView]
    var stewards: [LinkView]
    var produces: [LinkView]
    var hasObjects: Bool
    /// "Owns the value and business viability risks.", or "".
    var risksOwned: String
    /// For the ethical risk's owner: that it may delay a release, or "".
    var delayNote: String
    var body: BodyView
    var backlinks: [LinkView]
}

struct StageView: Sendable {
    var name: String
    /// The boundary to the next stage as a diagram (SVG), or "".
    var boundarySVG: String
    var hasBoundary: Bool
    var position: String
    var question: String
    var output: String
    var timebox: String
    var leads: [LinkView]
    var supports: [LinkView]
    var consults: [LinkView]
    var contractsLeaving: [ContractSummary]
    var contractsEntering: [ContractSummary]
    var workflows: [WorkflowView]
    var previous: LinkView
    var hasPrevious: Bool
    var next: LinkView
    var hasNext: Bool
    var body: BodyView
    var backlinks: [LinkView]
}

struct RequiredFieldView: Sendable {
    var field: String
    var rule: String
}

struct ContractView: Sendable {
    var name: String
    var from: ActorView
    var to: ActorView
    var boundaryFrom: LinkView
    var boundaryTo: LinkView
    var carries: [LinkView]
    var required: [RequiredFieldView]
    var gates: [String]
    var triggers: [String]
    var body: BodyView
    var backlinks: [LinkView]
}

struct ProducerView: Sendable {
    var role: LinkView
    var to: [ActorView]
    var cadence: String
    var format: String
    var notConsumedBy: [ActorView]
}

struct ConsumerView: Sendable {
    var role: LinkView
    var from: ActorView
    var cadence: String
    var unmatched: Bool
}

struct ContextView: Sendable {
    var name: String
    var flowSVG: String
    var hasFlow: Bool
    var id: String
    var description: String
    var producers: [ProducerView]
    var consumers: [ConsumerView]
    var contracts: [ContractSummary]
    var body: BodyView
    var backlinks: [LinkView]
}

struct PageView: Sendable {
    var name: String
    var showsTitle: Bool
    var body: BodyView
    var backlinks: [LinkView]
}

struct SummaryView: Sendable {
    var href: String
    var name: String
    var detail: String
}

struct LifecycleStepView: Sendable {
    var href: String
    var number: Int
    var name: String
    var question: String
    var leads: String
}

struct CountView: Sendable {
    var number: Int
    var label: String
}

struct WarningView: Sendable {
    var location: String
    var message: String
    var rule: String
}

struct HeatmapTableRow: Sendable {
    var stage: LinkView
    var cells: [HeatmapTableCell]
}

struct HeatmapTableCell: Sendable {
    var label: String
    var levelClass: String
}

struct IndexView: Sendable {
    var title: String
    var description: String
    var heatmapSVG: String
    /// The heatmap is drawn on the overview (small handbooks) or linked (`heatmap.svg`).
    var heatmapInline: Bool
    /// Lists too long for the overview: a count and the list page, one per kind ([] or one).
    var allRoles: [MoreView]
    var allContracts: [MoreView]
    var allContexts: [MoreView]
    var allPages: [MoreView]
    var allObjects: [MoreView]
    /// Warnings past the first `ViewFactory.overviewLimit`, or "".
    var moreWarnings: String
    var heatmapRoles: [LinkView]
    var heatmapRows: [HeatmapTableRow]
    var lifecycle: [LifecycleStepView]
    var counts: [CountView]
    var roles: [SummaryView]
    var stages: [SummaryView]
    var contracts: [ContractSummary]
    var contexts: [SummaryView]
    var pages: [SummaryView]
    var warnings: [WarningView]
    var timingSVG: String
    /// The flow map (SVG), its rows as a table, and whether it groups roles by stage.
    var flowMapSVG: String
    var flowRows: [FlowRowView]
    var hasFlowMap: Bool
    var flowMapAggregated: Bool
    var timingRows: [TimingRowView]
    var hasTiming: Bool
    var timingTotal: String
    var timingBudget: String
    var overBudget: Bool
    var hasAgents: Bool
    var winterTearSummary: String
    var objects: [SummaryView]
    var scorecard: [ScoreQuestionView]
    /// Each risk of `risks:` with its owner (the kernel), in the kernel's order.
    var risks: [RiskOwnerView]
    /// Each role whose absence breaks something, with what breaks.
    var singlePoints: [SinglePointView]
    /// Roles past the first `ViewFactory.overviewLimit` of them, or "".
    var moreSinglePoints: String
    /// Columns of the heatmap's table for externals with `engaged`.
    var heatmapExternals: [ActorView]
}

struct RiskOwnerView: Sendable {
    var risk: String
    var owner: ActorView
    var note: String
}

struct SinglePointView: Sendable {
    var role: LinkView
    var losses: [String]
}

struct TimingRowView: Sendable {
    var part: String
    var href: String
    var duration: String
    var unbounded: Bool
}

struct ScoreQuestionView: Sendable {
    var number: Int
    var text: String
    var status: String
    var statusLabel: String
    var summary: String
    var evidence: [EvidenceView]
}

struct EvidenceView: Sendable {
    var href: String
    var label: String
    var detail: String
    var meets: Bool
}

struct ObjectReaderView: Sendable {
    var agent: String
    var role: LinkView
    var logs: String
    var instrumented: Bool
    var missing: String
}

struct ObjectView: Sendable {
    var name: String
    var definition: String
    var producer: ActorView
    var steward: ActorView
    var consumers: [ActorView]
    var hasContract: Bool
    var isEnforced: Bool
    var enforcedBy: String
    var freshness: String
    var completeness: [String]
    var cardinality: String
    var rules: [String]
    var hasWeeklyJob: Bool
    var weeklyWhen: String
    var weeklyTasks: [String]
    var readers: [ObjectReaderView]
    var body: BodyView
    var backlinks: [LinkView]
}

/// One producer → consumer pair of the flow map, for its table.
struct FlowRowView: Sendable {
    var producer: ActorView
    var consumer: ActorView
    var contexts: [LinkView]
    var covered: Bool
    var oneSided: Bool
}

/// A full list of one kind (`roles.html`): what the overview of a large
/// handbook summarises.
struct ListView: Sendable {
    /// "List", or "Folder" for a folder of pages.
    var kind = "List"
    var title: String
    var intro: String
    var items: [SummaryView]
    var contracts: [ContractSummary]
    var isContracts: Bool
}

/// Where the overview summarises a list: how many, and the page with all of them.
struct MoreView: Sendable {
    var text: String
    var href: String
}
