// Compile-only stand-in for Microsoft.DurableTask.Abstractions (as pulled in by Microsoft.Azure.Functions.Worker.Extensions.DurableTask 1.19.0): TaskOrchestrationContext. Abstract, mockable exactly like the real one.
using Microsoft.Extensions.Logging;

namespace Microsoft.DurableTask;

/// <summary>
/// Context object used by orchestrators to schedule tasks, durable timers and external-event waits, and to read
/// basic information about the current orchestration. Same abstract/virtual split as the real SDK.
/// </summary>
public abstract class TaskOrchestrationContext
{
    public abstract TaskName Name { get; }

    public abstract string InstanceId { get; }

    public abstract string InstanceVersion { get; }

    public abstract ParentOrchestrationInstance? Parent { get; }

    public abstract DateTime CurrentUtcDateTime { get; }

    public abstract bool IsReplaying { get; }

    protected abstract ILoggerFactory LoggerFactory { get; }

    public abstract T? GetInput<T>();

    public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null)
        => CallActivityAsync<object>(name, input, options);

    public virtual Task CallActivityAsync(TaskName name, TaskOptions options)
        => CallActivityAsync(name, null, options);

    public virtual Task<TResult> CallActivityAsync<TResult>(TaskName name, TaskOptions options)
        => CallActivityAsync<TResult>(name, null, options);

    public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken)
        => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        using CancellationTokenSource timerCts = new();
        Task timeoutTask = CreateTimer(timeout, timerCts.Token);

        using CancellationTokenSource eventCts = new();
        Task<T> externalEventTask = WaitForExternalEvent<T>(eventName, eventCts.Token);

        Task winner = await Task.WhenAny(timeoutTask, externalEventTask).ConfigureAwait(false);
        if (winner == externalEventTask)
        {
            await timerCts.CancelAsync().ConfigureAwait(false);
        }
        else
        {
            await eventCts.CancelAsync().ConfigureAwait(false);
        }

        return await externalEventTask.ConfigureAwait(false);
    }

    public abstract void SendEvent(string instanceId, string eventName, object payload);

    public abstract void SetCustomStatus(object? customStatus);

    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);

    public virtual Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, TaskOptions options)
        => CallSubOrchestratorAsync<TResult>(orchestratorName, null, options);

    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, TaskOptions options)
        => CallSubOrchestratorAsync(orchestratorName, null, options);

    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
        => CallSubOrchestratorAsync<object>(orchestratorName, input, options);

    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    public abstract Guid NewGuid();

    public ILogger CreateReplaySafeLogger(string categoryName)
        => new ReplaySafeLogger(this, LoggerFactory.CreateLogger(categoryName));

    public virtual ILogger CreateReplaySafeLogger(Type type)
        => new ReplaySafeLogger(this, LoggerFactory.CreateLogger(type));

    public virtual ILogger CreateReplaySafeLogger<T>()
        => new ReplaySafeLogger(this, LoggerFactory.CreateLogger<T>());

    // Same delegation as the real SDK: log only when not replaying.
    private sealed class ReplaySafeLogger : ILogger
    {
        private readonly TaskOrchestrationContext _context;
        private readonly ILogger _logger;

        internal ReplaySafeLogger(TaskOrchestrationContext context, ILogger logger)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
            _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => _logger.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => _logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!_context.IsReplaying)
            {
                _logger.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
