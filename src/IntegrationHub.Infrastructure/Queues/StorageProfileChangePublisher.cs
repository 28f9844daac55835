using System.Text;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Queues;

/// <summary>The standalone host's <c>profile-changed</c> publisher: one Storage Queue message per change, the
/// <see cref="ProfileChanged"/> as JSON text. A Storage Queue cannot take a message id, so the deterministic
/// <see cref="ProfileChanged.MessageId"/> travels in the body for consumers to deduplicate on. Messages live as long as
/// on the Service Bus topic (14 days), so a hub nobody reads from does not grow its queue for ever. A change over a
/// queue message's 64 KiB is sent trimmed (<see cref="ProfileChanged.Fit"/>).</summary>
public sealed class StorageProfileChangePublisher(StorageResources storage) : IProfileChangePublisher
{
    /// <summary>The Service Bus topic's default time to live (<c>infra/modules/servicebus.bicep</c>).</summary>
    internal static readonly TimeSpan TimeToLive = TimeSpan.FromDays(14);

    /// <summary>Azure's largest queue message.</summary>
    internal const int MaxMessageBytes = 64 * 1024;

    public async Task PublishAsync(ProfileChanged change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        // Messages are sent as UTF-8 text (no Base64 encoding is configured), so the limit is on the JSON's bytes.
        var (_, json) = change.Fit((_, utf8) => utf8.Length <= MaxMessageBytes);
        var queue = await storage.QueueAsync(StorageNames.ProfileChangedQueue, cancellationToken);
        await queue.SendMessageAsync(Encoding.UTF8.GetString(json), visibilityTimeout: null, timeToLive: TimeToLive, cancellationToken);
    }
}
