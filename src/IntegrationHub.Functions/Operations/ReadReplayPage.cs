using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.Replay;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Operations;

/// <summary>Activity: Reads the next page of archived delivery ids in the range.</summary>
public sealed class ReadReplayPage(IReplaySteps steps)
{
    [Function(nameof(ReadReplayPage))]
    public Task<DeliveryIdPage> Run([ActivityTrigger] ReadReplayPageInput input) => steps.ReadPageAsync(input);
}
