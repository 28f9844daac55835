using Azure.Messaging.ServiceBus;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Functions.Webhooks;

/// <summary>Starts one process-event orchestration per queued delivery, with the delivery as the instance id, and
/// settles the message explicitly: complete once started, dead-letter what can never be read, abandon on anything
/// transient so Service Bus redelivers it until MaxDeliveryCount.</summary>
public sealed partial class StartProcessEvent(ILogger<StartProcessEvent> logger)
{
    [Function(nameof(StartProcessEvent))]
    public async Task Run(
        [ServiceBusTrigger(DeliveryMessage.QueueName, Connection = FunctionsHostExtensions.ServiceBusConnection, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions messageActions,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (DeliveryMessage.TryParse(message.Body.ToMemory().Span) is not { } delivery)
        {
            LogUnreadable(message.MessageId);
            await messageActions.DeadLetterMessageAsync(
                message,
                deadLetterReason: "UnreadableMessage",
                deadLetterErrorDescription: "The body is not a delivery message (connection and delivery id).",
                cancellationToken: cancellationToken);
            return;
        }

        try
        {
            var instanceId = OrchestrationInstanceId(delivery);
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null)
            {
                await client.ScheduleNewOrchestrationInstanceAsync(
                    ProcessEventWorkflow.Name,
                    new ProcessEventInput(delivery.Connection, delivery.DeliveryId),
                    new StartOrchestrationOptions(instanceId),
                    cancellationToken);
            }
            await messageActions.CompleteMessageAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogTransient(exception, message.MessageId, message.DeliveryCount);
            await messageActions.AbandonMessageAsync(message, cancellationToken: cancellationToken);
            throw;
        }
    }

    /// <summary>The orchestration for a delivery is named after it, so a redelivered message starts nothing new.</summary>
    internal static string OrchestrationInstanceId(DeliveryMessage delivery) =>
        Transport.ServiceBusDeliveryQueue.MessageId(delivery);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead-lettered unreadable message {MessageId}")]
    private partial void LogUnreadable(string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start processing message {MessageId} (delivery {DeliveryCount}); abandoning it")]
    private partial void LogTransient(Exception exception, string messageId, int deliveryCount);
}
