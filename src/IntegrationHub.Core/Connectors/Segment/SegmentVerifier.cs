using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Segment;

/// <summary>Verifies Segment's scheme: <c>X-Signature</c> is the hex HMAC-SHA1 of the raw body keyed by the destination's
/// shared secret (UTF-8 text). Segment signs no timestamp. The delivery id is the message's top-level <c>messageId</c>
/// (set once by the Segment library that sent it), else one derived from the body.</summary>
public sealed class SegmentVerifier : IWebhookVerifier
{
    private const int MaxStackKeyBytes = 256;

    /// <summary>Longer ids are ignored: even fully escaped (three characters each) they must fit a 512-character table key.</summary>
    private const int MaxDeliveryIdLength = 128;

    public string Provider => SegmentProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var signature = request.Header(SegmentProvider.SignatureHeader);
        if (string.IsNullOrEmpty(signature))
        {
            return VerificationResult.Invalid(WebhookProblem.MissingSignature($"The {SegmentProvider.SignatureHeader} header is missing."));
        }
        var body = request.Body.Span;
        Span<byte> keyBuffer = stackalloc byte[MaxStackKeyBytes];
        Span<byte> expected = stackalloc byte[HMACSHA1.HashSizeInBytes];
        foreach (var secret in connection.Secrets)
        {
            ReadOnlySpan<byte> key = Encoding.UTF8.TryGetBytes(secret, keyBuffer, out var written)
                ? keyBuffer[..written]
                : Encoding.UTF8.GetBytes(secret);
#pragma warning disable CA5350 // HMAC-SHA1 is Segment's scheme, not our choice; as a MAC it is not broken by SHA-1 collisions.
            HMACSHA1.HashData(key, body, expected);
#pragma warning restore CA5350
            if (SignatureText.HexEquals(signature, expected))
            {
                return VerificationResult.Valid(MessageId(body) ?? ContentDeliveryId.For(body));
            }
        }
        return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
            $"The {SegmentProvider.SignatureHeader} signature matches no configured shared secret."));
    }

    /// <summary>The body's top-level <c>messageId</c>; null for batches (a JSON array) and bodies without one.</summary>
    private static string? MessageId(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("messageId"u8);
                reader.Read();
                if (isId && reader.TokenType == JsonTokenType.String)
                {
                    var id = reader.GetString();
                    return string.IsNullOrWhiteSpace(id) || id.Length > MaxDeliveryIdLength ? null : id;
                }
                reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON (or not UTF-8): the signature covered these bytes, so fall back to an id derived from them.
        }
        return null;
    }
}
