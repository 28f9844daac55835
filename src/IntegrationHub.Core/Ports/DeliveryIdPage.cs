namespace IntegrationHub.Core.Ports;

/// <summary>One page of archived delivery ids, oldest received first; <paramref name="Cursor"/> reads the next page,
/// null on the last.</summary>
public sealed record DeliveryIdPage(IReadOnlyList<string> DeliveryIds, string? Cursor);
