using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Profiles;

/// <summary>One event's traits with where they came from: what a profile is recomputed from.</summary>
public sealed record SourcedTraits(string Connection, string EventId, PersonTraits Traits);
