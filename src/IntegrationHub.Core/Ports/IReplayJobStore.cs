using IntegrationHub.Core.Operations;

namespace IntegrationHub.Core.Ports;

/// <summary>Replay jobs, kept for operators to watch and cancel and for the workflow to record its progress.</summary>
public interface IReplayJobStore
{
    Task AddAsync(ReplayJob job, CancellationToken cancellationToken = default);

    /// <summary>The job, or null when there is none with that id.</summary>
    Task<ReplayJob?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Jobs newest first.</summary>
    /// <exception cref="ArgumentException">The continuation is not one this store issued.</exception>
    Task<ReplayJobPage> ListAsync(int pageSize, string? continuation, CancellationToken cancellationToken = default);

    /// <summary>Reads the job, applies <paramref name="update"/> and writes it back with optimistic concurrency,
    /// re-reading and re-applying when another writer got there first. Null when there is no such job.</summary>
    Task<ReplayJob?> UpdateAsync(string id, Func<ReplayJob, ReplayJob> update, CancellationToken cancellationToken = default);
}
