using Azure;

namespace IntegrationHub.Infrastructure.Archive;

/// <summary>How far the periodic sweep of a connection has got: every delivery received before
/// <paramref name="SweptBefore"/> was found queued or queued by a sweep. <paramref name="ETag"/> is the row's version,
/// so only one sweep moves it on from what it read.</summary>
public sealed record SweepWatermark(DateTimeOffset SweptBefore, ETag ETag);
