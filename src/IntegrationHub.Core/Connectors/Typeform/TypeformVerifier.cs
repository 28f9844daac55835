using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Typeform;

/// <summary>Verifies Typeform's scheme: <c>Typeform-Signature: sha256=&lt;base64&gt;</c>, the HMAC-SHA256 of the raw body
/// keyed by the webhook secret's UTF-8 text. Typeform signs no timestamp. The delivery id is the body's top-level
/// <c>event_id</c>, else one derived from the body.</summary>
public sealed class TypeformVerifier : IWebhookVerifier
{
    private const int MaxStackKeyBytes = 256;

    /// <summary>Longer ids are ignored: even fully escaped (three characters each) they must fit a 512-character table key.</summary>
    private const int MaxDeliveryIdLength = 128;
    private const string Prefix = "sha256=";

    public string Provider => TypeformProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var signature = request.Header(TypeformProvider.SignatureHeader);
        if (string.IsNullOrEmpty(signature))
        {
            return VerificationResult.Invalid(WebhookProblem.MissingSignature($"The {TypeformProvider.SignatureHeader} header is missing."));
        }
        if (!signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature($"The {TypeformProvider.SignatureHeader} header does not start with {Prefix}."));
        }
        var body = request.Body.Span;
        Span<byte> keyBuffer = stackalloc byte[MaxStackKeyBytes];
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var secret in connection.Secrets)
        {
            ReadOnlySpan<byte> key = Encoding.UTF8.TryGetBytes(secret, keyBuffer, out var written)
                ? keyBuffer[..written]
                : Encoding.UTF8.GetBytes(secret);
            HMACSHA256.HashData(key, body, expected);
            if (SignatureText.Base64Equals(signature.AsSpan(Prefix.Length), expected))
            {
                return VerificationResult.Valid(EventId(body) ?? ContentDeliveryId.For(body));
            }
        }
        return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
            $"The {TypeformProvider.SignatureHeader} signature matches no configured secret."));
    }

    /// <summary>The body's top-level <c>event_id</c>, or null when the body is not a JSON object carrying one.</summary>
    private static string? EventId(ReadOnlySpan<byte> body)
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
                var isId = reader.ValueTextEquals("event_id"u8);
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
