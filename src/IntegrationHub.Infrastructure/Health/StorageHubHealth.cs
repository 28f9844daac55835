using Azure.Data.Tables;
using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Identity;
using IntegrationHub.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Infrastructure.Health;

/// <summary>Storage health: the table service answers a query and the delivery queue reports its depth, within
/// <see cref="StorageOptions.HealthCheckTimeout"/>. Never throws for a storage failure: it reports it.</summary>
public sealed partial class StorageHubHealth(
    StorageResources storage,
    IUnmappedEventLog unmapped,
    SharedIdentifierCount sharedIdentifiers,
    TimeProvider time,
    IOptions<StorageOptions> options,
    ILogger<StorageHubHealth> logger,
    IOptions<MatchingOptions>? matching = null) : IHubHealth
{
    public const string StorageCheck = "storage";
    public const string Ok = "ok";
    public const string MatchingCheck = "matching";

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.HealthCheckTimeout);
        try
        {
            var table = await storage.TableAsync(StorageNames.DeliveriesTable, deadline.Token);
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: deadline.Token).AsPages())
            {
                break;
            }
            var queue = await storage.QueueAsync(StorageNames.DeliveryQueue, deadline.Token);
            var properties = await queue.GetPropertiesAsync(deadline.Token);
            var oldest = await queue.PeekMessagesAsync(1, deadline.Token);
            var oldestAge = oldest.Value.FirstOrDefault()?.InsertedOn is { } inserted
                ? Math.Max(0, (time.GetUtcNow() - inserted).TotalSeconds)
                : 0;
            var poison = await storage.QueueAsync(StorageNames.PoisonQueue, deadline.Token);
            var deadLetters = (await poison.GetPropertiesAsync(deadline.Token)).Value.ApproximateMessagesCountLong;
            var unmappedEvents = await unmapped.CountAsync(deadline.Token);
            var shared = await sharedIdentifiers.CountAsync(deadline.Token);
            return new HealthReport(
                HealthReport.Healthy,
                new Dictionary<string, string> { [StorageCheck] = Ok, [MatchingCheck] = MatchingState },
                properties.Value.ApproximateMessagesCountLong,
                unmappedEvents,
                Math.Round(oldestAge, 1),
                deadLetters,
                shared);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnhealthy(nameof(TimeoutException), null);
            return Unhealthy($"error: {nameof(TimeoutException)}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnhealthy(e.GetType().Name, e);
            return Unhealthy($"error: {e.GetType().Name}");
        }
    }

    /// <summary>Probabilistic matching in the pipeline: <c>on</c> when a model is configured, else <c>off</c>.</summary>
    private string MatchingState => matching?.Value.Enabled == true ? "on" : "off";

    private HealthReport Unhealthy(string storageStatus) =>
        new(HealthReport.Unhealthy, new Dictionary<string, string> { [StorageCheck] = storageStatus, [MatchingCheck] = MatchingState }, null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage health check failed: {ErrorType}")]
    private partial void LogUnhealthy(string errorType, Exception? exception);
}
