using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Workflows.ProcessEvent;

public sealed record AppendTimelineInput(string ProfileId, Interaction Interaction);
