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

        var result = await ProcessEventWorkflow.RunAsync(new DurableProcessEventSteps(context), input);
        logger.LogInformation(
            "Delivery {DeliveryId} on {Connection}: {Outcome}", input.DeliveryId, input.Connection, result.Outcome);
        return result;
    }
}
