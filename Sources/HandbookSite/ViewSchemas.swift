import Templates

// The schema of each view model: every field a template may use, by name,
// with its kind. The template compiler checks templates against these and
// renders through them; README's Themes section lists them (a test keeps
// it in step).

extension LinkView: TemplateView {
    static let schema = Schema<LinkView>("a link", [
        .text("href", \.href),
        .text("text", \.text),
    ])
}

extension ActorView: TemplateView {
    static let schema = Schema<ActorView>("an actor (a role, an external, or all roles)", [
        .text("text", \.text),
        .text("href", \.href),
        .bool("hasPage", \.hasPage),
        .bool("isExternal", \.isExternal),
    ])
}

extension NavGroup: TemplateView {
    static let schema = Schema<NavGroup>("a navigation group", [
        .text("title", \.title),
        .list("links", \.links),
    ])
}

extension NavLink: TemplateView {
    static let schema = Schema<NavLink>("a navigation link", [
        .text("href", \.href),
        .text("text", \.text),
        .bool("current", \.current),
        .bool("isFolder", \.isFolder),
        .bool("isOpen", \.isOpen),
        .list("closes", \.closes),
    ])
}

extension NavClose: TemplateView {
    static let schema = Schema<NavClose>("the end of an open folder", [])
}

extension LayoutView: TemplateView {
    static let schema = Schema<LayoutView>("the layout", [
        .text("siteTitle", \.siteTitle),
        .text("pageTitle", \.pageTitle),
        .text("documentTitle", \.documentTitle),
        .text("description", \.description),
        .text("root", \.root),
        .text("homeHref", \.homeHref),
        .bool("isHome", \.isHome),
        .list("nav", \.nav),
        .text("navHTML", \.navHTML),
        .text("contentHTML", \.contentHTML),
        .text("editURL", \.editURL),
        .text("lastChanged", \.lastChanged),
        .text("pageKind", \.pageKind),
        .text("generator", \.generator),
        .text("canonicalURL", \.canonicalURL),
        .text("twinHref", \.twinHref),
        .bool("isNotFound", \.isNotFound),
        .text("siteBase", \.siteBase),
        .text("printHref", \.printHref),
        .text("faviconHref", \.faviconHref),
        .text("previousHref", \.previousHref),
        .text("previousTitle", \.previousTitle),
        .text("nextHref", \.nextHref),
        .text("nextTitle", \.nextTitle),
    ])
}

extension ContractSummary: TemplateView {
    static let schema = Schema<ContractSummary>("a contract summary", [
        .text("href", \.href),
        .text("name", \.name),
        .view("from", \.from),
        .view("to", \.to),
        .text("boundary", \.boundary),
    ])
}

extension BodyView: TemplateView {
    static let schema = Schema<BodyView>("a body", [
        .text("html", \.html),
    ])
}

extension EngagementCell: TemplateView {
    static let schema = Schema<EngagementCell>("an engagement cell", [
        .view("stage", \.stage),
        .text("level", \.level),
        .text("levelClass", \.levelClass),
    ])
}

extension FlowInView: TemplateView {
    static let schema = Schema<FlowInView>("a consumed context", [
        .view("context", \.context),
        .view("from", \.from),
        .text("cadence", \.cadence),
        .bool("unmatched", \.unmatched),
    ])
}

extension FlowOutView: TemplateView {
    static let schema = Schema<FlowOutView>("a produced context", [
        .view("context", \.context),
        .list("to", \.to),
        .text("cadence", \.cadence),
        .text("format", \.format),
        .list("notConsumedBy", \.notConsumedBy),
    ])
}

extension AgentView: TemplateView {
    static let schema = Schema<AgentView>("an agent", [
        .text("name", \.name),
        .text("input", \.input),
        .text("output", \.output),
        .text("oversight", \.oversight),
        .text("blastRadius", \.blastRadius),
        .text("access", \.access),
        .bool("isWrite", \.isWrite),
        .text("delegation", \.delegation),
        .texts("traits", \.traits),
        .text("confirmation", \.confirmation),
        .text("staging", \.staging),
        .text("winterTear", \.winterTear),
        .bool("isSpecialist", \.isSpecialist),
        .text("winterTearMissing", \.winterTearMissing),
        .text("sourceOfTruth", \.sourceOfTruth),
        .text("serviceLevel", \.serviceLevel),
        .text("auditTrail", \.auditTrail),
        .list("reads", \.reads),
        .text("logs", \.logs),
    ])
}

extension WorkflowView: TemplateView {
    static let schema = Schema<WorkflowView>("a workflow", [
        .text("name", \.name),
        .view("stage", \.stage),
        .view("role", \.role),
        .text("trigger", \.trigger),
        .texts("steps", \.steps),
    ])
}

