namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>The workflow's input: which archived delivery to process.</summary>
public sealed record ProcessEventInput(string Connection, string DeliveryId);
