using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Workflows.ProcessEvent;

public sealed record ResolveProfileInput(string Connection, PersonTraits Person);
