using System.Security.Cryptography;

namespace IntegrationHub.Core.Connectors;

/// <summary>A delivery id for vendors that send none: derived from the body, so the vendor's retries of the same
/// delivery dedupe onto one id.</summary>
public static class ContentDeliveryId
{
    public const string Prefix = "sha256-";

    public static string For(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }
}
