using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Workflows;

/// <summary>Activity: Finds or founds the person's profile.</summary>
public sealed class ResolveProfile(IProcessEventSteps steps)
{
    [Function(nameof(ResolveProfile))]
    public Task<string> Run([ActivityTrigger] ResolveProfileInput input) => steps.ResolveProfileAsync(input);
}
