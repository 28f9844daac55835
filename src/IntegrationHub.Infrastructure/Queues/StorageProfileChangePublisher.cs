using System.Text;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Queues;

/// <summary>The standalone host's <c>profile-changed</c> publisher: a Storage Queue message holding the
/// <see cref="ProfileChanged"/> as JSON text — or, for changes published while the previous send was in flight, a JSON
/// array of them (group commit, as the delivery queue does: Azurite writes queue messages one at a time with a disk
/// flush each, so one message per change would bound processing at the disk's flush rate). Each caller returns once the
/// message holding its change is stored. A Storage Queue cannot take a message id, so the deterministic
/// <see cref="ProfileChanged.MessageId"/> travels in the body for consumers to deduplicate on. Messages live as long as
/// on the Service Bus topic (14 days), so a hub nobody reads from does not grow its queue for ever. A change over a
/// queue message's 64 KiB is sent trimmed (<see cref="ProfileChanged.Fit"/>).</summary>
public sealed class StorageProfileChangePublisher : IProfileChangePublisher
{
    /// <summary>The Service Bus topic's default time to live (<c>infra/modules/servicebus.bicep</c>).</summary>
    internal static readonly TimeSpan TimeToLive = TimeSpan.FromDays(14);

    /// <summary>Azure's largest queue message.</summary>
    internal const int MaxMessageBytes = 64 * 1024;

    /// <summary>Changes in one queue message at most.</summary>
    internal const int MaxPerMessage = 100;

    private readonly GroupCommit _sends;

    public StorageProfileChangePublisher(StorageResources storage)
    {
        _sends = new GroupCommit(async batch =>
        {
            var queue = await storage.QueueAsync(StorageNames.ProfileChangedQueue, CancellationToken.None);
            await queue.SendMessageAsync(GroupCommit.Body(batch), visibilityTimeout: null, timeToLive: TimeToLive, CancellationToken.None);
        }, MaxPerMessage, StorageDeliveryQueue.MaxMessageBytes);
    }

    public async Task PublishAsync(ProfileChanged change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        // Messages are sent as UTF-8 text (no Base64 encoding is configured), so the limit is on the JSON's bytes.
        var (_, json) = change.Fit((_, utf8) => utf8.Length <= MaxMessageBytes);
        await _sends.AddAsync(Encoding.UTF8.GetString(json), cancellationToken);
    }
}
