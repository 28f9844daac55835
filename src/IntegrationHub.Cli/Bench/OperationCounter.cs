using Azure.Core;
using Azure.Core.Pipeline;

namespace IntegrationHub.Cli.Bench;

/// <summary>Counts the requests an Azure SDK client sends (retries included), so the baseline can report storage
/// operations per second as well as deliveries.</summary>
internal sealed class OperationCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
