using IntegrationHub.Core.Model;
using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Workflows;

/// <summary>Activity: Reads the archived delivery into the canonical model.</summary>
public sealed class NormaliseDelivery(IProcessEventSteps steps)
{
    [Function(nameof(NormaliseDelivery))]
    public Task<NormalisedDelivery> Run([ActivityTrigger] ProcessEventInput input) => steps.NormaliseAsync(input);
}
