// Compile-only stand-in for Microsoft.Azure.Functions.Worker.Extensions.DurableTask 1.19.0 (DurableTaskClientExtensions, HttpManagementPayload). The extension methods need the worker's serializer and bindings, so they throw.
using System.Net;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Extensions for <see cref="DurableTaskClient"/>.</summary>
public static class DurableTaskClientExtensions
{
    private const string Message = global::OfflineSdk.DurableTask.Messages.CompileOnly;

    public static Task<HttpResponseData> WaitForCompletionOrCreateCheckStatusResponseAsync(
        this DurableTaskClient client,
        HttpRequestData request,
        string instanceId,
        TimeSpan? retryInterval = null,
        bool returnInternalServerErrorOnFailure = false,
        bool getInputsAndOutputs = false,
        CancellationToken cancellation = default)
        => throw new NotSupportedException(Message);

    public static Task<HttpResponseData> CreateCheckStatusResponseAsync(
        this DurableTaskClient client,
        HttpRequestData request,
        string instanceId,
        CancellationToken cancellation = default)
        => throw new NotSupportedException(Message);

    public static Task<HttpResponseData> CreateCheckStatusResponseAsync(
        this DurableTaskClient client,
        HttpRequestData request,
        string instanceId,
        HttpStatusCode statusCode,
        CancellationToken cancellation = default)
        => throw new NotSupportedException(Message);

    public static HttpResponseData CreateCheckStatusResponse(
        this DurableTaskClient client,
        HttpRequestData request,
        string instanceId,
        CancellationToken cancellation = default)
        => throw new NotSupportedException(Message);

    public static HttpResponseData CreateCheckStatusResponse(
        this DurableTaskClient client,
        HttpRequestData request,
        string instanceId,
        HttpStatusCode statusCode,
        CancellationToken cancellation = default)
        => throw new NotSupportedException(Message);

    public static HttpManagementPayload CreateHttpManagementPayload(
        this DurableTaskClient client,
        string instanceId,
        HttpRequestData? request = null)
        => throw new NotSupportedException(Message);
}

/// <summary>Data structure containing status, terminate and send-external-event HTTP endpoints.</summary>
public class HttpManagementPayload
{
    public string? Id { get; internal set; }

    public string? StatusQueryGetUri { get; internal set; }

    public string? SendEventPostUri { get; internal set; }

    public string? TerminatePostUri { get; internal set; }

    public string? RewindPostUri { get; internal set; }

    public string? PurgeHistoryDeleteUri { get; internal set; }

    public string? RestartPostUri { get; internal set; }

    public string? SuspendPostUri { get; internal set; }

    public string? ResumePostUri { get; internal set; }
}
