using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Workflows.ProcessEvent;

public sealed record PublishProfileChangedInput(ProfileChanged Change);
