using Azure.Messaging.ServiceBus;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Workflows.ProcessEvent;
using IntegrationHub.Functions.Webhooks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace IntegrationHub.Functions.Tests;

public sealed class StartProcessEventTests
{
    private readonly Mock<ServiceBusMessageActions> _actions = new();
    private readonly Mock<DurableTaskClient> _client = new("test");

    [Fact]
    public async Task Run_NewDelivery_StartsOrchestrationNamedAfterDeliveryAndCompletes()
    {
        var message = Message(new DeliveryMessage("shop", "msg_1"));
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object>(), It.IsAny<StartOrchestrationOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("shop:msg_1");

        await CreateSut().Run(message, _actions.Object, _client.Object, CancellationToken.None);

        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            ProcessEventWorkflow.Name,
            new ProcessEventInput("shop", "msg_1"),
            It.Is<StartOrchestrationOptions>(o => o.InstanceId == "shop:msg_1"),
            It.IsAny<CancellationToken>()));
        _actions.Verify(a => a.CompleteMessageAsync(message, It.IsAny<CancellationToken>()));
        _actions.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Run_OrchestrationAlreadyExists_CompletesWithoutStartingAnother()
    {
        var message = Message(new DeliveryMessage("shop", "msg_1"));
        _client.Setup(c => c.GetInstanceAsync("shop:msg_1", false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(ProcessEventWorkflow.Name, "shop:msg_1"));

        await CreateSut().Run(message, _actions.Object, _client.Object, CancellationToken.None);

        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object>(), It.IsAny<StartOrchestrationOptions>(), It.IsAny<CancellationToken>()), Times.Never);
        _actions.Verify(a => a.CompleteMessageAsync(message, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Run_UnreadableBody_DeadLettersWithReason()
    {
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("not json"), messageId: "m-1");

        await CreateSut().Run(message, _actions.Object, _client.Object, CancellationToken.None);

        _actions.Verify(a => a.DeadLetterMessageAsync(
            message, It.IsAny<Dictionary<string, object>>(), "UnreadableMessage", It.IsAny<string>(), It.IsAny<CancellationToken>()));
        _actions.VerifyNoOtherCalls();
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object>(), It.IsAny<StartOrchestrationOptions>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Run_SchedulingFails_AbandonsAndRethrowsSoServiceBusRedelivers()
    {
        var message = Message(new DeliveryMessage("shop", "msg_1"), deliveryCount: 3);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object>(), It.IsAny<StartOrchestrationOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("storage is slow"));

        await Assert.ThrowsAsync<TimeoutException>(() => CreateSut().Run(message, _actions.Object, _client.Object, CancellationToken.None));

        _actions.Verify(a => a.AbandonMessageAsync(message, It.IsAny<IDictionary<string, object>>(), It.IsAny<CancellationToken>()));
        _actions.Verify(a => a.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static StartProcessEvent CreateSut() => new(NullLogger<StartProcessEvent>.Instance);

    private static ServiceBusReceivedMessage Message(DeliveryMessage delivery, int deliveryCount = 1) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromObjectAsJson(delivery, DeliveryMessage.JsonOptions),
            messageId: $"{delivery.Connection}:{delivery.DeliveryId}",
            deliveryCount: deliveryCount);
}
