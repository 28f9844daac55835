using Azure.Messaging.ServiceBus;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Functions.Transport;

/// <summary>Publishes profile changes to the Service Bus topic <c>profile-changed</c>. The message id is the change's
/// deterministic id, so the topic's duplicate detection drops a change published twice (a retried activity, a replayed
/// orchestration); the application properties name the profile, the source (when an event caused the change), the
/// reason and the changed fields — never their values — so subscriptions can filter without reading bodies. A change
/// too large for a Standard-tier message is sent trimmed (<see cref="ProfileChanged.Fit"/>).</summary>
internal sealed class ServiceBusProfileChangePublisher(ServiceBusClient client) : IProfileChangePublisher
{
    public const string ProfileIdProperty = "profileId";
    public const string ConnectionProperty = "connection";
    public const string ChangedFieldsProperty = "changedFields";
    public const string ReasonProperty = "reason";

    /// <summary>A Standard-tier message holds 256 KB, headers and properties included (at most 64 KB of them): the
    /// body gets the rest.</summary>
    internal const int MaxBodyBytes = 192 * 1024;

    /// <summary>The <see cref="ChangedFieldsProperty"/> must stay well inside the 64 KB of headers.</summary>
    internal const int MaxChangedFieldsChars = 32 * 1024;

    private readonly ServiceBusSender _sender = client.CreateSender(ProfileChanged.TopicName);

    public Task PublishAsync(ProfileChanged change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (sent, json) = change.Fit((c, utf8) =>
            utf8.Length <= MaxBodyBytes && c.ChangedFields.Sum(f => f.Length + 1) <= MaxChangedFieldsChars);
        change = sent;
        var message = new ServiceBusMessage(new BinaryData(json))
        {
            MessageId = change.MessageId,
            ContentType = "application/json",
            Subject = ProfileChanged.TopicName,
        };
        if (change.Connection is { } connection)
        {
            message.ApplicationProperties[ConnectionProperty] = connection;
            if (change.DeliveryId is { } deliveryId)
            {
                // The same id the inbound delivery carried, so a change can be traced to the message that caused it.
                message.CorrelationId = ServiceBusDeliveryQueue.MessageId(new DeliveryMessage(connection, deliveryId));
            }
        }
        message.ApplicationProperties[ProfileIdProperty] = change.ProfileId;
        message.ApplicationProperties[ChangedFieldsProperty] = string.Join(',', change.ChangedFields);
        message.ApplicationProperties[ReasonProperty] = change.Reason;
        return _sender.SendMessageAsync(message, cancellationToken);
    }
}
