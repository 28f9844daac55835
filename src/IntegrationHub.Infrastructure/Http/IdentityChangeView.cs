namespace IntegrationHub.Infrastructure.Http;

/// <summary>One change, with its kind by name (<c>Merged</c>, <c>Split</c>, <c>Renamed</c>, …).</summary>
public sealed record IdentityChangeView(string Kind, string ProfileId, IReadOnlyList<string> Others);
