using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Profiles;

/// <summary>The survivorship rule of every profile field: configured ones from <c>Hub:Identity:Fields</c>, the most
/// recent value for the rest. Consent fields always take the most recent explicit statement per channel.</summary>
public sealed class SurvivorshipRules
{
    /// <summary>The fields a rule may be configured for.</summary>
    public static IReadOnlyList<string> ConfigurableFields { get; } =
    [
        ProfileFields.Email, ProfileFields.FirstName, ProfileFields.LastName, ProfileFields.Phone, ProfileFields.Company,
        ProfileFields.City, ProfileFields.Region, ProfileFields.PostalCode, ProfileFields.Country,
    ];

    private readonly Dictionary<string, (FieldRule Rule, IComparer<FieldValue> Order, IComparer<FieldValue> Retention)> _rules;

    public SurvivorshipRules(IReadOnlyDictionary<string, FieldRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules
            .Where(r => !r.Key.StartsWith(ProfileFields.ConsentPrefix, StringComparison.Ordinal))
            .ToDictionary(r => r.Key, r => (r.Value, OrderFor(r.Value), RetentionFor(r.Value)), StringComparer.Ordinal);
    }

    /// <summary>Every field takes its most recent value.</summary>
    public static SurvivorshipRules Default { get; } = new(new Dictionary<string, FieldRule>());

    public static SurvivorshipRules From(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Fields.ToDictionary(
            f => f.Key, f => new FieldRule(f.Value.Rule, [.. f.Value.Sources]), StringComparer.Ordinal));
    }

    public FieldRule RuleFor(string field) => _rules.TryGetValue(field, out var rule) ? rule.Rule : FieldRule.MostRecent;

    /// <summary>How the field's candidates rank, best first.</summary>
    public IComparer<FieldValue> OrderFor(string field) => _rules.TryGetValue(field, out var rule) ? rule.Order : Survivorship.Order;

    /// <summary>Which of one source record's values the field keeps.</summary>
    public IComparer<FieldValue> RetentionFor(string field) =>
        _rules.TryGetValue(field, out var rule) ? rule.Retention : Survivorship.Order;

    private static IComparer<FieldValue> OrderFor(FieldRule rule) => rule.Rule switch
    {
        SurvivorshipRule.SourcePriority => Survivorship.SourcePriorityOrder(rule.Sources),
        SurvivorshipRule.MostComplete => Survivorship.MostCompleteOrder,
        SurvivorshipRule.FirstSeen => Survivorship.FirstSeenOrder,
        _ => Survivorship.Order,
    };

    private static IComparer<FieldValue> RetentionFor(FieldRule rule) =>
        rule.Rule == SurvivorshipRule.FirstSeen ? Survivorship.FirstSeenOrder : Survivorship.Order;
}
