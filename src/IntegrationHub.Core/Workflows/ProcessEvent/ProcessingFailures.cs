using System.Text.Json;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>Tells poison from transient: a permanent failure will fail the same way on every retry, so its message
/// is dead-lettered at once; anything else is retried until the delivery count runs out.</summary>
public static class ProcessingFailures
{
    public static bool IsPermanent(Exception exception) => exception switch
    {
        MalformedPayloadException or DeliveryNotFoundException or UnknownProviderException or JsonException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsPermanent),
        _ => false,
    };
}
