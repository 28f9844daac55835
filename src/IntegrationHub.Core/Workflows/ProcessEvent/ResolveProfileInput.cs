using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>One event's person and interaction, as the identity graph records them.</summary>
public sealed record ResolveProfileInput(string Connection, PersonTraits Person, Interaction Interaction);
