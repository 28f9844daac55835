using IntegrationHub.Core.Operations;

namespace IntegrationHub.Core.Ports;

/// <summary>Deliveries the hub gave up on, kept for operators to see and replay.</summary>
public interface IDeadLetterStore
{
    /// <summary>Records a dead letter; recording the same id again replaces it.</summary>
    Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken = default);

    Task<DeadLetterPage> ListAsync(int pageSize, string? continuation, CancellationToken cancellationToken = default);

    Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task RemoveAsync(string id, CancellationToken cancellationToken = default);
}
