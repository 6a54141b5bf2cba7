import Diagnostics

/// Every rule of the handbook format, in FORMAT.md's order: one line each.
/// The rules the loader reports are described under `Rules/Loading/`; the
/// others are checked by their own `HandbookRule`.
public enum RuleRegistry {
    static let all: [any DescribedRule.Type] = [
        YAMLSyntaxRule.self,
        MissingFieldRule.self,
        InvalidValueRule.self,
        InvalidIDRule.self,
        UnknownFieldRule.self,
        UnknownStageRule.self,
        UnknownRoleRule.self,
        OrphanedContextInRule.self,
        UnconsumedContextOutRule.self,
        ContextHoardingRule.self,
        StageWithoutLeadRule.self,
        ContractUnproducedRule.self,
        ContractUnconsumedRule.self,
        ContractNotEngagedRule.self,
        BackwardHandoffRule.self,
        ContractWithoutGatesRule.self,
        VagueGateRule.self,
        AgentWithoutGuardrailsRule.self,
        UnguardedWriteAgentRule.self,
        DelegationMismatchRule.self,
        BrokenLinkRule.self,
        BoundaryWithoutContractRule.self,
        UntimedContractRule.self,
        CycleOverBudgetRule.self,
        DelegatedCopilotRule.self,
        UnknownObjectRule.self,
        UninstrumentedAgentRule.self,
        UnenforcedDataContractRule.self,
        TooManyObjectsRule.self,
        RawHTMLRemovedRule.self,
        BadEncodingRule.self,
        BoundarySkipsStageRule.self,
        TruncatedValueRule.self,
        ForeignSyntaxRule.self,
        StrayMarkdownRule.self,
        RepeatedEntryRule.self,
        UnsafeInputRule.self,
        UnownedRiskRule.self,
        RiskByCommitteeRule.self,
        AbsentRiskOwnerRule.self,
        LateExtendedTeamRule.self,
        UncheckedSynthesisRule.self,
        ConflictingDefinitionRule.self,
        PortfolioRiskRule.self,
        PortfolioGateRule.self,
    ]

    public static let descriptors: [RuleDescriptor] = all.map { $0.descriptor }
    public static let ids: [RuleID] = descriptors.map(\.rule)

    /// Rules about the tool's own input rather than the handbook format (the
    /// theme's templates): in SARIF and `handoff explain`, not in FORMAT.md.
    static let toolRules: [any DescribedRule.Type] = [TemplateRule.self]

    /// Every rule a diagnostic may carry: the format's, then the tool's.
    public static let allDescriptors: [RuleDescriptor] = descriptors + toolRules.map { $0.descriptor }

    /// The rules that run over a loaded handbook.
    static let checks: [any HandbookRule] = all.compactMap { ($0 as? any HandbookRule.Type)?.init() }

    public static func descriptor(named id: String) -> RuleDescriptor? { allDescriptors.first { $0.rule.rawValue == id } }
}
