namespace IntegrationHub.Core.Connectors.Mailgun;

/// <summary>Mailgun webhooks (README.md in this folder says exactly how Mailgun signs). Mailgun signs inside the JSON
/// body, not in a header: <c>{"signature": {"timestamp", "token", "signature"}, "event-data": {…}}</c>.</summary>
public static class MailgunProvider
{
    public const string Id = "mailgun";

    /// <summary>The body's top-level object that carries the signature.</summary>
    public const string SignatureObject = "signature";

    public const string TimestampField = "timestamp";

    public const string TokenField = "token";

    /// <summary>Hex HMAC-SHA256 of timestamp + token with the domain's webhook signing key.</summary>
    public const string SignatureField = "signature";

    /// <summary>The same HMAC with the primary account's key, sent for events on a subaccount's domain.</summary>
    public const string ParentSignatureField = "parent-signature";
}
