using IntegrationHub.Core.Model;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Workflows;

/// <summary>Activity: records a delivery whose processing failed for good, so operators can see and replay it.</summary>
public sealed class RecordDeadLetter(DeadLetters deadLetters)
{
    [Function(nameof(RecordDeadLetter))]
    public Task Run([ActivityTrigger] RecordDeadLetterInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return deadLetters.RecordAsync(
            new DeliveryMessage(input.Connection, input.DeliveryId), input.Reason, input.Description, input.Attempts, cancellationToken);
    }
}
