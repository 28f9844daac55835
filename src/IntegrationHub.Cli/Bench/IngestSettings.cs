namespace IntegrationHub.Cli.Bench;

/// <summary>What <c>hub bench ingest</c> was asked to do.</summary>
internal sealed record IngestSettings(
    Uri Url,
    double Rate,
    TimeSpan Duration,
    TimeSpan Warmup,
    IReadOnlyList<string> Connections,
    IReadOnlyDictionary<string, string> Secrets,
    IngestPlan Plan,
    bool Max,
    SustainedCriteria Criteria,
    bool RawBaseline,
    int RawConcurrency,
    string? Storage,
    bool Json);
