namespace IntegrationHub.Core.Model;

/// <summary>One person as the hub knows them. Every field keeps every source's latest value (its candidates), so
/// the winner is a pure function of what has been seen — whatever order it arrived in.</summary>
/// <param name="Id">The profile id.</param>
/// <param name="Candidates">Per field, the latest value from each source record.</param>
/// <param name="Emails">Every email seen for the person (a union).</param>
/// <param name="ExternalIds">Every source record id seen for the person, as <c>connection:id</c> (a union).</param>
public sealed record UnifiedProfile(
    string Id,
    IReadOnlyDictionary<string, IReadOnlyList<FieldValue>> Candidates,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> ExternalIds)
{
    public static UnifiedProfile Empty(string id) =>
        new(id, new Dictionary<string, IReadOnlyList<FieldValue>>(), [], []);
}
