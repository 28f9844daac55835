namespace IntegrationHub.Core.Connectors.HubSpot;

/// <summary>HubSpot webhooks and signed app requests (README.md in this folder says exactly how HubSpot signs).</summary>
public static class HubSpotProvider
{
    public const string Id = "hubspot";

    /// <summary>The v3 signature: base64 HMAC-SHA256 keyed by the app's client secret.</summary>
    public const string SignatureV3Header = "X-HubSpot-Signature-v3";

    /// <summary>Unix time in milliseconds; signed by v3 and checked against the hub's clock.</summary>
    public const string TimestampHeader = "X-HubSpot-Request-Timestamp";

    /// <summary>The v1 or v2 signature: hex SHA-256 of the client secret followed by the request.</summary>
    public const string SignatureHeader = "X-HubSpot-Signature";

    /// <summary>Which scheme <see cref="SignatureHeader"/> uses: <c>v1</c> or <c>v2</c>.</summary>
    public const string SignatureVersionHeader = "X-HubSpot-Signature-Version";
}
