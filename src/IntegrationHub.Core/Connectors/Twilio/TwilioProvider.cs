namespace IntegrationHub.Core.Connectors.Twilio;

/// <summary>Twilio webhooks and status callbacks (README.md in this folder says exactly how Twilio signs).</summary>
public static class TwilioProvider
{
    public const string Id = "twilio";

    /// <summary>Base64 HMAC-SHA1, keyed by the account's auth token, of the full URL followed by the sorted form
    /// parameters.</summary>
    public const string SignatureHeader = "X-Twilio-Signature";

    /// <summary>The same value on every retry of one callback: the delivery id when present.</summary>
    public const string IdempotencyTokenHeader = "I-Twilio-Idempotency-Token";

    /// <summary>Query parameter Twilio adds to the URL of a JSON-bodied request: the body's hex SHA-256.</summary>
    public const string BodyHashParameter = "bodySHA256";
}
