using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

/// <summary>Keeps what was queued; <see cref="OnEnqueue"/> runs on each message (to fail, or to act mid-run).</summary>
public sealed class RecordingDeliveryQueue : IDeliveryQueue
{
    private readonly List<DeliveryMessage> _messages = [];

    public Action<DeliveryMessage>? OnEnqueue { get; set; }

    public IReadOnlyList<DeliveryMessage> Messages
    {
        get { lock (_messages) { return [.. _messages]; } }
    }

    public Task EnqueueAsync(DeliveryMessage message, CancellationToken cancellationToken = default)
    {
        OnEnqueue?.Invoke(message);
        lock (_messages)
        {
            _messages.Add(message);
        }
        return Task.CompletedTask;
    }
}
