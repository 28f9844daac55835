using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Functions.Workflows;

/// <summary>Runs the Core process-event workflow as a Durable orchestration; each step is an activity.</summary>
public static class ProcessEventOrchestrator
{
    [Function(ProcessEventWorkflow.Name)]
    public static async Task<ProcessEventResult> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ProcessEventInput>()
            ?? throw new InvalidOperationException("The ProcessEvent orchestration needs a ProcessEventInput.");
        var logger = context.CreateReplaySafeLogger(nameof(ProcessEventOrchestrator));

        try
        {
            var result = await ProcessEventWorkflow.RunAsync(new DurableProcessEventSteps(context), input);
            logger.LogInformation(
                "Delivery {DeliveryId} on {Connection}: {Outcome}", input.DeliveryId, input.Connection, result.Outcome);
            return result;
        }
        catch (TaskFailedException failed)
        {
            // A step failed after its retries (or at once, for a permanent failure): record a dead letter for operators,
            // then fail the orchestration so its status shows why.
            await context.CallActivityAsync(
                nameof(RecordDeadLetter),
                new RecordDeadLetterInput(
                    input.Connection, input.DeliveryId, failed.FailureDetails.ErrorType, failed.FailureDetails.ErrorMessage, DurableProcessEventSteps.MaxAttempts),
                DurableProcessEventSteps.Retry);
            throw;
        }
    }
}
