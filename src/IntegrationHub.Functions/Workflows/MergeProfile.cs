using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Workflows;

/// <summary>Activity: Merges the person's traits into their profile.</summary>
public sealed class MergeProfile(IProcessEventSteps steps)
{
    [Function(nameof(MergeProfile))]
    public Task<MergeProfileResult> Run([ActivityTrigger] MergeProfileInput input) => steps.MergeProfileAsync(input);
}
