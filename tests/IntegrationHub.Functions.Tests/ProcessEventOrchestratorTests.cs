using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Workflows.ProcessEvent;
using IntegrationHub.Functions.Workflows;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;

namespace IntegrationHub.Functions.Tests;

public sealed class ProcessEventOrchestratorTests
{
    private static readonly ProcessEventInput Input = new("shop", "msg_1");
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly PersonTraits Person = new("crm-1", At, "ada@example.com", "Ada", "Lovelace", null);
    private static readonly Interaction Interaction = new("contact.created", "msg_1", At, "shop", "standard-webhooks", "msg_1");
    private static readonly Dictionary<string, FieldValue> Winners = new()
    {
        ["email"] = new("ada@example.com", "shop", "crm-1", At),
        ["firstName"] = new("Ada", "shop", "crm-1", At),
    };

    [Fact]
    public async Task Run_PersonInEvent_CallsEachActivityInOrderWithRetries()
    {
        var context = CreateContext(NormalisedDelivery.Of(new NormalisedEvent("shop", "standard-webhooks", "msg_1", Person, Interaction)));
        var calls = new List<string>();
        context.Setup(c => c.CallActivityAsync<string>(nameof(ResolveProfile), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .Callback(() => calls.Add(nameof(ResolveProfile)))
            .ReturnsAsync("p_1");
        context.Setup(c => c.CallActivityAsync<MergeProfileResult>(nameof(MergeProfile), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .Callback(() => calls.Add(nameof(MergeProfile)))
            .ReturnsAsync(new MergeProfileResult("p_1", ["email", "firstName"], Winners));
        context.Setup(c => c.CallActivityAsync(nameof(AppendTimeline), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .Callback(() => calls.Add(nameof(AppendTimeline)))
            .Returns(Task.CompletedTask);
        context.Setup(c => c.CallActivityAsync(nameof(PublishProfileChanged), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .Callback(() => calls.Add(nameof(PublishProfileChanged)))
            .Returns(Task.CompletedTask);
        context.Setup(c => c.CallActivityAsync<MatchProfileResult>(nameof(MatchProfile), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .Callback(() => calls.Add(nameof(MatchProfile)))
            .ReturnsAsync(MatchProfileResult.Off);

        var result = await ProcessEventOrchestrator.Run(context.Object);

        Assert.Equal([nameof(ResolveProfile), nameof(MergeProfile), nameof(AppendTimeline), nameof(PublishProfileChanged), nameof(MatchProfile)], calls);
        context.Verify(c => c.CallActivityAsync<MatchProfileResult>(
            nameof(MatchProfile), new MatchProfileInput("p_1"), DurableProcessEventSteps.Retry));
        var profile = Assert.Single(result.Profiles);
        Assert.Equal("p_1", profile.ProfileId);
        Assert.Equal(["email", "firstName"], profile.ChangedFields);
        Assert.Equal(ProcessEventResult.Processed, result.Outcome);
        context.Verify(c => c.CallActivityAsync(nameof(RecordUnmapped), It.IsAny<object>(), It.IsAny<TaskOptions>()), Times.Never);
        context.Verify(c => c.CallActivityAsync<string>(
            nameof(ResolveProfile), new ResolveProfileInput("shop", Person, Interaction), DurableProcessEventSteps.Retry));
        context.Verify(c => c.CallActivityAsync<MergeProfileResult>(
            nameof(MergeProfile), new MergeProfileInput("p_1", "shop", "msg_1", Person), DurableProcessEventSteps.Retry));
        context.Verify(c => c.CallActivityAsync(
            nameof(AppendTimeline), new AppendTimelineInput("p_1", Interaction), DurableProcessEventSteps.Retry));
        context.Verify(c => c.CallActivityAsync(
            nameof(PublishProfileChanged),
            It.Is<PublishProfileChangedInput>(i => i.Change.ProfileId == "p_1" && i.Change.EventId == "msg_1" && i.Change.Fields.Count == 2),
            DurableProcessEventSteps.Retry));
    }

    [Fact]
    public async Task Run_MergeChangedNothing_NoPublishActivity()
    {
        var context = CreateContext(NormalisedDelivery.Of(new NormalisedEvent("shop", "standard-webhooks", "msg_1", Person, Interaction)));
        context.Setup(c => c.CallActivityAsync<string>(nameof(ResolveProfile), It.IsAny<object>(), It.IsAny<TaskOptions>())).ReturnsAsync("p_1");
        context.Setup(c => c.CallActivityAsync<MergeProfileResult>(nameof(MergeProfile), It.IsAny<object>(), It.IsAny<TaskOptions>()))
            .ReturnsAsync(new MergeProfileResult("p_1", [], new Dictionary<string, FieldValue>()));
        context.Setup(c => c.CallActivityAsync(nameof(AppendTimeline), It.IsAny<object>(), It.IsAny<TaskOptions>())).Returns(Task.CompletedTask);

        await ProcessEventOrchestrator.Run(context.Object);

        context.Verify(c => c.CallActivityAsync(nameof(PublishProfileChanged), It.IsAny<object>(), It.IsAny<TaskOptions>()), Times.Never);
    }

    [Fact]
    public async Task Run_UnmappedEventTypes_RecordedThroughTheirActivity()
    {
        UnmappedEvent[] unmapped = [new("form.viewed", "e-9", At)];
        var context = CreateContext(new NormalisedDelivery("shop", "typeform", "msg_1", [], unmapped));
        context.Setup(c => c.CallActivityAsync(nameof(RecordUnmapped), It.IsAny<object>(), It.IsAny<TaskOptions>())).Returns(Task.CompletedTask);

        var result = await ProcessEventOrchestrator.Run(context.Object);

        Assert.Equal(1, result.UnmappedEvents);
        context.Verify(c => c.CallActivityAsync(
            nameof(RecordUnmapped),
            It.Is<RecordUnmappedInput>(i => i.Connection == "shop" && i.Provider == "typeform" && i.Events.SequenceEqual(unmapped)),
            DurableProcessEventSteps.Retry));
    }

    [Fact]
    public async Task Run_NoPersonInEvent_UnmappedWithoutTouchingProfiles()
    {
        var context = CreateContext(NormalisedDelivery.Of(new NormalisedEvent("shop", "standard-webhooks", "msg_1", null, Interaction)));

        var result = await ProcessEventOrchestrator.Run(context.Object);

        Assert.Equal(ProcessEventResult.Unmapped, result.Outcome);
        Assert.Equal(1, result.AnonymousEvents);
        Assert.Empty(result.Profiles);
        context.Verify(c => c.CallActivityAsync<string>(nameof(ResolveProfile), It.IsAny<object>(), It.IsAny<TaskOptions>()), Times.Never);
        context.Verify(c => c.CallActivityAsync(nameof(AppendTimeline), It.IsAny<object>(), It.IsAny<TaskOptions>()), Times.Never);
    }

    [Fact]
    public async Task Run_StepFailsForGood_RecordsADeadLetterAndFailsTheOrchestration()
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.GetInput<ProcessEventInput>()).Returns(Input);
        context.Protected().Setup<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        var failure = new TaskFailedException(nameof(NormaliseDelivery), 1,
            new TaskFailureDetails("IntegrationHub.Core.Workflows.ProcessEvent.DeliveryNotFoundException", "Delivery 'msg_1' on 'shop' is not in the archive.", null, null, null));
        context.Setup(c => c.CallActivityAsync<NormalisedDelivery>(nameof(NormaliseDelivery), Input, It.IsAny<TaskOptions>())).ThrowsAsync(failure);
        context.Setup(c => c.CallActivityAsync(nameof(RecordDeadLetter), It.IsAny<object>(), It.IsAny<TaskOptions>())).Returns(Task.CompletedTask);

        var thrown = await Assert.ThrowsAsync<TaskFailedException>(() => ProcessEventOrchestrator.Run(context.Object));

        Assert.Same(failure, thrown);
        context.Verify(c => c.CallActivityAsync(
            nameof(RecordDeadLetter),
            It.Is<RecordDeadLetterInput>(i => i.Connection == "shop" && i.DeliveryId == "msg_1" && i.Reason.EndsWith("DeliveryNotFoundException", StringComparison.Ordinal)),
            DurableProcessEventSteps.Retry));
    }

    [Fact]
    public async Task Run_NoInput_Throws()
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.GetInput<ProcessEventInput>()).Returns((ProcessEventInput?)null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => ProcessEventOrchestrator.Run(context.Object));
    }

    [Fact]
    public void Retry_IsARetryPolicyWithSeveralAttempts()
    {
        var policy = DurableProcessEventSteps.Retry.Retry?.Policy;

        Assert.NotNull(policy);
        Assert.True(policy.MaxNumberOfAttempts > 1);
    }

    private static Mock<TaskOrchestrationContext> CreateContext(NormalisedDelivery normalised)
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.GetInput<ProcessEventInput>()).Returns(Input);
        context.Protected().Setup<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        context.Setup(c => c.CallActivityAsync<NormalisedDelivery>(nameof(NormaliseDelivery), Input, It.IsAny<TaskOptions>()))
            .ReturnsAsync(normalised);
        return context;
    }
}
