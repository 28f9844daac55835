namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>A delivery whose processing failed for good, for the dead letters operators see.</summary>
public sealed record RecordDeadLetterInput(string Connection, string DeliveryId, string Reason, string Description, long Attempts);
