using System.Text.Json.Serialization;

namespace IntegrationHub.Core.Operations;

/// <summary>A replay of a connection's archived deliveries received in [<paramref name="From"/>, <paramref name="To"/>):
/// what operators start, watch and cancel.</summary>
/// <param name="Status">One of <see cref="ReplayStatus"/>.</param>
/// <param name="Found">Archived deliveries found in the range so far.</param>
/// <param name="Enqueued">Of those, how many were queued for processing again.</param>
/// <param name="Error">Why the job failed, in words; null unless it did.</param>
/// <param name="Cursor">Where in the archive the job has got to, so an interrupted job resumes there; internal.</param>
public sealed record ReplayJob(
    string Id,
    string Connection,
    DateTimeOffset From,
    DateTimeOffset To,
    string Status,
    long Found,
    long Enqueued,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    string? Error = null,
    [property: JsonIgnore] string? Cursor = null);
