using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Profiles;

/// <summary>Folds a source's traits into a profile. Merging is a join: commutative, associative and idempotent, so
/// any order or duplication of the same events gives the same profile (ARCHITECTURE.md decision 2).</summary>
public static class ProfileMerger
{
    /// <summary>Returns the merged profile and the fields whose winning value changed, every field taking its most
    /// recent value.</summary>
    public static (UnifiedProfile Profile, IReadOnlyList<string> ChangedFields) Merge(
        UnifiedProfile profile, string source, PersonTraits traits, string eventId) =>
        Merge(profile, source, traits, eventId, SurvivorshipRules.Default);

    /// <summary>Returns the merged profile and the fields whose winning value changed, each field ranked by its rule.</summary>
    public static (UnifiedProfile Profile, IReadOnlyList<string> ChangedFields) Merge(
        UnifiedProfile profile, string source, PersonTraits traits, string eventId, SurvivorshipRules rules)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(traits);
        ArgumentNullException.ThrowIfNull(rules);
        var recordId = traits.SourceRecordId ?? eventId;
        var candidates = profile.Candidates.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var (field, value) in Fields(traits))
        {
            var incoming = new FieldValue(value, source, recordId, traits.EventTime);
            var before = candidates.GetValueOrDefault(field) ?? [];
            var after = Survivorship.Keep(before, incoming, rules.OrderFor(field), rules.RetentionFor(field));
            candidates[field] = after;
            if (!Equals(Survivorship.Winner(before)?.Value, Survivorship.Winner(after)?.Value))
            {
                changed.Add(field);
            }
        }

        var emails = traits.Email is null ? profile.Emails : Union(profile.Emails, traits.Email);
        var externalIds = traits.SourceRecordId is null
            ? profile.ExternalIds
            : Union(profile.ExternalIds, $"{source}:{traits.SourceRecordId}");
        return (profile with { Candidates = candidates, Emails = emails, ExternalIds = externalIds }, changed);
    }

    private static IEnumerable<(string Field, string Value)> Fields(PersonTraits traits)
    {
        if (traits.Email is not null) { yield return (ProfileFields.Email, traits.Email); }
        if (traits.FirstName is not null) { yield return (ProfileFields.FirstName, traits.FirstName); }
        if (traits.LastName is not null) { yield return (ProfileFields.LastName, traits.LastName); }
        if (traits.Phone is not null) { yield return (ProfileFields.Phone, traits.Phone); }
        if (traits.Company is not null) { yield return (ProfileFields.Company, traits.Company); }
        if (traits.DateOfBirth is not null) { yield return (ProfileFields.DateOfBirth, traits.DateOfBirth); }
        if (traits.Location is { } location)
        {
            if (location.City is not null) { yield return (ProfileFields.City, location.City); }
            if (location.Region is not null) { yield return (ProfileFields.Region, location.Region); }
            if (location.PostalCode is not null) { yield return (ProfileFields.PostalCode, location.PostalCode); }
            if (location.Country is not null) { yield return (ProfileFields.Country, location.Country); }
        }
        foreach (var consent in traits.Consents ?? [])
        {
            // The most recent explicit statement per channel wins: the same survivorship as any single-valued field.
            yield return (ProfileFields.ConsentPrefix + consent.Channel, consent.Status);
        }
    }

    private static IReadOnlyList<string> Union(IReadOnlyList<string> existing, string value) =>
        existing.Contains(value, StringComparer.Ordinal)
            ? existing
            : [.. existing.Append(value).Order(StringComparer.Ordinal)];
}
