namespace IntegrationHub.Cli.Match;

/// <summary>The arguments of one <c>hub match</c> run.</summary>
internal sealed record MatchRequest(
    IReadOnlyList<FileInfo> Inputs,
    FileInfo Output,
    string? IdColumn,
    IReadOnlyList<string> Columns,
    double Threshold,
    double ReviewThreshold,
    FileInfo? Suggestions,
    string PhoneRegion,
    FileInfo? SaveModel = null);
