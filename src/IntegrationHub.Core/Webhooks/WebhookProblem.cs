namespace IntegrationHub.Core.Webhooks;

/// <summary>An RFC 9457 problem: why a delivery was refused. Never carries a secret or the payload.</summary>
public sealed record WebhookProblem(int Status, string Type, string Title, string Detail)
{
    private const string TypePrefix = "urn:integrationhub:problem:";

    public static WebhookProblem MissingSignature(string detail) =>
        new(401, TypePrefix + "missing-signature", "Missing signature", detail);

    public static WebhookProblem InvalidSignature(string detail) =>
        new(401, TypePrefix + "invalid-signature", "Invalid signature", detail);

    public static WebhookProblem StaleTimestamp(string detail) =>
        new(401, TypePrefix + "stale-timestamp", "Stale timestamp", detail);

    public static WebhookProblem UnknownConnection(string connection) =>
        new(404, TypePrefix + "unknown-connection", "Unknown connection", $"No connection named '{connection}' is configured.");

    public static WebhookProblem BodyTooLarge(int limit) =>
        new(413, TypePrefix + "body-too-large", "Body too large", $"The body is larger than the {limit}-byte limit.");

    public static WebhookProblem HandshakeNotSupported(string provider) =>
        new(405, TypePrefix + "handshake-not-supported", "Method not allowed", $"Provider '{provider}' sends no GET to check its webhook URL; deliveries are POSTed.");

    public static WebhookProblem HandshakeRefused(string detail) =>
        new(403, TypePrefix + "handshake-refused", "Handshake refused", detail);

    public static WebhookProblem MalformedPayload(string detail) =>
        new(400, TypePrefix + "malformed-payload", "Malformed payload", detail);

    /// <summary>Storage did not answer, so the delivery was not both archived and queued: it is not accepted, and the
    /// vendor should send it again (a partial write is finished by that redelivery).</summary>
    public static WebhookProblem StorageUnavailable() =>
        new(503, TypePrefix + "storage-unavailable", "Storage unavailable", "The delivery could not be archived and queued just now; send it again.");
}
