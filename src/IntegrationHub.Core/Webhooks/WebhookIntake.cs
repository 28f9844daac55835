using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Webhooks;

/// <summary>Takes a delivery at the door: verify, archive, dedupe, enqueue — and only then answer (ARCHITECTURE.md
/// decision 3). A refused delivery leaves nothing behind.</summary>
public sealed partial class WebhookIntake(
    IOptionsMonitor<HubOptions> options,
    ConnectorCatalog catalog,
    IDeliveryArchive archive,
    IDeliveryQueue queue,
    TimeProvider time,
    ILogger<WebhookIntake> logger)
{
    /// <summary>Headers that carry credentials are never archived.</summary>
    private static readonly HashSet<string> CredentialHeaders =
        new(["Authorization", "Proxy-Authorization", "Cookie", "X-Functions-Key"], StringComparer.OrdinalIgnoreCase);

    public async Task<IntakeResult> AcceptAsync(WebhookRequest request, CancellationToken cancellationToken = default)
    {
        var hub = options.CurrentValue;
        if (!hub.Connections.TryGetValue(request.Connection, out var connection))
        {
            return Refuse(request, WebhookProblem.UnknownConnection(request.Connection));
        }
        // Store the configured spelling, so /webhooks/SHOP and /webhooks/shop archive and dedupe as one connection.
        request = request with { Connection = hub.Connections.Keys.First(k => string.Equals(k, request.Connection, StringComparison.OrdinalIgnoreCase)) };
        if (request.Body.Length > hub.MaxBodyBytes)
        {
            return Refuse(request, WebhookProblem.BodyTooLarge(hub.MaxBodyBytes));
        }
        var now = time.GetUtcNow();
        var verification = catalog.Verifier(connection.Provider).Verify(request, connection, now);
        if (!verification.IsValid)
        {
            return Refuse(request, verification.Problem!);
        }
        if (catalog.Challenge(connection.Provider) is { } challenge && challenge.TryAnswer(request, out var answer))
        {
            LogAnswered(request.Connection);
            return IntakeResult.Answered(answer);
        }
        if (catalog.Normaliser(connection.Provider).Validate(request.Body, connection) is { } malformed)
        {
            return Refuse(request, malformed);
        }

        var deliveryId = verification.DeliveryIdFor(request.Body.Span);
        var headers = request.Headers
            .Where(h => !CredentialHeaders.Contains(h.Key))
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value, StringComparer.OrdinalIgnoreCase);
        var delivery = new ArchivedDelivery(request.Connection, connection.Provider, deliveryId, now, headers, request.Body.ToArray());
        var outcome = await archive.AddAsync(delivery, cancellationToken);
        if (outcome != ArchiveOutcome.ExistsEnqueued)
        {
            await queue.EnqueueAsync(new DeliveryMessage(request.Connection, deliveryId), cancellationToken);
            await archive.MarkEnqueuedAsync(request.Connection, deliveryId, cancellationToken);
        }
        LogAccepted(request.Connection, deliveryId, outcome);
        return IntakeResult.Accepted(deliveryId, outcome != ArchiveOutcome.Added);
    }

    /// <summary>Answers a vendor's GET check of the webhook URL. Writes nothing.</summary>
    public HandshakeResult Handshake(WebhookRequest request)
    {
        if (!options.CurrentValue.Connections.TryGetValue(request.Connection, out var connection))
        {
            return HandshakeResult.Refused(Refuse(request, WebhookProblem.UnknownConnection(request.Connection)).Problem!);
        }
        var handshake = catalog.Handshake(connection.Provider);
        var result = handshake?.Respond(request, connection)
            ?? HandshakeResult.Refused(WebhookProblem.HandshakeNotSupported(connection.Provider));
        if (result.Problem is { } problem)
        {
            LogRefused(request.Connection, problem.Status, problem.Type);
        }
        return result;
    }

    private IntakeResult Refuse(WebhookRequest request, WebhookProblem problem)
    {
        LogRefused(request.Connection, problem.Status, problem.Type);
        return IntakeResult.Rejected(problem);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted delivery {DeliveryId} on {Connection} ({Outcome})")]
    private partial void LogAccepted(string connection, string deliveryId, ArchiveOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered the provider's URL check on {Connection}; nothing archived")]
    private partial void LogAnswered(string connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a delivery on {Connection}: {Status} {ProblemType}")]
    private partial void LogRefused(string connection, int status, string problemType);
}
