namespace IntegrationHub.Core.Configuration;

/// <summary>One configured source: <c>Hub:Connections:{name}</c>.</summary>
public sealed class ConnectionOptions
{
    /// <summary>Lowercase kebab-case provider id, e.g. <c>standard-webhooks</c>.</summary>
    public string Provider { get; set; } = "";

    /// <summary>Signing secrets; any one of them verifies a delivery, so a secret can be rotated without downtime.</summary>
    public List<string> Secrets { get; init; } = [];

    /// <summary>Public keys for vendors that sign asymmetrically (SendGrid's ECDSA key, a Standard Webhooks <c>v1a</c>
    /// Ed25519 key); any one of them verifies a delivery.</summary>
    public List<string> PublicKeys { get; init; } = [];

    /// <summary>Provider-specific settings, e.g. the header or query parameter that carries a shared token, or the verify
    /// token of a subscription handshake. Each provider's folder documents the keys it reads.</summary>
    public Dictionary<string, string> Settings { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Canonical field name (<c>id</c>, <c>email</c>, <c>first_name</c>, <c>last_name</c>, <c>phone</c>) to the
    /// payload's own name for it; dotted paths reach into nested objects.</summary>
    public Dictionary<string, string> FieldMap { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
