// Compile-only stand-in for Microsoft.DurableTask.Client (as pulled in by Microsoft.Azure.Functions.Worker.Extensions.DurableTask 1.19.0): OrchestrationMetadata, OrchestrationRuntimeStatus, OrchestrationQuery, PurgeResult, PurgeInstanceOptions, TerminateInstanceOptions. Data carriers hold their values.
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Microsoft.DurableTask.Client;

/// <summary>A snapshot of an orchestration instance's current state, including metadata.</summary>
public sealed class OrchestrationMetadata
{
    public OrchestrationMetadata(string name, string instanceId)
    {
        Name = name;
        InstanceId = instanceId;
    }

    public string Name { get; }

    public string InstanceId { get; }

    public DataConverter? DataConverter { get; init; }

    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    public string? SerializedInput { get; init; }

    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary.Create<string, string>();

    public TaskFailureDetails? FailureDetails { get; init; }

    public bool IsRunning => RuntimeStatus == OrchestrationRuntimeStatus.Running;

    public bool IsCompleted =>
        RuntimeStatus == OrchestrationRuntimeStatus.Completed ||
        RuntimeStatus == OrchestrationRuntimeStatus.Failed ||
        RuntimeStatus == OrchestrationRuntimeStatus.Terminated;

    [MemberNotNullWhen(true, nameof(DataConverter))]
    private bool RequestedInputsAndOutputs => DataConverter is not null;

    public T? ReadInputAs<T>()
    {
        if (!RequestedInputsAndOutputs)
        {
            throw new InvalidOperationException($"The {nameof(ReadInputAs)} method can only be used on {nameof(OrchestrationMetadata)} objects that are fetched with the option to include input data.");
        }

        return DataConverter.Deserialize<T>(SerializedInput);
    }

    public T? ReadOutputAs<T>()
    {
        if (!RequestedInputsAndOutputs)
        {
            throw new InvalidOperationException($"The {nameof(ReadOutputAs)} method can only be used on {nameof(OrchestrationMetadata)} objects that are fetched with the option to include output data.");
        }

        return DataConverter.Deserialize<T>(SerializedOutput);
    }

    public T? ReadCustomStatusAs<T>()
    {
        if (!RequestedInputsAndOutputs)
        {
            throw new InvalidOperationException($"The {nameof(ReadCustomStatusAs)} method can only be used on {nameof(OrchestrationMetadata)} objects that are fetched with the option to include input and output data.");
        }

        return DataConverter.Deserialize<T>(SerializedCustomStatus);
    }

    public override string ToString() =>
        $"[Name: '{Name}', ID: '{InstanceId}', RuntimeStatus: {RuntimeStatus}, CreatedAt: {CreatedAt:s}, LastUpdatedAt: {LastUpdatedAt:s}]";
}

/// <summary>The runtime status of an orchestration.</summary>
public enum OrchestrationRuntimeStatus
{
    Running,
    Completed,
    [Obsolete("The ContinuedAsNew status is obsolete and exists only for compatibility reasons.")]
    ContinuedAsNew,
    Failed,
    [Obsolete("The Canceled status is not currently used and exists only for compatibility reasons.")]
    Canceled,
    Terminated,
    Pending,
    Suspended,
}

/// <summary>A filter for querying orchestration instances.</summary>
public record OrchestrationQuery(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null,
    IEnumerable<string>? TaskHubNames = null,
    string? InstanceIdPrefix = null,
    int PageSize = OrchestrationQuery.DefaultPageSize,
    bool FetchInputsAndOutputs = false,
    string? ContinuationToken = null)
{
    public const int DefaultPageSize = 100;
}

/// <summary>Results of a purge operation.</summary>
public class PurgeResult
{
    public PurgeResult(int count, bool? isComplete)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        PurgedInstanceCount = count;
        IsComplete = isComplete;
    }

    public int PurgedInstanceCount { get; }

    public bool? IsComplete { get; }
}

/// <summary>Options to purge an orchestration.</summary>
public record PurgeInstanceOptions(bool Recursive = false);

/// <summary>Options to terminate an orchestration.</summary>
public record TerminateInstanceOptions
{
    public TerminateInstanceOptions(object? output = null, bool recursive = true)
    {
        Output = output;
        Recursive = recursive;
    }

    public object? Output { get; init; }

    public bool Recursive { get; init; }
}
