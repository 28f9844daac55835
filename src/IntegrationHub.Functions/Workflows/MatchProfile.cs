using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Workflows;

/// <summary>Activity: scores the profile against its candidates; links above the threshold, suggests the review band.</summary>
public sealed class MatchProfile(IProcessEventSteps steps)
{
    [Function(nameof(MatchProfile))]
    public Task<MatchProfileResult> Run([ActivityTrigger] MatchProfileInput input) => steps.MatchProfileAsync(input);
}
