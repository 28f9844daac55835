namespace IntegrationHub.Infrastructure.Queues;

/// <summary>A message moved to the poison queue, with why.</summary>
/// <param name="MessageId">The message's id in the delivery queue.</param>
/// <param name="Body">The original message text.</param>
/// <param name="Reason">A short machine-readable reason, e.g. <c>MalformedPayload</c>.</param>
/// <param name="Description">A human-readable explanation (never personal data).</param>
/// <param name="DequeueCount">How many times it had been received.</param>
/// <param name="DeadLetteredAt">When it was moved.</param>
public sealed record DeadLetteredDelivery(
    string MessageId,
    string Body,
    string Reason,
    string Description,
    long DequeueCount,
    DateTimeOffset DeadLetteredAt);
