namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>What matching one profile did: the candidates it scored, the suggestions it left and the links it made.</summary>
public sealed record MatchProfileResult(bool Enabled, int Candidates, int Suggested, int Linked)
{
    public static MatchProfileResult Off { get; } = new(false, 0, 0, 0);
}
