using System.Text.Json;

namespace IntegrationHub.Core.Model;

/// <summary>The queue message for an accepted delivery. It names the archived delivery rather than carrying it,
/// so messages stay small whatever the body size.</summary>
/// <param name="Replay">Set when an operator replays the delivery, so the transport treats it as a new message.</param>
public sealed record DeliveryMessage(string Connection, string DeliveryId, string? Replay = null)
{
    /// <summary>The queue both transports use (Service Bus in Azure, Storage Queue standalone).</summary>
    public const string QueueName = "deliveries";

    /// <summary>The wire format: camelCase JSON.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a message body; null when it is not a well-formed delivery message.</summary>
    public static DeliveryMessage? TryParse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var message = JsonSerializer.Deserialize<DeliveryMessage>(utf8Json, JsonOptions);
            return message is { Connection.Length: > 0, DeliveryId.Length: > 0 } ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
