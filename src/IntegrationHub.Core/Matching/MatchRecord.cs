namespace IntegrationHub.Core.Matching;

/// <summary>One row of a person list as the matcher sees it: an id, the list it came from (0 or 1 when linking two
/// lists) and raw values by role. Values are normalised by the engine, not by the caller.</summary>
public sealed class MatchRecord(string id, int source = 0)
{
    private readonly string?[] values = new string?[MatchRoles.All.Count];

    public string Id { get; } = id;

    public int Source { get; } = source;

    public string? this[MatchRole role]
    {
        get => values[(int)role];
        init => values[(int)role] = value;
    }

    /// <summary>Sets a value while building a record from a file row.</summary>
    public void Set(MatchRole role, string? value) => values[(int)role] = value;
}
