namespace IntegrationHub.Core.Operations;

/// <summary>A delivery the hub gave up processing: what failed, why, and how many times it was tried.</summary>
/// <param name="Id">The dead letter's id, used to replay it.</param>
/// <param name="Reason">A short machine-readable reason, e.g. <c>MalformedPayloadException</c> or <c>MaxDeliveryCountExceeded</c>.</param>
/// <param name="Description">What went wrong, in words; never the payload.</param>
/// <param name="Attempts">How many times processing was attempted.</param>
public sealed record DeadLetter(
    string Id,
    string Connection,
    string DeliveryId,
    string Reason,
    string Description,
    long Attempts,
    DateTimeOffset DeadLetteredAt);
