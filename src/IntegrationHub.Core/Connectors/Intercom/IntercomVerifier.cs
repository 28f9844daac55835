using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Intercom;

/// <summary>Verifies Intercom's signed notifications: <c>X-Hub-Signature: sha1=&lt;hex&gt;</c>, the HMAC-SHA1 of the raw
/// body keyed by the app's client secret (UTF-8 text). Intercom signs no timestamp. The delivery id is the notification's
/// top-level <c>id</c> (<c>notif_…</c>): the body counts <c>delivery_attempts</c>, so an id derived from it would likely
/// differ between retries; it is only the fallback.</summary>
public sealed class IntercomVerifier : IWebhookVerifier
{
    private const int MaxStackKeyBytes = 256;

    /// <summary>Longer ids are ignored: even fully escaped (three characters each) they must fit a 512-character table key.</summary>
    private const int MaxDeliveryIdLength = 128;
    private const string Prefix = "sha1=";

    public string Provider => IntercomProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var signature = request.Header(IntercomProvider.SignatureHeader);
        if (string.IsNullOrEmpty(signature))
        {
            return VerificationResult.Invalid(WebhookProblem.MissingSignature($"The {IntercomProvider.SignatureHeader} header is missing."));
        }
        if (!signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature($"The {IntercomProvider.SignatureHeader} header does not start with {Prefix}."));
        }
        var body = request.Body.Span;
        Span<byte> keyBuffer = stackalloc byte[MaxStackKeyBytes];
        Span<byte> expected = stackalloc byte[HMACSHA1.HashSizeInBytes];
        foreach (var secret in connection.Secrets)
        {
            ReadOnlySpan<byte> key = Encoding.UTF8.TryGetBytes(secret, keyBuffer, out var written)
                ? keyBuffer[..written]
                : Encoding.UTF8.GetBytes(secret);
#pragma warning disable CA5350 // HMAC-SHA1 is Intercom's scheme, not our choice; as a MAC it is not broken by SHA-1 collisions.
            HMACSHA1.HashData(key, body, expected);
#pragma warning restore CA5350
            if (SignatureText.HexEquals(signature.AsSpan(Prefix.Length), expected))
            {
                return VerificationResult.Valid(NotificationId(body) ?? ContentDeliveryId.For(body));
            }
        }
        return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
            $"The {IntercomProvider.SignatureHeader} signature matches no configured client secret."));
    }

    /// <summary>The notification's top-level <c>id</c>, or null when the body is not a JSON object carrying one.</summary>
    private static string? NotificationId(ReadOnlySpan<byte> body)
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
                var isId = reader.ValueTextEquals("id"u8);
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
