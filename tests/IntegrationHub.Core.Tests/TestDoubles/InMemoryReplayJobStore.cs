using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

/// <summary>Jobs in a dictionary; updates are atomic, as the ETag makes them in Table Storage.</summary>
public sealed class InMemoryReplayJobStore : IReplayJobStore
{
    private readonly Dictionary<string, ReplayJob> _jobs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ReplayJob> Jobs => _jobs.Values;

    public Task AddAsync(ReplayJob job, CancellationToken cancellationToken = default)
    {
        _jobs.Add(job.Id, job);
        return Task.CompletedTask;
    }

    public Task<ReplayJob?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_jobs)
        {
            return Task.FromResult(_jobs.GetValueOrDefault(id));
        }
    }

    public Task<ReplayJobPage> ListAsync(int pageSize, string? continuation, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ReplayJobPage([.. _jobs.Values.OrderBy(j => j.Id, StringComparer.Ordinal).Take(pageSize)], null));

    public Task<ReplayJob?> UpdateAsync(string id, Func<ReplayJob, ReplayJob> update, CancellationToken cancellationToken = default)
    {
        lock (_jobs)
        {
            if (!_jobs.TryGetValue(id, out var job))
            {
                return Task.FromResult<ReplayJob?>(null);
            }
            _jobs[id] = update(job);
            return Task.FromResult<ReplayJob?>(_jobs[id]);
        }
    }
}
