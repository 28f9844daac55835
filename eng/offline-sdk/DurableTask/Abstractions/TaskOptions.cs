// Compile-only stand-in for Microsoft.DurableTask.Abstractions (as pulled in by Microsoft.Azure.Functions.Worker.Extensions.DurableTask 1.19.0): TaskOptions, SubOrchestrationOptions, StartOrchestrationOptions, TaskRetryOptions. Records that hold their values.
using System.Collections.Immutable;

namespace Microsoft.DurableTask;

/// <summary>Options that can be used to control the behavior of orchestrator task execution.</summary>
public record TaskOptions
{
    public TaskOptions(TaskRetryOptions? retry)
    {
        Retry = retry;
    }

    public TaskOptions(TaskRetryOptions? retry = null, IDictionary<string, string>? tags = null)
    {
        Retry = retry;
        Tags = tags;
    }

    public TaskRetryOptions? Retry { get; init; }

    public IDictionary<string, string>? Tags { get; init; }

    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);

    public static TaskOptions FromRetryHandler(AsyncRetryHandler handler) => new(handler);

    public static TaskOptions FromRetryHandler(RetryHandler handler) => new(handler);

    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(this, instanceId);
}

/// <summary>Task options for sub-orchestrations, with an optional instance ID.</summary>
public record SubOrchestrationOptions : TaskOptions
{
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null)
        : base(retry)
    {
        InstanceId = instanceId;
    }

    public SubOrchestrationOptions(TaskOptions options, string? instanceId = null)
        : base(options)
    {
        InstanceId = instanceId;
        if (instanceId is null && options is SubOrchestrationOptions derived)
        {
            InstanceId = derived.InstanceId;
        }
    }

    public string? InstanceId { get; init; }
}

/// <summary>Options for submitting new orchestrations via the client.</summary>
public record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null)
{
    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary.Create<string, string>();
}

/// <summary>Task retry options: either a declarative <see cref="RetryPolicy"/> or an imperative handler.</summary>
public sealed class TaskRetryOptions
{
    public TaskRetryOptions(RetryPolicy policy)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    public TaskRetryOptions(AsyncRetryHandler handler)
    {
        Handler = handler ?? throw new ArgumentNullException(nameof(handler));
    }

    public RetryPolicy? Policy { get; }

    public AsyncRetryHandler? Handler { get; }

    public static implicit operator TaskRetryOptions(RetryPolicy policy) => FromRetryPolicy(policy);

    public static implicit operator TaskRetryOptions(AsyncRetryHandler handler) => FromRetryHandler(handler);

    public static implicit operator TaskRetryOptions(RetryHandler handler) => FromRetryHandler(handler);

    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);

    public static TaskRetryOptions FromRetryHandler(AsyncRetryHandler handler) => new(handler);

    public static TaskRetryOptions FromRetryHandler(RetryHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return FromRetryHandler(context => Task.FromResult(handler.Invoke(context)));
    }
}
