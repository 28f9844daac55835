using IntegrationHub.Core.Profiles;

namespace IntegrationHub.Core.Identity;

/// <summary>One field's survivorship rule: <c>Hub:Identity:Fields:{field}</c>.</summary>
public sealed class FieldRuleOptions
{
    public SurvivorshipRule Rule { get; set; } = SurvivorshipRule.MostRecent;

    /// <summary>For <see cref="SurvivorshipRule.SourcePriority"/>: connections, most trusted first. Unlisted sources
    /// rank after every listed one.</summary>
    public List<string> Sources { get; init; } = [];
}
