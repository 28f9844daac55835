using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Workflows;

/// <summary>Activity: records the event in the identity graph and returns its profile id (null: it links no one).</summary>
public sealed class ResolveProfile(IProcessEventSteps steps)
{
    [Function(nameof(ResolveProfile))]
    public Task<string?> Run([ActivityTrigger] ResolveProfileInput input) => steps.ResolveProfileAsync(input);
}
