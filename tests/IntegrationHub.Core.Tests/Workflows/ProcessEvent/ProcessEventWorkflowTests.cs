using IntegrationHub.Core.Matching.Pipeline;
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
    private static readonly Dictionary<string, FieldValue> Winners = new()
    {
        ["email"] = new("ada@example.com", Connection, "cus_1", OccurredAt),
        ["firstName"] = new("Ada", Connection, "cus_1", OccurredAt),
    };

    private static Mock<IProcessEventSteps> CreateSut() => new(MockBehavior.Strict);

    /// <summary>Steps for one event about <see cref="Person"/> whose merge returns <paramref name="merged"/>; publishing
    /// is left for the test to set up, so the strict mock refuses a publish it did not expect.</summary>
    private static Mock<IProcessEventSteps> OneEventMerging(MergeProfileResult merged)
    {
        var steps = CreateSut();
        steps.Setup(s => s.NormaliseAsync(Input))
            .ReturnsAsync(NormalisedDelivery.Of(new NormalisedEvent(Connection, "standard-webhooks", DeliveryId, Person, Interaction)));
        steps.Setup(s => s.ResolveProfileAsync(It.IsAny<ResolveProfileInput>())).ReturnsAsync(ProfileId);
        steps.Setup(s => s.MergeProfileAsync(It.IsAny<MergeProfileInput>())).ReturnsAsync(merged);
        steps.Setup(s => s.AppendTimelineAsync(It.IsAny<AppendTimelineInput>())).Returns(Task.CompletedTask);
        steps.Setup(s => s.MatchProfileAsync(It.IsAny<MatchProfileInput>())).ReturnsAsync(MatchProfileResult.Off);
        return steps;
    }

    [Fact]
    public async Task RunAsync_EventAboutAPerson_CallsEveryStepInOrderWithTheRightInputs()
    {
        // Arrange
        var steps = CreateSut();
        var sequence = new MockSequence();
        steps.InSequence(sequence).Setup(s => s.NormaliseAsync(Input))
            .ReturnsAsync(NormalisedDelivery.Of(new NormalisedEvent(Connection, "standard-webhooks", DeliveryId, Person, Interaction)));
        steps.InSequence(sequence).Setup(s => s.ResolveProfileAsync(new ResolveProfileInput(Connection, Person, Interaction)))
            .ReturnsAsync(ProfileId);
        steps.InSequence(sequence).Setup(s => s.MergeProfileAsync(new MergeProfileInput(ProfileId, Connection, "evt_9", Person)))
            .ReturnsAsync(new MergeProfileResult(ProfileId, ["email", "firstName"], Winners));
        steps.InSequence(sequence).Setup(s => s.AppendTimelineAsync(new AppendTimelineInput(ProfileId, Interaction)))
            .Returns(Task.CompletedTask);
        steps.InSequence(sequence).Setup(s => s.PublishProfileChangedAsync(It.IsAny<PublishProfileChangedInput>()))
            .Returns(Task.CompletedTask);
        steps.InSequence(sequence).Setup(s => s.MatchProfileAsync(new MatchProfileInput(ProfileId)))
            .ReturnsAsync(MatchProfileResult.Off);

        // Act
        var result = await ProcessEventWorkflow.RunAsync(steps.Object, Input);

        // Assert
        Assert.Equal(DeliveryId, result.DeliveryId);
        Assert.Equal(ProcessEventResult.Processed, result.Outcome);
        var profile = Assert.Single(result.Profiles);
        Assert.Equal(ProfileId, profile.ProfileId);
        Assert.Equal(["email", "firstName"], profile.ChangedFields);
        steps.Verify(s => s.NormaliseAsync(Input), Times.Once);
        steps.Verify(s => s.ResolveProfileAsync(It.IsAny<ResolveProfileInput>()), Times.Once);
        steps.Verify(s => s.MergeProfileAsync(It.IsAny<MergeProfileInput>()), Times.Once);
        steps.Verify(s => s.AppendTimelineAsync(It.IsAny<AppendTimelineInput>()), Times.Once);
        steps.Verify(s => s.PublishProfileChangedAsync(It.IsAny<PublishProfileChangedInput>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_MergeChangedFields_PublishesTheChangedValuesWithTheEventsProvenance()
    {
        // Arrange
        var steps = OneEventMerging(new MergeProfileResult(ProfileId, ["email", "firstName"], Winners));
        PublishProfileChangedInput? published = null;
        steps.Setup(s => s.PublishProfileChangedAsync(It.IsAny<PublishProfileChangedInput>()))
            .Callback((PublishProfileChangedInput i) => published = i)
            .Returns(Task.CompletedTask);

        // Act
        var result = await ProcessEventWorkflow.RunAsync(steps.Object, Input);

        // Assert
        var change = published!.Change;
        Assert.Equal((ProfileId, Connection, "evt_9", DeliveryId, OccurredAt),
            (change.ProfileId, change.Connection, change.EventId, change.DeliveryId, change.OccurredAt));
        Assert.Equal(Winners, change.Fields);
        Assert.Equal(ProfileChanged.For(ProfileId, Interaction, Winners).MessageId, change.MessageId);
        Assert.StartsWith($"{ProfileId}:{Connection}:evt_9:", change.MessageId, StringComparison.Ordinal);
        // The workflow's own result (the orchestration's output) names the fields but carries no values.
        Assert.Null(Assert.Single(result.Profiles).Winners);
    }

    [Fact]
    public async Task RunAsync_DuplicateEventChangesNothing_PublishesNothing()
    {
        // Arrange: the merge reports no change, as for an event the profile already holds.
        var steps = OneEventMerging(new MergeProfileResult(ProfileId, [], new Dictionary<string, FieldValue>()));

        // Act
        var result = await ProcessEventWorkflow.RunAsync(steps.Object, Input);

        // Assert: the strict mock would throw on a publish; say so plainly too.
        Assert.Equal(ProcessEventResult.Processed, result.Outcome);
        steps.Verify(s => s.PublishProfileChangedAsync(It.IsAny<PublishProfileChangedInput>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_PersonWhoLinksNoOne_CountsAsAnonymousAndIsNotMerged()
    {
        // Arrange: every identifier is blocked or shared, so the graph gives the event no profile.
        var steps = CreateSut();
        steps.Setup(s => s.NormaliseAsync(Input))
            .ReturnsAsync(NormalisedDelivery.Of(new NormalisedEvent(Connection, "standard-webhooks", DeliveryId, Person, Interaction)));
        steps.Setup(s => s.ResolveProfileAsync(new ResolveProfileInput(Connection, Person, Interaction))).ReturnsAsync((string?)null);

        // Act
        var result = await ProcessEventWorkflow.RunAsync(steps.Object, Input);

        // Assert
        Assert.Empty(result.Profiles);
        Assert.Equal(1, result.AnonymousEvents);
        steps.Verify(s => s.MergeProfileAsync(It.IsAny<MergeProfileInput>()), Times.Never);
        steps.Verify(s => s.AppendTimelineAsync(It.IsAny<AppendTimelineInput>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_EventAboutNoOne_IsUnmappedAndCallsNoFurtherStep()
    {
        // Arrange
        var steps = CreateSut();
        steps.Setup(s => s.NormaliseAsync(Input))
            .ReturnsAsync(NormalisedDelivery.Of(new NormalisedEvent(Connection, "standard-webhooks", DeliveryId, null, Interaction)));

        // Act
        var result = await ProcessEventWorkflow.RunAsync(steps.Object, Input);

        // Assert
        Assert.Equal(DeliveryId, result.DeliveryId);
        Assert.Equal(ProcessEventResult.Unmapped, result.Outcome);
        Assert.Empty(result.Profiles);
        Assert.Equal(1, result.AnonymousEvents);
        steps.Verify(s => s.NormaliseAsync(Input), Times.Once);
        steps.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RunAsync_StepFails_PropagatesAndStops()
    {
        // Arrange: a failing step is for the host to retry; the workflow must not skip past it.
        var steps = CreateSut();
        steps.Setup(s => s.NormaliseAsync(Input))
            .ReturnsAsync(NormalisedDelivery.Of(new NormalisedEvent(Connection, "standard-webhooks", DeliveryId, Person, Interaction)));
        steps.Setup(s => s.ResolveProfileAsync(It.IsAny<ResolveProfileInput>())).ThrowsAsync(new TimeoutException());

        // Act
        var thrown = await Record.ExceptionAsync(() => ProcessEventWorkflow.RunAsync(steps.Object, Input));

        // Assert
        Assert.IsType<TimeoutException>(thrown);
        steps.Verify(s => s.MergeProfileAsync(It.IsAny<MergeProfileInput>()), Times.Never);
        steps.Verify(s => s.AppendTimelineAsync(It.IsAny<AppendTimelineInput>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_MergeChangedNoFieldMatchingReads_DoesNotMatch()
    {
        // Arrange: the strict mock has no MatchProfileAsync, so a call would throw.
        var steps = CreateSut();
        steps.Setup(s => s.NormaliseAsync(Input))
            .ReturnsAsync(NormalisedDelivery.Of(new NormalisedEvent(Connection, "standard-webhooks", DeliveryId, Person, Interaction)));
        steps.Setup(s => s.ResolveProfileAsync(It.IsAny<ResolveProfileInput>())).ReturnsAsync(ProfileId);
        steps.Setup(s => s.MergeProfileAsync(It.IsAny<MergeProfileInput>()))
            .ReturnsAsync(new MergeProfileResult(ProfileId, ["company"], new Dictionary<string, FieldValue> { ["company"] = new("Analytical Engines", Connection, "cus_1", OccurredAt) }));
        steps.Setup(s => s.AppendTimelineAsync(It.IsAny<AppendTimelineInput>())).Returns(Task.CompletedTask);
        steps.Setup(s => s.PublishProfileChangedAsync(It.IsAny<PublishProfileChangedInput>())).Returns(Task.CompletedTask);

        // Act
        await ProcessEventWorkflow.RunAsync(steps.Object, Input);

        // Assert
        steps.Verify(s => s.MatchProfileAsync(It.IsAny<MatchProfileInput>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_BatchWithUnmappedTypes_RecordsThemAndProcessesEachEvent()
    {
        // Arrange: one delivery, two people and one event type the provider does not map.
        var steps = CreateSut();
        var grace = Person with { SourceRecordId = "cus_2", Email = "grace@example.com" };
        var second = Interaction with { EventId = "evt_10" };
        UnmappedEvent[] unmapped = [new("contact.privacyDeletion", "evt_11", OccurredAt)];
        steps.Setup(s => s.NormaliseAsync(Input)).ReturnsAsync(new NormalisedDelivery(Connection, "hubspot", DeliveryId,
            [new(Connection, "hubspot", DeliveryId, Person, Interaction), new(Connection, "hubspot", DeliveryId, grace, second)], unmapped));
        steps.Setup(s => s.RecordUnmappedAsync(It.Is<RecordUnmappedInput>(i => i.Provider == "hubspot" && i.Events.SequenceEqual(unmapped))))
            .Returns(Task.CompletedTask);
        steps.Setup(s => s.ResolveProfileAsync(It.IsAny<ResolveProfileInput>()))
            .ReturnsAsync((ResolveProfileInput i) => i.Person.SourceRecordId == "cus_1" ? ProfileId : "p_ffffffffffffffffffffffffffffffff");
        steps.Setup(s => s.MergeProfileAsync(It.IsAny<MergeProfileInput>()))
            .ReturnsAsync((MergeProfileInput i) => new MergeProfileResult(i.ProfileId, ["email"],
                new Dictionary<string, FieldValue> { ["email"] = new(i.Person.Email!, Connection, i.Person.SourceRecordId!, OccurredAt) }));
        steps.Setup(s => s.AppendTimelineAsync(It.IsAny<AppendTimelineInput>())).Returns(Task.CompletedTask);
        steps.Setup(s => s.PublishProfileChangedAsync(It.IsAny<PublishProfileChangedInput>())).Returns(Task.CompletedTask);
        steps.Setup(s => s.MatchProfileAsync(It.IsAny<MatchProfileInput>())).ReturnsAsync(MatchProfileResult.Off);

        // Act
        var result = await ProcessEventWorkflow.RunAsync(steps.Object, Input);

        // Assert
        Assert.Equal([ProfileId, "p_ffffffffffffffffffffffffffffffff"], result.Profiles.Select(p => p.ProfileId));
        Assert.Equal(1, result.UnmappedEvents);
        steps.Verify(s => s.RecordUnmappedAsync(It.IsAny<RecordUnmappedInput>()), Times.Once);
        steps.Verify(s => s.AppendTimelineAsync(new AppendTimelineInput("p_ffffffffffffffffffffffffffffffff", second)), Times.Once);
        steps.Verify(s => s.PublishProfileChangedAsync(It.Is<PublishProfileChangedInput>(
            i => i.Change.ProfileId == "p_ffffffffffffffffffffffffffffffff" && i.Change.EventId == "evt_10"
                && i.Change.Fields["email"].Value == "grace@example.com")), Times.Once);
        steps.Verify(s => s.PublishProfileChangedAsync(It.IsAny<PublishProfileChangedInput>()), Times.Exactly(2));
    }
}
