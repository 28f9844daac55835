using System.Text.Json;
using Azure.Messaging.ServiceBus;
using IntegrationHub.Core.Model;
using IntegrationHub.Functions.Transport;
using Moq;

namespace IntegrationHub.Functions.Tests;

public sealed class ServiceBusProfileChangePublisherTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly ProfileChanged Change = ProfileChanged.For(
        "p_0123456789abcdef0123456789abcdef",
        new Interaction("contact.updated", "evt_1", At, "shop", "shopify", "msg_1"),
        new Dictionary<string, FieldValue>
        {
            ["email"] = new("ada@example.com", "shop", "cus_1", At),
            ["firstName"] = new("Ada", "shop", "cus_1", At),
        });

    private readonly Mock<ServiceBusSender> _sender = new();

    private ServiceBusProfileChangePublisher CreateSut()
    {
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender(ProfileChanged.TopicName)).Returns(_sender.Object);
        return new ServiceBusProfileChangePublisher(client.Object);
    }

    private async Task<ServiceBusMessage> PublishAsync(ProfileChanged change)
    {
        ServiceBusMessage? sent = null;
        _sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((m, _) => sent = m)
            .Returns(Task.CompletedTask);
        await CreateSut().PublishAsync(change);
        return Assert.IsType<ServiceBusMessage>(sent);
    }

    [Fact]
    public async Task PublishAsync_Change_SendsJsonToTheTopicUnderItsDeterministicId()
    {
        var sent = await PublishAsync(Change);

        Assert.Equal(Change.MessageId, sent.MessageId);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("shop:msg_1", sent.CorrelationId);
        var body = JsonSerializer.Deserialize<ProfileChanged>(sent.Body.ToMemory().Span, ProfileChanged.JsonOptions)!;
        Assert.Equal((Change.MessageId, Change.ProfileId, Change.EventId, Change.DeliveryId, Change.OccurredAt),
            (body.MessageId, body.ProfileId, body.EventId, body.DeliveryId, body.OccurredAt));
        Assert.Equal(Change.Fields, body.Fields);
    }

    [Fact]
    public async Task PublishAsync_Change_PropertiesNameTheFieldsButCarryNoValues()
    {
        var sent = await PublishAsync(Change);

        Assert.Equal(Change.ProfileId, sent.ApplicationProperties[ServiceBusProfileChangePublisher.ProfileIdProperty]);
        Assert.Equal("shop", sent.ApplicationProperties[ServiceBusProfileChangePublisher.ConnectionProperty]);
        Assert.Equal("email,firstName", sent.ApplicationProperties[ServiceBusProfileChangePublisher.ChangedFieldsProperty]);
        Assert.DoesNotContain(sent.ApplicationProperties.Values, v => v is string s && (s.Contains("ada@", StringComparison.Ordinal) || s == "Ada"));
    }

    [Fact]
    public async Task PublishAsync_ChangeOverAStandardMessage_SendsItTrimmedUnderTheSameId()
    {
        var huge = ProfileChanged.For(Change.ProfileId, new Interaction("contact.updated", "evt_1", At, "shop", "shopify", "msg_1"),
            new Dictionary<string, FieldValue> { ["company"] = new(new string('c', 300_000), "shop", "cus_1", At) });

        var sent = await PublishAsync(huge);

        Assert.Equal(huge.MessageId, sent.MessageId);
        Assert.InRange(sent.Body.ToMemory().Length, 1, ServiceBusProfileChangePublisher.MaxBodyBytes);
        var body = JsonSerializer.Deserialize<ProfileChanged>(sent.Body.ToMemory().Span, ProfileChanged.JsonOptions)!;
        Assert.True(body.Truncated);
        Assert.Empty(body.Fields);
        Assert.Equal(["company"], body.ChangedFields);
        Assert.Equal("company", sent.ApplicationProperties[ServiceBusProfileChangePublisher.ChangedFieldsProperty]);
    }

    [Fact]
    public async Task PublishAsync_OperatorsRebuild_NoCorrelationIdAndTheReasonAsAProperty()
    {
        var rebuilt = ProfileChanged.Rebuilt(Change.ProfileId, "split", new ProfileChangeCause(null, null, null, At), Change.Fields, [], []);

        var sent = await PublishAsync(rebuilt);

        Assert.Null(sent.CorrelationId);
        Assert.False(sent.ApplicationProperties.ContainsKey(ServiceBusProfileChangePublisher.ConnectionProperty));
        Assert.Equal("split", sent.ApplicationProperties[ServiceBusProfileChangePublisher.ReasonProperty]);
    }

    [Fact]
    public async Task PublishAsync_TopicUnavailable_Throws()
    {
        // The activity must fail so its retry policy (and then the dead letter) applies; nothing is swallowed.
        _sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy));

        var thrown = await Assert.ThrowsAsync<ServiceBusException>(() => CreateSut().PublishAsync(Change));

        Assert.True(thrown.IsTransient);
    }
}
