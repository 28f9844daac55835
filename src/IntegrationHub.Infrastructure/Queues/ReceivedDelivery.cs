using IntegrationHub.Core.Model;

namespace IntegrationHub.Infrastructure.Queues;

/// <summary>A message taken from the delivery queue, invisible to other consumers until its visibility runs out.</summary>
/// <param name="MessageId">The queue's id for the message: stable across redeliveries, so handlers can be idempotent on it.</param>
/// <param name="PopReceipt">Proof of this receipt; settling the message needs it.</param>
/// <param name="DequeueCount">How many times the message has been received, this time included.</param>
/// <param name="Body">The raw message text.</param>
/// <param name="Messages">The deliveries it names: one, or several sent together (see <see cref="StorageDeliveryQueue"/>);
/// empty when <paramref name="ParseError"/> says why it could not be read.</param>
/// <param name="ParseError">Why the body is not a delivery message (a poison message), or null.</param>
public sealed record ReceivedDelivery(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    string Body,
    IReadOnlyList<DeliveryMessage> Messages,
    string? ParseError)
{
    /// <summary>The delivery, when the message names exactly one.</summary>
    public DeliveryMessage? Message => Messages.Count == 1 ? Messages[0] : null;
}