extension RoleView: TemplateView {
    static let schema = Schema<RoleView>("a role page", [
        .text("name", \.name),
        .text("purpose", \.purpose),
        .text("flowSVG", \.flowSVG),
        .bool("hasFlow", \.hasFlow),
        .list("engagement", \.engagement),
        .list("contextIn", \.contextIn),
        .list("contextOut", \.contextOut),
        .list("contractsSent", \.contractsSent),
        .list("contractsReceived", \.contractsReceived),
        .bool("hasContracts", \.hasContracts),
        .list("agents", \.agents),
        .list("workflows", \.workflows),
        .list("stewards", \.stewards),
        .list("produces", \.produces),
        .bool("hasObjects", \.hasObjects),
        .text("risksOwned", \.risksOwned),
        .text("delayNote", \.delayNote),
        .view("body", \.body),
        .list("backlinks", \.backlinks),
    ])
}

extension StageView: TemplateView {
    static let schema = Schema<StageView>("a stage page", [
        .text("name", \.name),
        .text("boundarySVG", \.boundarySVG),
        .bool("hasBoundary", \.hasBoundary),
        .text("position", \.position),
        .text("question", \.question),
        .text("output", \.output),
        .text("timebox", \.timebox),
        .list("leads", \.leads),
        .list("supports", \.supports),
        .list("consults", \.consults),
        .list("contractsLeaving", \.contractsLeaving),
        .list("contractsEntering", \.contractsEntering),
        .list("workflows", \.workflows),
        .view("previous", \.previous),
        .bool("hasPrevious", \.hasPrevious),
        .view("next", \.next),
        .bool("hasNext", \.hasNext),
        .view("body", \.body),
        .list("backlinks", \.backlinks),
    ])
}

extension RequiredFieldView: TemplateView {
    static let schema = Schema<RequiredFieldView>("a required field", [
        .text("field", \.field),
        .text("rule", \.rule),
    ])
}

extension ContractView: TemplateView {
    static let schema = Schema<ContractView>("a contract page", [
        .text("name", \.name),
        .view("from", \.from),
        .view("to", \.to),
        .view("boundaryFrom", \.boundaryFrom),
        .view("boundaryTo", \.boundaryTo),
        .list("carries", \.carries),
        .list("required", \.required),
        .texts("gates", \.gates),
        .texts("triggers", \.triggers),
        .view("body", \.body),
        .list("backlinks", \.backlinks),
    ])
}

extension ProducerView: TemplateView {
    static let schema = Schema<ProducerView>("a producer", [
        .view("role", \.role),
        .list("to", \.to),
        .text("cadence", \.cadence),
        .text("format", \.format),
        .list("notConsumedBy", \.notConsumedBy),
    ])
}

extension ConsumerView: TemplateView {
    static let schema = Schema<ConsumerView>("a consumer", [
        .view("role", \.role),
        .view("from", \.from),
        .text("cadence", \.cadence),
        .bool("unmatched", \.unmatched),
    ])
}

extension ContextView: TemplateView {
    static let schema = Schema<ContextView>("a context page", [
        .text("name", \.name),
        .text("flowSVG", \.flowSVG),
        .bool("hasFlow", \.hasFlow),
        .text("id", \.id),
        .text("description", \.description),
        .list("producers", \.producers),
        .list("consumers", \.consumers),
        .list("contracts", \.contracts),
        .view("body", \.body),
        .list("backlinks", \.backlinks),
    ])
}

extension PageView: TemplateView {
    static let schema = Schema<PageView>("a page", [
        .text("name", \.name),
        .bool("showsTitle", \.showsTitle),
        .view("body", \.body),
        .list("backlinks", \.backlinks),
    ])
}

extension SummaryView: TemplateView {
    static let schema = Schema<SummaryView>("a summary", [
        .text("href", \.href),
        .text("name", \.name),
        .text("detail", \.detail),
    ])
}

extension LifecycleStepView: TemplateView {
    static let schema = Schema<LifecycleStepView>("a lifecycle step", [
        .text("href", \.href),
        .number("number", \.number),
        .text("name", \.name),
        .text("question", \.question),
        .text("leads", \.leads),
    ])
}

extension CountView: TemplateView {
    static let schema = Schema<CountView>("a count", [
        .number("number", \.number),
        .text("label", \.label),
    ])
}

extension WarningView: TemplateView {
    static let schema = Schema<WarningView>("a warning", [
        .text("location", \.location),
        .text("message", \.message),
        .text("rule", \.rule),
    ])
}

extension HeatmapTableRow: TemplateView {
    static let schema = Schema<HeatmapTableRow>("a heatmap table row", [
        .view("stage", \.stage),
        .list("cells", \.cells),
    ])
}

extension HeatmapTableCell: TemplateView {
    static let schema = Schema<HeatmapTableCell>("a heatmap table cell", [
        .text("label", \.label),
        .text("levelClass", \.levelClass),
    ])
}

