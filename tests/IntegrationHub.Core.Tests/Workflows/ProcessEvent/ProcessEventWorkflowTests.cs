using IntegrationHub.Core.Model;
using IntegrationHub.Core.Workflows.ProcessEvent;
using Moq;

namespace IntegrationHub.Core.Tests.Workflows.ProcessEvent;

public sealed class ProcessEventWorkflowTests
{
    private const string Connection = "shop";
    private const string DeliveryId = "msg_1";
    private const string ProfileId = "p_0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset OccurredAt = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ProcessEventInput Input = new(Connection, DeliveryId);
    private static readonly Interaction Interaction =
        new("contact.updated", "evt_9", OccurredAt, Connection, "standard-webhooks", DeliveryId);
    private static readonly PersonTraits Person = new("cus_1", OccurredAt, "ada@example.com", "Ada", null, null);

    private static Mock<IProcessEventSteps> CreateSut() => new(MockBehavior.Strict);

    [Fact]
    public async Task RunAsync_EventAboutAPerson_CallsEveryStepInOrderWithTheRightInputs()
    {
        // Arrange
        var steps = CreateSut();
        var sequence = new MockSequence();
        steps.InSequence(sequence).Setup(s => s.NormaliseAsync(Input))
            .ReturnsAsync(new NormalisedEvent(Connection, "standard-webhooks", DeliveryId, Person, Interaction));
        steps.InSequence(sequence).Setup(s => s.ResolveProfileAsync(new ResolveProfileInput(Connection, Person)))
            .ReturnsAsync(ProfileId);
        steps.InSequence(sequence).Setup(s => s.MergeProfileAsync(new MergeProfileInput(ProfileId, Connection, "evt_9", Person)))
            .ReturnsAsync(new MergeProfileResult(ProfileId, ["email", "firstName"]));
        steps.InSequence(sequence).Setup(s => s.AppendTimelineAsync(new AppendTimelineInput(ProfileId, Interaction)))
            .Returns(Task.CompletedTask);

        // Act
        var result = await ProcessEventWorkflow.RunAsync(steps.Object, Input);

        // Assert
        Assert.Equal(DeliveryId, result.DeliveryId);
        Assert.Equal(ProcessEventResult.Processed, result.Outcome);
        Assert.Equal(ProfileId, result.ProfileId);
        Assert.Equal(["email", "firstName"], result.ChangedFields);
        steps.Verify(s => s.NormaliseAsync(Input), Times.Once);
        steps.Verify(s => s.ResolveProfileAsync(It.IsAny<ResolveProfileInput>()), Times.Once);
        steps.Verify(s => s.MergeProfileAsync(It.IsAny<MergeProfileInput>()), Times.Once);
        steps.Verify(s => s.AppendTimelineAsync(It.IsAny<AppendTimelineInput>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_EventAboutNoOne_IsUnmappedAndCallsNoFurtherStep()
    {
        // Arrange
        var steps = CreateSut();
        steps.Setup(s => s.NormaliseAsync(Input))
            .ReturnsAsync(new NormalisedEvent(Connection, "standard-webhooks", DeliveryId, null, Interaction));

        // Act
        var result = await ProcessEventWorkflow.RunAsync(steps.Object, Input);

        // Assert
        Assert.Equal(DeliveryId, result.DeliveryId);
        Assert.Equal(ProcessEventResult.Unmapped, result.Outcome);
        Assert.Null(result.ProfileId);
        Assert.Empty(result.ChangedFields);
        steps.Verify(s => s.NormaliseAsync(Input), Times.Once);
        steps.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RunAsync_StepFails_PropagatesAndStops()
    {
        // Arrange: a failing step is for the host to retry; the workflow must not skip past it.
        var steps = CreateSut();
        steps.Setup(s => s.NormaliseAsync(Input))
            .ReturnsAsync(new NormalisedEvent(Connection, "standard-webhooks", DeliveryId, Person, Interaction));
        steps.Setup(s => s.ResolveProfileAsync(It.IsAny<ResolveProfileInput>())).ThrowsAsync(new TimeoutException());

        // Act
        var thrown = await Record.ExceptionAsync(() => ProcessEventWorkflow.RunAsync(steps.Object, Input));

        // Assert
        Assert.IsType<TimeoutException>(thrown);
        steps.Verify(s => s.MergeProfileAsync(It.IsAny<MergeProfileInput>()), Times.Never);
        steps.Verify(s => s.AppendTimelineAsync(It.IsAny<AppendTimelineInput>()), Times.Never);
    }
}
