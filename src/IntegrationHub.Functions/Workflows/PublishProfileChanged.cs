using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Workflows;

/// <summary>Activity: Publishes what the event changed on the profile to the <c>profile-changed</c> topic.</summary>
public sealed class PublishProfileChanged(IProcessEventSteps steps)
{
    [Function(nameof(PublishProfileChanged))]
    public Task Run([ActivityTrigger] PublishProfileChangedInput input) => steps.PublishProfileChangedAsync(input);
}