extension IndexView: TemplateView {
    static let schema = Schema<IndexView>("the overview", [
        .text("title", \.title),
        .text("description", \.description),
        .text("heatmapSVG", \.heatmapSVG),
        .bool("heatmapInline", \.heatmapInline),
        .list("allRoles", \.allRoles),
        .list("allContracts", \.allContracts),
        .list("allContexts", \.allContexts),
        .list("allPages", \.allPages),
        .list("allObjects", \.allObjects),
        .text("moreWarnings", \.moreWarnings),
        .list("heatmapRoles", \.heatmapRoles),
        .list("heatmapRows", \.heatmapRows),
        .list("lifecycle", \.lifecycle),
        .list("counts", \.counts),
        .list("roles", \.roles),
        .list("stages", \.stages),
        .list("contracts", \.contracts),
        .list("contexts", \.contexts),
        .list("pages", \.pages),
        .list("warnings", \.warnings),
        .text("timingSVG", \.timingSVG),
        .text("flowMapSVG", \.flowMapSVG),
        .list("flowRows", \.flowRows),
        .bool("hasFlowMap", \.hasFlowMap),
        .bool("flowMapAggregated", \.flowMapAggregated),
        .list("timingRows", \.timingRows),
        .bool("hasTiming", \.hasTiming),
        .text("timingTotal", \.timingTotal),
        .text("timingBudget", \.timingBudget),
        .bool("overBudget", \.overBudget),
        .bool("hasAgents", \.hasAgents),
        .text("winterTearSummary", \.winterTearSummary),
        .list("objects", \.objects),
        .list("scorecard", \.scorecard),
        .list("risks", \.risks),
        .list("singlePoints", \.singlePoints),
        .text("moreSinglePoints", \.moreSinglePoints),
        .list("heatmapExternals", \.heatmapExternals),
    ])
}

extension RiskOwnerView: TemplateView {
    static let schema = Schema<RiskOwnerView>("a risk and its owner", [
        .text("risk", \.risk),
        .view("owner", \.owner),
        .text("note", \.note),
    ])
}

extension SinglePointView: TemplateView {
    static let schema = Schema<SinglePointView>("a role whose absence breaks something", [
        .view("role", \.role),
        .texts("losses", \.losses),
    ])
}

extension TimingRowView: TemplateView {
    static let schema = Schema<TimingRowView>("a timing row", [
        .text("part", \.part),
        .text("href", \.href),
        .text("duration", \.duration),
        .bool("unbounded", \.unbounded),
    ])
}

extension ScoreQuestionView: TemplateView {
    static let schema = Schema<ScoreQuestionView>("a scorecard question", [
        .number("number", \.number),
        .text("text", \.text),
        .text("status", \.status),
        .text("statusLabel", \.statusLabel),
        .text("summary", \.summary),
        .list("evidence", \.evidence),
    ])
}

extension EvidenceView: TemplateView {
    static let schema = Schema<EvidenceView>("a piece of evidence", [
        .text("href", \.href),
        .text("label", \.label),
        .text("detail", \.detail),
        .bool("meets", \.meets),
    ])
}

extension ObjectReaderView: TemplateView {
    static let schema = Schema<ObjectReaderView>("an agent that reads the object", [
        .text("agent", \.agent),
        .view("role", \.role),
        .text("logs", \.logs),
        .bool("instrumented", \.instrumented),
        .text("missing", \.missing),
    ])
}

extension ObjectView: TemplateView {
    static let schema = Schema<ObjectView>("a governed object page", [
        .text("name", \.name),
        .text("definition", \.definition),
        .view("producer", \.producer),
        .view("steward", \.steward),
        .list("consumers", \.consumers),
        .bool("hasContract", \.hasContract),
        .bool("isEnforced", \.isEnforced),
        .text("enforcedBy", \.enforcedBy),
        .text("freshness", \.freshness),
        .texts("completeness", \.completeness),
        .text("cardinality", \.cardinality),
        .texts("rules", \.rules),
        .bool("hasWeeklyJob", \.hasWeeklyJob),
        .text("weeklyWhen", \.weeklyWhen),
        .texts("weeklyTasks", \.weeklyTasks),
        .list("readers", \.readers),
        .view("body", \.body),
        .list("backlinks", \.backlinks),
    ])
}

extension FlowRowView: TemplateView {
    static let schema = Schema<FlowRowView>("a flow of the flow map", [
        .view("producer", \.producer),
        .view("consumer", \.consumer),
        .list("contexts", \.contexts),
        .bool("covered", \.covered),
        .bool("oneSided", \.oneSided),
    ])
}

extension ListView: TemplateView {
    static let schema = Schema<ListView>("a list page", [
        .text("kind", \.kind),
        .text("title", \.title),
        .text("intro", \.intro),
        .list("items", \.items),
        .list("contracts", \.contracts),
        .bool("isContracts", \.isContracts),
    ])
}

extension MoreView: TemplateView {
    static let schema = Schema<MoreView>("a link to a full list", [
        .text("text", \.text),
        .text("href", \.href),
    ])
}
