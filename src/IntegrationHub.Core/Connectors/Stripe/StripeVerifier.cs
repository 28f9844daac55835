using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Stripe;

/// <summary>Verifies Stripe's scheme: <c>Stripe-Signature: t=…,v1=…</c>, each <c>v1</c> a hex HMAC-SHA256 of
/// <c>{t}.{body}</c> keyed by the signing secret's UTF-8 text. Any <c>v1</c> may match (Stripe sends two while a secret is
/// rolled); other schemes (<c>v0</c>) are ignored. A genuine signature older or newer than the hub's tolerance is stale.
/// The delivery id is the event's own <c>id</c> (<c>evt_…</c>), which Stripe keeps across retries.</summary>
public sealed class StripeVerifier(IOptions<HubOptions> options) : IWebhookVerifier
{
    private const int MaxStackKeyBytes = 256;

    /// <summary>Longer ids are ignored: even fully escaped (three characters each) they must fit a 512-character table key.</summary>
    private const int MaxDeliveryIdLength = 128;

    public string Provider => StripeProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var header = request.Header(StripeProvider.SignatureHeader);
        if (string.IsNullOrEmpty(header))
        {
            return VerificationResult.Invalid(WebhookProblem.MissingSignature($"The {StripeProvider.SignatureHeader} header is missing."));
        }
        if (!TryParse(header, out var timestampText, out var timestamp))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
                $"The {StripeProvider.SignatureHeader} header is malformed: it needs t=<unix seconds> and at least one v1=<hex> entry."));
        }
        if (!AnySecretMatches(header, timestampText, request.Body.Span, connection.Secrets))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
                $"No v1 signature in the {StripeProvider.SignatureHeader} header matches a configured secret."));
        }
        var tolerance = (long)options.Value.TimestampTolerance.TotalSeconds;
        var age = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(age) > tolerance)
        {
            return VerificationResult.Invalid(WebhookProblem.StaleTimestamp(
                $"The {StripeProvider.SignatureHeader} timestamp t={timestamp} is {Math.Abs(age)} seconds in the {(age > 0 ? "past" : "future")}, "
                + $"beyond the {tolerance}-second tolerance."));
        }
        return VerificationResult.Valid(EventId(request.Body.Span) ?? ContentDeliveryId.For(request.Body.Span));
    }

    /// <summary>Finds <c>t</c> (digits only) and checks there is at least one non-empty <c>v1</c>, as Stripe's libraries do.</summary>
    private static bool TryParse(string header, out ReadOnlySpan<char> timestampText, out long timestamp)
    {
        timestampText = default;
        var hasSignature = false;
        foreach (var range in header.AsSpan().Split(','))
        {
            var entry = header.AsSpan()[range].Trim();
            if (entry.StartsWith("t=", StringComparison.Ordinal))
            {
                timestampText = entry[2..];
            }
            else if (entry.StartsWith("v1=", StringComparison.Ordinal) && entry.Length > 3)
            {
                hasSignature = true;
            }
        }
        timestamp = 0;
        return hasSignature && long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
    }

    private static bool AnySecretMatches(string header, ReadOnlySpan<char> timestamp, ReadOnlySpan<byte> body, List<string> secrets)
    {
        // The signed payload is `{t}.{body}`: assembled once in a pooled buffer, then signed with each secret.
        var length = timestamp.Length + 1 + body.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var signed = buffer.AsSpan(0, length);
            Encoding.ASCII.GetBytes(timestamp, signed);
            signed[timestamp.Length] = (byte)'.';
            body.CopyTo(signed[(timestamp.Length + 1)..]);

            Span<byte> keyBuffer = stackalloc byte[MaxStackKeyBytes];
            Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
            foreach (var secret in secrets)
            {
                ReadOnlySpan<byte> key = Encoding.UTF8.TryGetBytes(secret, keyBuffer, out var written)
                    ? keyBuffer[..written]
                    : Encoding.UTF8.GetBytes(secret);
                HMACSHA256.HashData(key, signed, expected);
                foreach (var range in header.AsSpan().Split(','))
                {
                    var entry = header.AsSpan()[range].Trim();
                    if (entry.StartsWith("v1=", StringComparison.Ordinal) && SignatureText.HexEquals(entry[3..], expected))
                    {
                        return true;
                    }
                }
            }
            return false;
        }
        finally
        {
            buffer.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The event's top-level <c>id</c>, or null when the body is not a JSON object carrying one.</summary>
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
