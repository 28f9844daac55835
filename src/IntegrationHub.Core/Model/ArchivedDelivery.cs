namespace IntegrationHub.Core.Model;

/// <summary>A verified delivery as archived: raw headers and body, kept so it can be processed again at any time.</summary>
public sealed record ArchivedDelivery(
    string Connection,
    string Provider,
    string DeliveryId,
    DateTimeOffset ReceivedAt,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body);
