namespace IntegrationHub.Core.Connectors.Segment;

/// <summary>Segment: the Webhooks destinations, signed when the destination has a shared secret.</summary>
public static class SegmentProvider
{
    public const string Id = "segment";

    /// <summary>Hex HMAC-SHA1 of the body.</summary>
    public const string SignatureHeader = "X-Signature";
}
