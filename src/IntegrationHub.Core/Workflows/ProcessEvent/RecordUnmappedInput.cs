using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Workflows.ProcessEvent;

public sealed record RecordUnmappedInput(string Connection, string Provider, string DeliveryId, IReadOnlyList<UnmappedEvent> Events);
