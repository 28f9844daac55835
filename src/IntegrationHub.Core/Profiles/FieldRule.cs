namespace IntegrationHub.Core.Profiles;

/// <summary>One field's survivorship rule and, for <see cref="SurvivorshipRule.SourcePriority"/>, the sources most
/// trusted first.</summary>
public sealed record FieldRule(SurvivorshipRule Rule, IReadOnlyList<string> Sources)
{
    public static FieldRule MostRecent { get; } = new(SurvivorshipRule.MostRecent, []);
}
