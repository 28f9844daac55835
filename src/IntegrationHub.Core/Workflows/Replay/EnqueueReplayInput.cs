using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Workflows.Replay;

public sealed record EnqueueReplayInput(string JobId, IReadOnlyList<DeliveryMessage> Messages);
