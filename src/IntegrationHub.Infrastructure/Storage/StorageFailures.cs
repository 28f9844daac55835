using Azure;

namespace IntegrationHub.Infrastructure.Storage;

/// <summary>Tells a storage outage (the service down, unreachable, overloaded or timing out) from a request storage
/// refused on its merits.</summary>
public static class StorageFailures
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        // Azure.Core's retry policy gives up with an AggregateException of every attempt's failure.
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        HttpRequestException or IOException or TimeoutException or TaskCanceledException => true,
        _ => false,
    };
}
