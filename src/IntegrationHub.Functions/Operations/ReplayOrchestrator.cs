using IntegrationHub.Core.Workflows.Replay;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Functions.Operations;

/// <summary>Runs the Core replay workflow as a Durable orchestration, each step an activity. A long replay continues as
/// new every <see cref="PagesPerExecution"/> pages, so its history stays short; the job's saved cursor carries it on.</summary>
public static class ReplayOrchestrator
{
    internal const int PagesPerExecution = 50;

    [Function(ReplayWorkflow.Name)]
    public static async Task<ReplayResult?> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ReplayInput>()
            ?? throw new InvalidOperationException("The Replay orchestration needs a ReplayInput.");
        var logger = context.CreateReplaySafeLogger(nameof(ReplayOrchestrator));

        var result = await ReplayWorkflow.RunAsync(new DurableReplaySteps(context), input, PagesPerExecution);
        if (result.Status == Core.Operations.ReplayStatus.Running)
        {
            context.ContinueAsNew(input);
            return null;
        }
        logger.LogInformation(
            "Replay {JobId}: {Status}, {Found} found, {Enqueued} queued", result.JobId, result.Status, result.Found, result.Enqueued);
        return result;
    }
}
