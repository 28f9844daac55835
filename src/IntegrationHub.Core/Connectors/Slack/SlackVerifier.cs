using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Slack;

/// <summary>Verifies Slack's request signing: <c>X-Slack-Signature: v0=&lt;hex&gt;</c>, a hex HMAC-SHA256 of
/// <c>v0:{X-Slack-Request-Timestamp}:{body}</c> keyed by the signing secret's UTF-8 text, the timestamp within the hub's
/// tolerance (Slack's own rule is five minutes). The delivery id is an Events API body's <c>event_id</c> (kept across
/// Slack's retries), else one derived from the body (slash commands and interactivity carry no id).</summary>
public sealed class SlackVerifier(IOptions<HubOptions> options) : IWebhookVerifier
{
    private const int MaxStackKeyBytes = 256;

    /// <summary>Longer ids are ignored: even fully escaped (three characters each) they must fit a 512-character table key.</summary>
    private const int MaxDeliveryIdLength = 128;
    private const string Version = "v0";

    public string Provider => SlackProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var signature = request.Header(SlackProvider.SignatureHeader);
        var timestampText = request.Header(SlackProvider.TimestampHeader);
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestampText))
        {
            var missing = string.IsNullOrEmpty(signature) ? SlackProvider.SignatureHeader : SlackProvider.TimestampHeader;
            return VerificationResult.Invalid(WebhookProblem.MissingSignature($"The {missing} header is missing."));
        }
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature($"The {SlackProvider.TimestampHeader} header is not Unix seconds."));
        }
        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature($"The {SlackProvider.SignatureHeader} header does not start with {Version}=."));
        }
        if (!AnySecretMatches(signature.AsSpan(Version.Length + 1), timestampText, request.Body.Span, connection.Secrets))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
                $"The {SlackProvider.SignatureHeader} signature matches no configured signing secret."));
        }
        var tolerance = (long)options.Value.TimestampTolerance.TotalSeconds;
        var age = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(age) > tolerance)
        {
            return VerificationResult.Invalid(WebhookProblem.StaleTimestamp(
                $"The {SlackProvider.TimestampHeader} {timestamp} is {Math.Abs(age)} seconds in the {(age > 0 ? "past" : "future")}, "
                + $"beyond the {tolerance}-second tolerance."));
        }
        return VerificationResult.Valid(EventId(request.Body.Span) ?? ContentDeliveryId.For(request.Body.Span));
    }

    private static bool AnySecretMatches(ReadOnlySpan<char> hex, string timestamp, ReadOnlySpan<byte> body, List<string> secrets)
    {
        // The base string is `v0:{timestamp}:{body}`: assembled once in a pooled buffer, then signed with each secret.
        var prefixLength = Version.Length + 1 + timestamp.Length + 1;
        var length = prefixLength + body.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var signed = buffer.AsSpan(0, length);
            "v0:"u8.CopyTo(signed);
            Encoding.ASCII.GetBytes(timestamp, signed[(Version.Length + 1)..]);
            signed[prefixLength - 1] = (byte)':';
            body.CopyTo(signed[prefixLength..]);

            Span<byte> keyBuffer = stackalloc byte[MaxStackKeyBytes];
            Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
            foreach (var secret in secrets)
            {
                ReadOnlySpan<byte> key = Encoding.UTF8.TryGetBytes(secret, keyBuffer, out var written)
                    ? keyBuffer[..written]
                    : Encoding.UTF8.GetBytes(secret);
                HMACSHA256.HashData(key, signed, expected);
                if (SignatureText.HexEquals(hex, expected))
                {
                    return true;
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

    /// <summary>An Events API callback's top-level <c>event_id</c>; null for form-encoded bodies and bodies without one.</summary>
    private static string? EventId(ReadOnlySpan<byte> body)
    {
        if (body.TrimStart(" \t\r\n"u8) is not [(byte)'{', ..])
        {
            return null;
        }
        var reader = new Utf8JsonReader(body);
        try
        {
            reader.Read();
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
            // Malformed JSON: the signature covered these bytes, so fall back to an id derived from them.
        }
        return null;
    }
}
