using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Workflows.ProcessEvent;

public sealed record MergeProfileInput(string ProfileId, string Connection, string EventId, PersonTraits Person);
