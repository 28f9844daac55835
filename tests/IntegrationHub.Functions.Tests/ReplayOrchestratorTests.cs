using IntegrationHub.Core.Model;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.Replay;
using IntegrationHub.Functions.Operations;
using IntegrationHub.Functions.Workflows;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;

namespace IntegrationHub.Functions.Tests;

public sealed class ReplayOrchestratorTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReplayInput Input = new("0123456789abcdef01234567", "shop", From, From.AddDays(1));

    [Fact]
    public async Task Run_OnePage_EachStepAnActivityWithRetriesAndTheJobCompletes()
    {
        var context = CreateContext();
        context.Setup(c => c.CallActivityAsync<DeliveryIdPage>(nameof(ReadReplayPage), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .ReturnsAsync(new DeliveryIdPage(["a", "b"], null));

        var result = await ReplayOrchestrator.Run(context.Object);

        Assert.Equal(new ReplayResult(Input.JobId, ReplayStatus.Completed, 2, 2), result);
        context.Verify(c => c.CallActivityAsync<ReplayCheckpoint>(nameof(BeginReplay), Input, DurableProcessEventSteps.Retry));
        context.Verify(c => c.CallActivityAsync<DeliveryIdPage>(
            nameof(ReadReplayPage), new ReadReplayPageInput("shop", Input.From, Input.To, null, ReplayWorkflow.PageSize), DurableProcessEventSteps.Retry));
        context.Verify(c => c.CallActivityAsync(
            nameof(EnqueueReplay),
            It.Is<EnqueueReplayInput>(i => i.Messages.SequenceEqual(new[] { new DeliveryMessage("shop", "a", Input.JobId), new DeliveryMessage("shop", "b", Input.JobId) })),
            DurableProcessEventSteps.Retry));
        context.Verify(c => c.CallActivityAsync(
            nameof(FinishReplay), new FinishReplayInput(Input.JobId, ReplayStatus.Completed, 2, 2, null), DurableProcessEventSteps.Retry));
        context.Verify(c => c.ContinueAsNew(It.IsAny<object>(), It.IsAny<bool>()), Times.Never);
    }

    [Fact]
    public async Task Run_MorePagesThanOneExecutionTakes_ContinuesAsNewWithTheSameInput()
    {
        var context = CreateContext();
        context.Setup(c => c.CallActivityAsync<DeliveryIdPage>(nameof(ReadReplayPage), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .ReturnsAsync(new DeliveryIdPage(["a"], "next"));
        context.Setup(c => c.CallActivityAsync<ReplayCheckpoint>(nameof(RecordReplayProgress), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .ReturnsAsync(new ReplayCheckpoint("next", 1, 1, Stop: false));

        var result = await ReplayOrchestrator.Run(context.Object);

        Assert.Null(result);
        context.Verify(c => c.ContinueAsNew(Input, It.IsAny<bool>()));
        context.Verify(c => c.CallActivityAsync<DeliveryIdPage>(nameof(ReadReplayPage), It.IsAny<object>(), It.IsAny<TaskOptions>()),
            Times.Exactly(ReplayOrchestrator.PagesPerExecution));
        context.Verify(c => c.CallActivityAsync(nameof(FinishReplay), It.IsAny<object>(), It.IsAny<TaskOptions>()), Times.Never);
    }

    [Fact]
    public async Task Run_ActivityFailsForGood_RecordsTheJobFailedAndFailsTheOrchestration()
    {
        var context = CreateContext();
        var failure = new TaskFailedException(nameof(ReadReplayPage), 2,
            new TaskFailureDetails("Azure.RequestFailedException", "Service unavailable", null, null, null));
        context.Setup(c => c.CallActivityAsync<DeliveryIdPage>(nameof(ReadReplayPage), It.IsAny<object>(), It.IsAny<TaskOptions>())).ThrowsAsync(failure);

        var thrown = await Assert.ThrowsAsync<TaskFailedException>(() => ReplayOrchestrator.Run(context.Object));

        Assert.Same(failure, thrown);
        context.Verify(c => c.CallActivityAsync(
            nameof(FinishReplay), It.Is<FinishReplayInput>(i => i.Status == ReplayStatus.Failed && i.Error!.Contains("Service unavailable")), DurableProcessEventSteps.Retry));
    }

    [Fact]
    public async Task BeginReplay_Run_DelegatesToTheSharedStep()
    {
        var steps = new Mock<IReplaySteps>();
        steps.Setup(s => s.BeginAsync(Input)).ReturnsAsync(new ReplayCheckpoint("c", 5, 5, Stop: false));

        var checkpoint = await new BeginReplay(steps.Object).Run(Input);

        Assert.Equal(new ReplayCheckpoint("c", 5, 5, Stop: false), checkpoint);
    }

    private static Mock<TaskOrchestrationContext> CreateContext()
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.GetInput<ReplayInput>()).Returns(Input);
        context.Protected().Setup<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        context.Setup(c => c.CallActivityAsync<ReplayCheckpoint>(nameof(BeginReplay), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .ReturnsAsync(new ReplayCheckpoint(null, 0, 0, Stop: false));
        return context;
    }
}
